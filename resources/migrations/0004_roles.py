"""Moderators review contributed resources and curate collections in the admin (DESIGN §1):
view and change resources (approve and decline are change actions), view useful marks and
remove abusive ones, and keep the curated collections. The pattern of events/0002_roles.py."""

from django.db import migrations

from network.schema import grant_roles

MODERATORS = {
    "resources": {
        "resource": ["view", "change"],
        "resourcetheme": ["view", "add", "change", "delete"],
        "usefulmark": ["view", "delete"],
        "collection": ["view", "add", "change", "delete"],
        "collectionitem": ["view", "add", "change", "delete"],
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0003_search_trigger"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS})]
