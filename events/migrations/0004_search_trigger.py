"""Full-text search on PostgreSQL for events, kept current by a trigger
(network.schema.search_trigger)."""

from django.db import migrations

from network.schema import search_trigger


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_search_vector"),
        ("network", "0001_initial"),  # creates sin_unaccent()
    ]
    operations = [
        search_trigger(
            "event", "events_event", {"A": ["title"], "B": ["summary"], "C": ["description"]}
        ),
    ]
