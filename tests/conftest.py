"""Shared fixtures: fast settings, roles, and the switches for PostgreSQL, Redis and browser tests.

Tests marked ``postgres`` or ``redis`` skip on the embedded default; CI's second run sets
REQUIRE_SERVICES=1, where a missing service fails them instead. Browser tests skip only
where Chromium is absent outside CI (CI=true).
"""

import io
import os
import shutil

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client

from network.celery import app
from tests.database import module_transaction, snapshot
from tests.e2e.sessions import pass_second_factor

# Playwright runs an event loop in the test thread; live_server needs the ORM there too.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _flag(name):
    return os.environ.get(name, "").lower() in {"1", "true", "yes"}


IN_CI = _flag("CI")
REQUIRE_SERVICES = _flag("REQUIRE_SERVICES")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True


def _unavailable(reason, *, required):
    if required:
        pytest.fail(f"{reason} (this run must not skip it)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _service_markers(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        _unavailable("needs PostgreSQL: set DATABASE_URL", required=REQUIRE_SERVICES)
    if request.node.get_closest_marker("redis") and not settings.REDIS_URL:
        _unavailable("needs Redis: set REDIS_URL", required=REQUIRE_SERVICES)


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"live_server", "transactional_db"} & set(fixtures)
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Django's order, again after pytest has grouped the browser tests (it pulls every test
    of the session-wide browser next to the first one, transactional ones included): tests in
    a transaction first; then the modules that commit a seeded database and flush it; then
    the transactional tests, whose flushes would otherwise empty tables (the staff groups
    made by data migrations) under tests that rely on them."""
    items.sort(
        key=lambda item: (
            _transactional(item),
            item.get_closest_marker("flushes_database") is not None,
        )
    )


def pytest_runtest_setup(item):
    # Before any fixture: the session-wide browser would fail to start without Chromium.
    if item.get_closest_marker("browser") and not shutil.which(CHROMIUM):
        _unavailable(f"needs Chromium at {CHROMIUM}", required=IN_CI)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads and demo files go to a throw-away folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clean_cache():
    """Rate limits live in the cache: every test starts with none used."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _signed_in_staff_passed_their_second_factor(monkeypatch):
    """A test client signed in as staff with a second factor has passed it, as a sign-in
    through allauth's two-factor stage would have: staff power counts only in such a session
    (members.middleware.StaffPowerMiddleware). Staff without one stay ordinary members."""
    force_login = Client.force_login

    def force_login_with_second_factor(self, user, backend=None):
        force_login(self, user, backend)
        if (user.is_staff or user.is_superuser) and Authenticator.objects.filter(
            user=user
        ).exists():
            pass_second_factor(self.session, user)

    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content of ``manage.py seed_demo``, seeded once per test process."""
    with django_db_blocker.unblock():
        return snapshot(
            lambda: call_command("seed_demo", stdout=io.StringIO()),
            tmp_path_factory.mktemp("demo-media"),
        )


@pytest.fixture(scope="module")
def _demo_rows(demo_snapshot, django_db_blocker):
    with module_transaction(django_db_blocker):
        with django_db_blocker.unblock():
            demo_snapshot.restore()
        yield


@pytest.fixture
def demo(_demo_rows, demo_snapshot, db, settings):
    """The demo content, as ``manage.py seed_demo`` leaves it: its rows put once in the
    module's transaction, its files in the test's media folder."""
    demo_snapshot.copy_files(settings.MEDIA_ROOT)
