"""Moderators may see the insight dashboard (staff's figures; the public page needs nothing).
Other staff are given the permission one by one in the admin."""

from django.db import migrations

from network.schema import grant_roles


class Migration(migrations.Migration):
    dependencies = [("network", "0007_monthly_counts"), ("network", "0003_roles")]

    operations = [grant_roles({"Moderators": {"network": {"insights": ["view"]}}})]
