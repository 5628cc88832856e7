"""Staff roles as groups with exactly the model permissions they need.

Moderators: approve members, review innovations and resources, handle reports, suspend
members. Programme and event managers: events, clinics, programmes and matching.
Superusers alone change settings and staff. Here the two groups are made with the base's own
permissions (reports and the audit log); each app's ``*_roles`` migration grants its own
models' permissions, so that no migration of the base depends on an app above it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = {"network": {"report": ["view", "change"], "auditentry": ["view"]}}
MANAGERS = {}


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


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=["Moderators", "Programme and event managers"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_auditentry_report"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
