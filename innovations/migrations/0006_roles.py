"""Staff roles for innovations (the pattern of network/migrations/0003_roles.py, which makes the
groups). This grant was made by that migration before each app granted its own.
"""

from django.db import migrations

from network.schema import grant_roles

MODERATORS = {
    "innovations": {
        "innovation": ["view", "change"],
        "revision": ["view", "change"],
        "comment": ["view", "change", "delete"],
        "update": ["view", "change", "delete"],
        "adoption": ["view", "change"],
        "interest": ["view"],
        "teammember": ["view", "add", "change", "delete"],
        "innovationfacet": ["view", "add", "change", "delete"],
    }
}
MANAGERS = {"innovations": {"innovation": ["view"]}}


class Migration(migrations.Migration):
    dependencies = [
        ("innovations", "0005_recent_index"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS, "Programme and event managers": MANAGERS})]
