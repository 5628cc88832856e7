"""With Redis away, every page still serves (the cache degrades to misses), and work that
needed the broker is not lost (it runs in the request instead)."""

from unittest import mock

import pytest
from django.core import mail
from kombu.exceptions import OperationalError

from network.notifications import notify
from network.tasks import deliver_email, email_notification
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


def test_the_cache_really_is_unreachable(redis_down):
    from django.core.cache import cache

    cache.set("probe", "value")
    assert cache.get("probe", "missing") == "missing"


def test_emails_are_not_lost_when_the_broker_is_down(django_capture_on_commit_callbacks):
    user = UserFactory()
    user.profile.delivery = "immediate"
    user.profile.save()
    down = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch.object(email_notification, "apply_async", side_effect=down),
        mock.patch.object(deliver_email, "apply_async", side_effect=down),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify(recipient=user, kind="member_message", message="Still delivered")
    assert [m.subject for m in mail.outbox] == ["Still delivered"]
