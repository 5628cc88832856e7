"""With Redis away, every page still serves (the cache degrades to misses), and work that
needed the broker is not lost: it waits in the database and is queued once Redis is back."""

import base64
import json
import shutil
import socket
import subprocess
import time
from unittest import mock

import pytest
import redis
from django.core import mail
from django.core.cache import cache
from kombu.exceptions import OperationalError

from network.cache import ReusedClientRedisCacheClient
from network.celery import app
from network.models import Notification, PendingTask
from network.notifications import notify
from network.tasks import deliver_email, email_notification, replay_pending_tasks
from tests.factories import InnovationFactory, UserFactory

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "network.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens here
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = DEAD_REDIS


@pytest.mark.parametrize(
    "path",
    ["/", "/innovations/", "/members/", "/organisations/", "/resources/", "/events/",
     "/mentoring/", "/search/?q=skills", "/accounts/login/", "/accounts/signup/"],
)  # fmt: skip
def test_pages_serve_with_the_cache_down(client, redis_down, path):
    InnovationFactory()
    if not path.startswith("/accounts/"):
        client.force_login(UserFactory())
    assert client.get(path).status_code == 200


def test_sign_in_works_with_the_cache_down(client, redis_down):
    UserFactory(email="someone@example.org")
    response = client.post(
        "/accounts/login/", {"login": "someone@example.org", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_a_full_cache_that_refuses_writes_degrades_instead_of_failing(client, redis_down):
    """A Redis at its memory limit that must not evict (one holding jobs) refuses writes:
    the page is still served, and nothing is kept."""
    full = redis.exceptions.OutOfMemoryError("command not allowed when used memory > 'maxmemory'")
    with (
        mock.patch.object(ReusedClientRedisCacheClient, "get", return_value=None),
        mock.patch.object(ReusedClientRedisCacheClient, "set", side_effect=full),
        mock.patch.object(ReusedClientRedisCacheClient, "set_many", side_effect=full),
    ):
        InnovationFactory()
        assert client.get("/innovations/").status_code == 200
        client.force_login(UserFactory())
        assert client.get("/innovations/").status_code == 200
        assert cache.set("probe", "value") is None


def test_the_cache_really_is_unreachable(redis_down):
    cache.set("probe", "value")
    assert cache.get("probe", "missing") == "missing"


def test_work_waits_in_the_database_while_the_broker_is_down(django_capture_on_commit_callbacks):
    user = UserFactory()
    user.profile.delivery = "immediate"
    user.profile.save()
    down = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch.object(email_notification, "apply_async", side_effect=down),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify(recipient=user, kind="member_message", message="Still delivered")
    # Kept, not run in the request and not lost.
    assert mail.outbox == []
    pending = PendingTask.objects.get()
    assert pending.name == "network.tasks.email_notification"
    assert "Connection refused" in pending.error

    # The broker is back: the beat's replay queues it (eager here), once.
    assert replay_pending_tasks() == 1
    assert [m.subject for m in mail.outbox] == ["Still delivered"]
    assert not PendingTask.objects.exists()
    assert replay_pending_tasks() == 0
    assert len(mail.outbox) == 1


def test_replay_stops_while_the_broker_is_still_down():
    user = UserFactory()
    PendingTask.objects.create(
        name=deliver_email.name, kwargs={"to": [user.email], "subject": "One", "body": "x"}
    )
    PendingTask.objects.create(
        name=deliver_email.name, kwargs={"to": [user.email], "subject": "Two", "body": "y"}
    )
    down = OperationalError("Connection refused.")
    with mock.patch.object(deliver_email, "apply_async", side_effect=down):
        assert replay_pending_tasks() == 0
    assert PendingTask.objects.count() == 2
    assert replay_pending_tasks() == 1 + 1
    assert sorted(m.subject for m in mail.outbox) == ["One", "Two"]


def test_the_beat_replays_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["replay-pending-tasks"]
    assert entry["task"] == replay_pending_tasks.name
    assert entry["schedule"].minute == set(range(60))


# --- with a real Redis, stopped and started again ---------------------------------------------
def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_redis(port):
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            if redis.Redis(port=port).ping():
                return process
        except redis.ConnectionError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")


@pytest.fixture
def private_redis(settings):
    """A Redis of this test's own, used as cache and broker, that the test can stop."""
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server")
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {
        "default": {
            "BACKEND": "network.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    # Celery's configuration reads through to Django's settings: note what it is before
    # changing either, or the restore would keep this Redis's address for later tests.
    saved = {key: getattr(app.conf, key) for key in ("broker_url", "task_always_eager")}
    settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER = url, False  # healthz
    app.conf.broker_url, app.conf.task_always_eager = url, False
    app._pool = None
    app.amqp._producer_pool = None
    state = {"port": port, "process": start_redis(port)}
    yield state
    state["process"].kill()
    state["process"].wait()
    app.conf.broker_url, app.conf.task_always_eager = saved.values()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.redis
def test_with_redis_stopped_pages_serve_and_work_is_queued_once_it_is_back(
    client, private_redis, django_capture_on_commit_callbacks
):
    InnovationFactory(title="Mobile welding school")
    member = UserFactory(email="reader@example.org")
    member.profile.delivery = "immediate"
    member.profile.save()
    cache.set("probe", "up")
    assert cache.get("probe") == "up"  # the cache really is this Redis

    private_redis["process"].terminate()
    private_redis["process"].wait()

    # Every page serves, and signing in works (its rate limit lives in the cache).
    for path in ["/", "/innovations/", "/events/", "/resources/", "/search/?q=welding"]:
        assert client.get(path).status_code == 200, path
    response = client.post(
        "/accounts/login/", {"login": "reader@example.org", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.get("/members/").status_code == 200
    assert client.get("/healthz").status_code == 503  # and the outage is reported

    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=member, kind="member_message", message="Sent after the outage")
    assert PendingTask.objects.count() == 1

    # Redis is back: the replay queues the kept task on it.
    private_redis["process"] = start_redis(private_redis["port"])
    # The cache's client, kept for every call, reconnects by itself.
    cache.set("probe", "back")
    assert cache.get("probe") == "back"
    assert cache._cache.get_client() is cache._cache.get_client(write=True)  # one, kept
    assert replay_pending_tasks() == 1
    assert not PendingTask.objects.exists()
    queued = redis.Redis(port=private_redis["port"]).lrange("celery", 0, -1)
    assert len(queued) == 1
    message = json.loads(queued[0])
    assert message["headers"]["task"] == "network.tasks.email_notification"
    _args, kwargs, _embed = json.loads(base64.b64decode(message["body"]))
    notification = Notification.objects.get(recipient=member)
    assert kwargs == {"notification_id": notification.pk}
