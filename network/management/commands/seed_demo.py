"""Load realistic demo content. Idempotent: running it twice changes nothing.

Each app contributes a ``demo.py`` module with a ``seed(*, log)`` function; they run in
dependency order so that later apps can use what earlier ones created.
"""

from importlib import import_module
from importlib.util import find_spec

from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_APPS = ["members", "innovations", "resources", "events", "mentoring", "network"]


class Command(BaseCommand):
    help = "Load demo content (members, organisations, and each app's own) into the database."

    def handle(self, *args, **options):
        for app in DEMO_APPS:
            module_name = f"{app}.demo"
            if find_spec(module_name) is not None:
                with transaction.atomic():
                    import_module(module_name).seed(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
