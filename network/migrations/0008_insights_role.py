"""Moderators may see the insight dashboard (staff's figures; the public page needs nothing).
Other staff are given the permission one by one in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure this one exists now.
    config = apps.get_app_config("network")
    config.models_module = True
    create_permissions(config, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="network", codename="view_insights")
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="network", codename="view_insights").delete()


class Migration(migrations.Migration):
    dependencies = [("network", "0007_monthly_counts"), ("network", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
