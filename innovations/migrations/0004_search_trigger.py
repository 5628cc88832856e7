"""Full-text search on PostgreSQL: the search vector is kept current by the database.

A BEFORE INSERT OR UPDATE trigger computes it with the language-neutral 'simple'
configuration (members write in many languages), accents folded by ``sin_unaccent`` (an
IMMUTABLE wrapper of unaccent made by network's first migration), weighted title A, summary B,
problem/solution/evidence C; a GIN index serves it.
On other databases nothing happens here (search falls back to a portable match).
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION innovation_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.title, ''))), 'A') ||
        setweight(to_tsvector('simple', sin_unaccent(coalesce(NEW.summary, ''))), 'B') ||
        setweight(to_tsvector('simple', sin_unaccent(
            coalesce(NEW.problem, '') || ' ' || coalesce(NEW.solution, '') || ' ' ||
            coalesce(NEW.evidence, ''))), 'C');
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS innovation_search_vector_update ON innovations_innovation;
CREATE TRIGGER innovation_search_vector_update
    BEFORE INSERT OR UPDATE OF title, summary, problem, solution, evidence, search_vector
    ON innovations_innovation FOR EACH ROW EXECUTE FUNCTION innovation_search_vector();
UPDATE innovations_innovation SET search_vector = NULL;
CREATE INDEX IF NOT EXISTS innovation_search_gin ON innovations_innovation USING GIN (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS innovation_search_gin;
DROP TRIGGER IF EXISTS innovation_search_vector_update ON innovations_innovation;
DROP FUNCTION IF EXISTS innovation_search_vector();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("innovations", "0003_search_vector"), ("network", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
