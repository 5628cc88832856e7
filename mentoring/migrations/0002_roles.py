"""Staff roles for mentoring: Programme and event managers run mentors, requests, programmes,
matching and mentorships (view, add, change, delete); Moderators look them up (view).

The same pattern as ``network/migrations/0003_roles.py``, which creates the two groups."""

from django.db import migrations

from network.schema import grant_roles

MODELS = [
    "mentorprofile", "mentorfacet", "taggedmentorexpertise", "mentoringrequest",
    "taggedrequesttopic", "programme", "programmeapplication", "match", "mentorship", "goal",
    "session", "feedback", "reminder",
]  # fmt: skip
MANAGERS = {"mentoring": {model: ["view", "add", "change", "delete"] for model in MODELS}}
MODERATORS = {"mentoring": {model: ["view"] for model in MODELS}}


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0001_initial"),
        ("network", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [grant_roles({"Moderators": MODERATORS, "Programme and event managers": MANAGERS})]
