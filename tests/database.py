"""For modules that commit a seeded database and flush it afterwards."""

import threading
from contextlib import contextmanager

from django.core.management import call_command
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython
from django.test.testcases import LiveServerThread


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


@contextmanager
def module_live_server(server_class=LiveServerThread, **kwargs):
    """A live server on 127.0.0.1 for a whole module that commits its data (the in-memory
    SQLite connection is shared with the server thread); yields its URL. Afterwards the
    database is flushed, keeping the roles (``flush_keeping_roles``)."""
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    server = server_class("127.0.0.1", connections_override=shared, **kwargs)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.terminate()
        # Requests still in flight (a browser's last fetch) close the shared connection as
        # they end: let them, before the connection stops being shared across threads.
        for thread in threading.enumerate():
            if thread.name.endswith("(process_request_thread)"):
                thread.join(timeout=5)
        for conn in shared.values():
            conn.dec_thread_sharing()
        flush_keeping_roles()
