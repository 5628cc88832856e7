"""Staff roles for mentoring: Programme and event managers run mentors, requests, programmes,
matching and mentorships (view, add, change, delete); Moderators look them up (view).

The same pattern as ``network/migrations/0003_roles.py``, which creates the two groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = [
    "mentorprofile", "mentorfacet", "taggedmentorexpertise", "mentoringrequest",
    "taggedrequesttopic", "programme", "programmeapplication", "match", "mentorship", "goal",
    "session", "feedback", "reminder",
]  # fmt: skip
MANAGERS = {"mentoring": {model: ["view", "add", "change", "delete"] for model in MODELS}}
MODERATORS = {"mentoring": {model: ["view"] for model in MODELS}}


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
    grant(apps, "Programme and event managers", MANAGERS)
    grant(apps, "Moderators", MODERATORS)


def remove_roles(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(content_type__app_label="mentoring")
    for group in Group.objects.filter(name__in=["Moderators", "Programme and event managers"]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0001_initial"),
        ("network", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
