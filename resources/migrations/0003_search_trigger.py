"""Full-text search on PostgreSQL for resources, kept current by a trigger
(network.schema.search_trigger)."""

from django.db import migrations

from network.schema import search_trigger


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_hidden_and_search"),
        ("network", "0001_initial"),  # creates sin_unaccent()
    ]
    operations = [
        search_trigger(
            "resource",
            "resources_resource",
            {"A": ["title"], "B": ["summary"], "C": ["description"]},
        ),
    ]
