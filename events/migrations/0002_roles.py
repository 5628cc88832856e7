"""Staff roles for events (the pattern of network/migrations/0003_roles.py).

Programme and event managers run events in the admin: view, add, change and delete on every
events model. Moderators look at them (reports are resolved from the moderation queue).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = [
    "event", "eventhost", "eventlanguage", "registration", "invitation", "clinicslot",
    "booking", "feedback", "reminder", "calendartoken",
]  # fmt: skip
MANAGERS = {"events": {model: ["view", "add", "change", "delete"] for model in MODELS}}
MODERATORS = {"events": {model: ["view"] for model in MODELS}}


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
    grant(apps, "Programme and event managers", MANAGERS)
    grant(apps, "Moderators", MODERATORS)


def remove_roles(apps, schema_editor):
    revoke(apps, "Programme and event managers", MANAGERS)
    revoke(apps, "Moderators", MODERATORS)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("network", "0003_roles"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
