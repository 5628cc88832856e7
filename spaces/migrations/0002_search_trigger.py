"""Full-text search on PostgreSQL for spaces and threads, kept current by triggers
(network.schema.search_trigger)."""

from django.db import migrations

from network.schema import search_trigger


class Migration(migrations.Migration):
    dependencies = [
        ("spaces", "0001_initial"),
        ("network", "0001_initial"),  # creates sin_unaccent()
    ]
    operations = [
        search_trigger("space", "spaces_space", {"A": ["title"], "B": ["description"], "C": ["about"]}),
        search_trigger("thread", "spaces_thread", {"A": ["title"], "B": ["body"]}),
    ]
