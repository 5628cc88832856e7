"""Staff roles for members and organisations (the pattern of network/migrations/0003_roles.py, which makes the
groups). This grant was made by that migration before each app granted its own.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = {
    "members": {
        "user": ["view", "change"],
        "profile": ["view", "change"],
        "organisation": ["view", "change"],
        "affiliation": ["view", "add", "change", "delete"],
        "message": ["view"],
        "block": ["view"],
    }
}
MANAGERS = {"members": {"user": ["view"], "organisation": ["view"]}}


def grant(apps, group_name, spec):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=group_name)
    for app_label, models in spec.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            permissions = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            assert permissions.count() == len(codenames), (app_label, model)
            group.permissions.add(*permissions)


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    grant(apps, "Moderators", MODERATORS)
    grant(apps, "Programme and event managers", MANAGERS)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_search_trigram"),
        ("network", "0003_roles"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
