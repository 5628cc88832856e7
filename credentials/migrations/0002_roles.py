"""Staff roles for credentials (the pattern of network/migrations/0003_roles.py).

Moderators define achievements (with their language versions), issue credentials by hand
with a reason, and revoke, suspend, reinstate or re-issue them (``decide_credential``); nobody
edits or deletes a credential (its content is signed, its place in the status lists stays).
"""

from django.db import migrations

from network.schema import grant_roles

MODERATORS = {
    "credentials": {
        "achievement": ["view", "add", "change"],
        "achievementversion": ["view", "add", "change", "delete"],
        "credential": ["view", "add", "decide"],
    }
}


class Migration(migrations.Migration):
    dependencies = [
        ("credentials", "0001_initial"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS})]
