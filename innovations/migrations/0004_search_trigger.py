"""Full-text search on PostgreSQL for innovations, kept current by a trigger
(network.schema.search_trigger): title A, summary B, problem, solution and evidence C."""

from django.db import migrations

from network.schema import search_trigger


class Migration(migrations.Migration):
    dependencies = [("innovations", "0003_search_vector"), ("network", "0001_initial")]
    operations = [
        search_trigger(
            "innovation",
            "innovations_innovation",
            {"A": ["title"], "B": ["summary"], "C": ["problem", "solution", "evidence"]},
        ),
    ]
