"""Full-text search on PostgreSQL for spaces and threads, kept current by triggers (see the
network's first migration for the shared ``sin_unaccent`` function)."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION space_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.title, ''))), 'A') ||
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.description, ''))), 'B') ||
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.about, ''))), 'C');
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS space_search_vector_update ON spaces_space;
CREATE TRIGGER space_search_vector_update
    BEFORE INSERT OR UPDATE OF title, description, about, search_vector
    ON spaces_space FOR EACH ROW EXECUTE FUNCTION space_search_vector();
CREATE INDEX IF NOT EXISTS space_search_gin ON spaces_space USING GIN (search_vector);

CREATE OR REPLACE FUNCTION thread_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.title, ''))), 'A') ||
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.body, ''))), 'B');
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS thread_search_vector_update ON spaces_thread;
CREATE TRIGGER thread_search_vector_update
    BEFORE INSERT OR UPDATE OF title, body, search_vector
    ON spaces_thread FOR EACH ROW EXECUTE FUNCTION thread_search_vector();
CREATE INDEX IF NOT EXISTS thread_search_gin ON spaces_thread USING GIN (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS thread_search_gin;
DROP TRIGGER IF EXISTS thread_search_vector_update ON spaces_thread;
DROP FUNCTION IF EXISTS thread_search_vector();
DROP INDEX IF EXISTS space_search_gin;
DROP TRIGGER IF EXISTS space_search_vector_update ON spaces_space;
DROP FUNCTION IF EXISTS space_search_vector();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("spaces", "0001_initial"),
        ("network", "0001_initial"),  # creates sin_unaccent()
    ]
    operations = [migrations.RunPython(forward, backward)]
