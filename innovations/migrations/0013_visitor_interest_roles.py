"""Moderators release visitors' first messages to teams, or decline them, in the admin
(innovations.visitors). The pattern of resources/0004_roles.py."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = {"innovations": {"visitorinterest": ["view", "change"], "visitorreply": ["view"]}}


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    for app_label, models in MODERATORS.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            found = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            assert found.count() == len(codenames), (app_label, model)
            yield from found


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Moderators").first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("innovations", "0012_visitor_interest"),
        ("network", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
