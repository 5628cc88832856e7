import datetime

import pytest

from network.notifications import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_dates_are_shown_in_the_members_time_zone(client):
    member = UserFactory(timezone="Asia/Kolkata")
    notification = notify(recipient=member, kind="test", message="Hello")
    notification.created_at = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
    notification.save()
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    assert 'datetime="2026-01-15T17:30:00+05:30"' in html
