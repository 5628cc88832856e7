"""Moderators run the spaces in the admin (DESIGN §1): open and edit spaces, name their
moderators (memberships), hide or edit threads and replies after reports, remove shared
files and links, and read proposed sessions. The pattern of resources/0004_roles.py."""

from django.db import migrations

from network.schema import grant_roles

MODERATORS = {
    "spaces": {
        "space": ["view", "add", "change"],
        "membership": ["view", "add", "change", "delete"],
        "thread": ["view", "change"],
        "reply": ["view", "change"],
        "revision": ["view"],
        "sharedfile": ["view", "delete"],
        "sharedinnovation": ["view", "delete"],
        "sessionproposal": ["view"],
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("spaces", "0002_search_trigger"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS})]
