"""The SQL plumbing of the benchmark seeders (``bench/seeding.py``) on PostgreSQL: statements
with parameters, table and column names read from the models' ``_meta`` (so the SQL follows
the real schema), ``bulk_create`` in batches, and tag links inserted set-based."""

# ruff: noqa: S608 -- SQL is built from the models' table and column names; every value goes
# through parameters.

from django.db import connection

BATCH = 5000


def execute(sql: str, params=()) -> int:
    """Run one statement; always with parameters, so ``%%`` always reads as ``%``."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def column(model, field: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(field).column)


def bulk(model, objects, batch_size: int = BATCH) -> list:
    """``bulk_create`` in batches, built lazily from an iterable; returns the saved objects."""
    saved, batch = [], []
    for obj in objects:
        batch.append(obj)
        if len(batch) == batch_size:
            saved += model.objects.bulk_create(batch)
            batch = []
    if batch:
        saved += model.objects.bulk_create(batch)
    return saved


def link_tags(through, owner_ids_sql: str, tags, per_row: int = 2) -> int:
    """Give each row selected by ``owner_ids_sql`` (a query yielding ``id``) ``per_row``
    distinct tags, chosen by arithmetic on its id, through a taggit ``TaggedItemBase``."""
    tag_ids = [tag.pk for tag in tags]
    n = len(tag_ids)
    return execute(
        f"""INSERT INTO {table(through)} ({column(through, "content_object")},
                                          {column(through, "tag")})
            SELECT o.id, (%s::bigint[])[1 + (o.id * 7 + k * (1 + o.id %% 5)) %% %s]
            FROM ({owner_ids_sql}) o CROSS JOIN generate_series(0, %s) k
            ON CONFLICT DO NOTHING""",
        [tag_ids, n, per_row - 1],
    )
