"""Staff roles as groups with exactly the model permissions they need.

Moderators: approve members, review innovations and resources, handle reports, suspend
members. Programme and event managers: events, clinics, programmes and matching.
Superusers alone change settings and staff. Here the two groups are made with the base's own
permissions (reports and the audit log); each app's ``*_roles`` migration grants its own
models' permissions, so that no migration of the base depends on an app above it.
"""

from django.db import migrations

from network.schema import grant_roles

MODERATORS = {"network": {"report": ["view", "change"], "auditentry": ["view"]}}
MANAGERS = {}


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

    operations = [
        # Reversed, the permissions are taken back, then the groups are removed.
        migrations.RunPython(migrations.RunPython.noop, remove_roles),
        grant_roles({"Moderators": MODERATORS, "Programme and event managers": MANAGERS}),
    ]
