"""For modules that commit a seeded database and flush it afterwards."""

from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython


def flush_keeping_roles() -> None:
    """Empty every table as ``flush`` does, then make again what the roles data migrations
    made (the staff groups and their permissions), which later tests rely on."""
    call_command("flush", interactive=False, verbosity=0)
    loader = MigrationLoader(connection)
    state_apps = loader.project_state().apps
    for (_app, name), migration in sorted(loader.disk_migrations.items()):
        if name.endswith("_roles"):
            for operation in migration.operations:
                if isinstance(operation, RunPython):
                    operation.code(state_apps, None)
