import json
from unittest import mock

import pytest
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_broker(settings):
    settings.CELERY_BROKER_URL = ""


def test_healthz_reports_database_ok(client, no_broker):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "checks": {"database": True}}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_fails(client, no_broker):
    with mock.patch.object(CursorWrapper, "execute", side_effect=RuntimeError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {"database": False}


def test_healthz_is_503_when_the_configured_broker_is_unreachable(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {"database": True, "broker": False}


@pytest.mark.redis
def test_healthz_reports_a_live_broker(client, settings):
    settings.CELERY_BROKER_URL = settings.REDIS_URL
    settings.CELERY_TASK_ALWAYS_EAGER = False
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content)["checks"] == {"database": True, "broker": True}
