"""Credentials on the insight dashboard and the public figures (network.insights)."""

import pytest

from credentials import services
from credentials.models import Kind
from network import content, insights
from network.tasks import rollup_insights
from tests.credentials.conftest import make_achievement
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


def rows(name, period=None):
    insight = next(item for item in content.ordered("insights") if item.name == name)
    return dict(insight.table(period or insights.Period()).rows)


def test_credentials_are_counted_by_achievement_without_the_revoked(client):
    staff = StaffFactory()
    manual = make_achievement(Kind.MANUAL, slug="mentor-of-the-year", name="Mentor of the year")
    kenyan = UserFactory()
    kenyan.profile.country = "KE"
    kenyan.profile.save()
    given = [
        services.credential_issue_manually(member=member, achievement=manual, by=staff,
                                           reason="Chosen by the programme committee.")
        for member in (kenyan, UserFactory(), UserFactory())
    ]  # fmt: skip
    services.credential_revoke(credential=given[2], by=staff, reason="Issued by mistake.")
    assert rows("credentials-by-achievement") == {"Mentor of the year": 2}
    assert rows("credentials-by-achievement", insights.Period(region="africa")) == {
        "Mentor of the year": 1
    }
    rollup_insights()
    assert sum(rows("credentials-issued").values()) == 2
    client.force_login(staff)
    html = client.get("/insights/").content.decode()
    assert '<th scope="row">Mentor of the year</th><td class="number">2</td>' in html
