"""Moderators import the library's resources in bulk (network.imports): an import adds and
changes, so they may now add resources, as they add collections already. The pattern of
0004_roles.py."""

from django.db import migrations

from network.schema import grant_roles

MODERATORS = {"resources": {"resource": ["add"]}}


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0005_draft_without_file"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS})]
