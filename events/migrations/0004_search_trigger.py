"""Full-text search on PostgreSQL for events, kept current by a trigger (see the
network's first migration for the shared ``sin_unaccent`` function)."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION event_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.title, ''))), 'A') ||
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.summary, ''))), 'B') ||
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.description, ''))), 'C');
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS event_search_vector_update ON events_event;
CREATE TRIGGER event_search_vector_update
    BEFORE INSERT OR UPDATE OF title, summary, description, search_vector
    ON events_event FOR EACH ROW EXECUTE FUNCTION event_search_vector();
UPDATE events_event SET search_vector = NULL;
CREATE INDEX IF NOT EXISTS event_search_gin ON events_event USING GIN (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS event_search_gin;
DROP TRIGGER IF EXISTS event_search_vector_update ON events_event;
DROP FUNCTION IF EXISTS event_search_vector();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_search_vector"),
        ("network", "0001_initial"),  # creates sin_unaccent()
    ]
    operations = [migrations.RunPython(forward, backward)]
