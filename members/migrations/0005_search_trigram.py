"""Search of members and organisations on PostgreSQL: trigram GIN indexes on the same
accent-folded expressions the search matches (``sin_unaccent(column) LIKE '%term%'``), so a
search does not fold every name of 50,000 members on each request. Nothing happens on other
databases."""

from django.db import migrations

INDEXES = [
    ("member_name_trgm", "members_user", "display_name"),
    ("profile_headline_trgm", "members_profile", "headline"),
    ("organisation_name_trgm", "members_organisation", "name"),
    ("organisation_description_trgm", "members_organisation", "description"),
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING GIN (sin_unaccent({column}) gin_trgm_ops)"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_profile_discovery_digest"),
        ("network", "0001_initial"),  # creates sin_unaccent()
    ]

    operations = [migrations.RunPython(forward, backward)]
