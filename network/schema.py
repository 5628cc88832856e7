"""Operations the apps' migrations share: staff roles and full-text search triggers.

Only the historical models a migration is given are used here, so old migrations keep
working as the models change.

**Staff roles** are groups holding exactly the model permissions they need (DESIGN §1). Each
app grants its own models' permissions to the groups in a ``*_roles`` migration, with
one operation::

    operations = [grant_roles({"Moderators": {"spaces": {"space": ["view", "change"]}}})]

A role maps app labels to models to actions; ``view`` on ``space`` is the permission
``spaces.view_space``. Reversing the migration takes the same permissions back.

**Search on PostgreSQL**: a table's search vector is kept current by the database. A BEFORE
INSERT OR UPDATE trigger computes it with the language-neutral 'simple' configuration
(members write in many languages), accents folded by ``sin_unaccent`` (an IMMUTABLE wrapper
of unaccent made by network's first migration, on which such a migration depends), each
column weighted A to D; a GIN index serves it. On other databases nothing happens (search
falls back to a portable match)::

    operations = [search_trigger("space", "spaces_space", {"A": ["title"], "B": ["about"]})]
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

type Spec = dict[str, dict[str, list[str]]]


def _ensure_permissions(apps):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def _permissions(apps, spec: Spec):
    Permission = apps.get_model("auth", "Permission")
    for app_label, models in spec.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            found = list(
                Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
            )
            assert len(found) == len(codenames), (app_label, model)
            yield from found


def grant_roles(roles: dict[str, Spec]) -> migrations.RunPython:
    """The migration operation that gives each named group its permissions (made if missing),
    and, reversed, takes them back."""

    def grant(apps, schema_editor):
        _ensure_permissions(apps)
        Group = apps.get_model("auth", "Group")
        for name, spec in roles.items():
            group, _created = Group.objects.get_or_create(name=name)
            group.permissions.add(*_permissions(apps, spec))

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        for name, spec in roles.items():
            group = Group.objects.filter(name=name).first()
            if group is not None:
                group.permissions.remove(*_permissions(apps, spec))

    return migrations.RunPython(grant, revoke)


def search_trigger(name: str, table: str, weights: dict[str, list[str]]) -> migrations.RunPython:
    """The migration operation that keeps ``table.search_vector`` current on PostgreSQL: the
    function ``<name>_search_vector()``, its trigger and the GIN index ``<name>_search_gin``;
    rows already there are recomputed. Reversed, all three are dropped."""
    columns = [column for group in weights.values() for column in group]
    # Names written in migrations, never input; checked so that they can only be names.
    assert all(word.isidentifier() for word in [name, table, *columns]), (name, table)
    vector = " ||\n        ".join(
        "setweight(to_tsvector('simple', sin_unaccent({})), '{}')".format(
            " || ' ' || ".join(f"coalesce(NEW.{column}, '')" for column in group), weight
        )
        for weight, group in weights.items()
    )
    forward_sql = f"""
CREATE OR REPLACE FUNCTION {name}_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
        {vector};
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS {name}_search_vector_update ON {table};
CREATE TRIGGER {name}_search_vector_update
    BEFORE INSERT OR UPDATE OF {", ".join(columns)}, search_vector
    ON {table} FOR EACH ROW EXECUTE FUNCTION {name}_search_vector();
UPDATE {table} SET search_vector = NULL;
CREATE INDEX IF NOT EXISTS {name}_search_gin ON {table} USING GIN (search_vector);
"""  # noqa: S608
    backward_sql = f"""
DROP INDEX IF EXISTS {name}_search_gin;
DROP TRIGGER IF EXISTS {name}_search_vector_update ON {table};
DROP FUNCTION IF EXISTS {name}_search_vector();
"""

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(forward_sql)

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(backward_sql)

    return migrations.RunPython(forward, backward)
