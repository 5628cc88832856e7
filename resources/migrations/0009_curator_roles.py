"""Curated collections on the site: moderators may make them as well as keep every one in the
admin, and staff name members curators by putting them in the group "Collection curators"
(each keeps their own collections)."""

from django.db import migrations

from network.schema import grant_roles

CURATE = {"resources": {"collection": ["curate"]}}


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0008_curated_collections"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": CURATE, "Collection curators": CURATE})]
