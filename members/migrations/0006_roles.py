"""Staff roles for members and organisations (the pattern of network/migrations/0003_roles.py, which makes the
groups). This grant was made by that migration before each app granted its own.
"""

from django.db import migrations

from network.schema import grant_roles

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


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_search_trigram"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS, "Programme and event managers": MANAGERS})]
