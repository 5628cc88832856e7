"""Staff roles for events (the pattern of network/migrations/0003_roles.py).

Programme and event managers run events in the admin: view, add, change and delete on every
events model. Moderators look at them (reports are resolved from the moderation queue).
"""

from django.db import migrations

from network.schema import grant_roles

MODELS = [
    "event", "eventhost", "eventlanguage", "registration", "invitation", "clinicslot",
    "booking", "feedback", "reminder", "calendartoken",
]  # fmt: skip
MANAGERS = {"events": {model: ["view", "add", "change", "delete"] for model in MODELS}}
MODERATORS = {"events": {model: ["view"] for model in MODELS}}


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("network", "0003_roles"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS, "Programme and event managers": MANAGERS})]
