"""Moderators import in bulk what they curate (network.imports): an import adds and changes,
so they may now add organisations, and they invite people to join — an invitation is an
approval given in advance, and approving members is theirs already. The pattern of
0006_roles.py."""

from django.db import migrations

from network.schema import grant_roles

MODERATORS = {
    "members": {
        "organisation": ["add"],
        "invitation": ["view", "add", "change"],
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0011_invitation"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS})]
