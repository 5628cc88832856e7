"""Full-text search on PostgreSQL for resources, kept current by a trigger (see the
network's first migration for the shared ``sin_unaccent`` function)."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION resource_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.title, ''))), 'A') ||
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.summary, ''))), 'B') ||
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.description, ''))), 'C');
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS resource_search_vector_update ON resources_resource;
CREATE TRIGGER resource_search_vector_update
    BEFORE INSERT OR UPDATE OF title, summary, description, search_vector
    ON resources_resource FOR EACH ROW EXECUTE FUNCTION resource_search_vector();
UPDATE resources_resource SET search_vector = NULL;
CREATE INDEX IF NOT EXISTS resource_search_gin ON resources_resource USING GIN (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS resource_search_gin;
DROP TRIGGER IF EXISTS resource_search_vector_update ON resources_resource;
DROP FUNCTION IF EXISTS resource_search_vector();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_hidden_and_search"),
        ("network", "0001_initial"),  # creates sin_unaccent()
    ]
    operations = [migrations.RunPython(forward, backward)]
