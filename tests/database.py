"""Data built once and shared: a module's world kept in a transaction its tests run inside,
the demo content copied into a database in a moment, and the modules that commit a seeded
database and flush it afterwards."""

import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import RunPython
from django.test import TestCase, override_settings
from django.test.testcases import LiveServerThread


def _atomic():
    # Marked as a test case's own block, so that the code under test may still open a
    # durable one inside it, as it does in a test.
    atomic = transaction.atomic()
    atomic._from_testcase = True
    return atomic


@contextmanager
def module_transaction(django_db_blocker):
    """A transaction around a whole module, rolled back when the module ends: data made in it
    once is seen by every test of the module, each of which runs inside it in a savepoint of
    its own (pytest-django's ``db``), so that what one test changes the next does not see."""
    atomic = _atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _rows(tables) -> dict:
    quote = connection.ops.quote_name
    read = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (names from introspection)
            columns = tuple(column[0] for column in cursor.description)
            read[table] = (columns, sorted(cursor.fetchall(), key=repr))
    return read


@dataclass(frozen=True)
class Snapshot:
    """The rows of the tables a build changed, and the files it wrote."""

    tables: dict
    media: Path

    def restore(self) -> None:
        """These rows in place of the tables' rows, in the current transaction."""
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table in self.tables:
                cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608
            for table, (columns, rows) in self.tables.items():
                if rows:
                    names = ", ".join(map(quote, columns))
                    values = ", ".join(["%s"] * len(columns))
                    insert = f"INSERT INTO {quote(table)} ({names}) VALUES ({values})"  # noqa: S608
                    cursor.executemany(insert, rows)
            models = apps.get_models(include_auto_created=True)
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)

    def copy_files(self, media_root) -> None:
        shutil.copytree(self.media, media_root, dirs_exist_ok=True)

    def commit(self, media_root) -> None:
        """These rows committed (for a module with a live server, which flushes them when it
        ends) and the files under ``media_root``."""
        with transaction.atomic():
            self.restore()
        self.copy_files(media_root)


def snapshot(build, media_root) -> Snapshot:
    """What ``build()`` adds to the database (its on-commit work done, as after a real commit)
    and to ``media_root``, taken in a transaction that is then rolled back."""
    tables = [
        name for name in connection.introspection.table_names() if name != "django_migrations"
    ]
    with _atomic():
        before = _rows(tables)
        with (
            override_settings(MEDIA_ROOT=media_root),
            TestCase.captureOnCommitCallbacks(execute=True),
        ):
            build()
        after = _rows(tables)
        transaction.set_rollback(True)
    return Snapshot({t: after[t] for t in tables if after[t] != before[t]}, Path(media_root))


def flush_keeping_roles() -> None:
    """Empty every table as ``flush`` does, then make again what the roles data migrations
    made (the staff groups and their permissions), which later tests rely on."""
    call_command("flush", interactive=False, verbosity=0)
    make_roles()


def make_roles() -> None:
    """What the roles data migrations make (the staff groups and their permissions), made
    again where missing: for a test in a real transaction, which may follow another's flush."""
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
