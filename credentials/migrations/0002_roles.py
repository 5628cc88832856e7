"""Staff roles for credentials (the pattern of network/migrations/0003_roles.py).

Moderators define achievements (with their language versions), issue credentials by hand
with a reason, and revoke, suspend, reinstate or re-issue them (``decide_credential``); nobody
edits or deletes a credential (its content is signed, its place in the status lists stays).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = {
    "credentials": {
        "achievement": ["view", "add", "change"],
        "achievementversion": ["view", "add", "change", "delete"],
        "credential": ["view", "add", "decide"],
    }
}


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


def revoke(apps, group_name, spec):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    for app_label, models in spec.items():
        for model, actions in models.items():
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label,
                    codename__in=[f"{action}_{model}" for action in actions],
                )
            )


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    grant(apps, "Moderators", MODERATORS)


def remove_roles(apps, schema_editor):
    revoke(apps, "Moderators", MODERATORS)


class Migration(migrations.Migration):
    dependencies = [
        ("credentials", "0001_initial"),
        ("network", "0003_roles"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
