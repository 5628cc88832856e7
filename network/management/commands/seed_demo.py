"""Load realistic demo content. Idempotent: running it twice changes nothing.

Each app declares its seeder and its place in the demo order (``network.content``), so that
later apps can use what earlier ones created.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from network import content, insights


class Command(BaseCommand):
    help = "Load demo content (members, organisations, and each app's own) into the database."

    def handle(self, *args, **options):
        for _label, seed in content.demo_seeders():
            with transaction.atomic():
                seed(log=self.stdout.write)
        # The insight dashboard's monthly series, as the nightly rollup would count them.
        rows = insights.rollup(content.gather("series"))
        self.stdout.write(f"Insights: {rows} monthly counts.")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
