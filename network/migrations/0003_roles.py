"""Staff roles as groups with exactly the model permissions they need.

Moderators: approve members, review innovations (and, as they land, resources), handle
reports, suspend members. Programme and event managers: events, clinics, programmes and
matching (their apps add those permissions as they land); here they may only look up people,
organisations and innovations. Superusers alone change settings and staff.
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
    },
    "innovations": {
        "innovation": ["view", "change"],
        "revision": ["view", "change"],
        "comment": ["view", "change", "delete"],
        "update": ["view", "change", "delete"],
        "adoption": ["view", "change"],
        "interest": ["view"],
        "teammember": ["view", "add", "change", "delete"],
        "innovationfacet": ["view", "add", "change", "delete"],
    },
    "network": {"report": ["view", "change"], "auditentry": ["view"]},
}
MANAGERS = {
    "members": {"user": ["view"], "organisation": ["view"]},
    "innovations": {"innovation": ["view"]},
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
        ("members", "0003_profile_hidden_at_user_suspended_at"),
        ("innovations", "0002_comment_hidden_at_innovation_hidden_at_and_more"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
