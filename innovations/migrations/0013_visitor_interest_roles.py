"""Moderators release visitors' first messages to teams, or decline them, in the admin
(innovations.visitors). The pattern of resources/0004_roles.py."""

from django.db import migrations

from network.schema import grant_roles

MODERATORS = {"innovations": {"visitorinterest": ["view", "change"], "visitorreply": ["view"]}}


class Migration(migrations.Migration):
    dependencies = [
        ("innovations", "0012_visitor_interest"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS})]
