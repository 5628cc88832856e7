"""The insight dashboard and the network in figures: each figure counted right on a small
data set counted by hand; who is left out, as each figure says; the region and date filters;
small cells hidden on the public page; the nightly rollup; the downloads and who may see them."""

import csv
import datetime
import io
from unittest import mock

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from innovations.models import Adoption, Innovation
from members.models import User
from network import content, insights
from network.charts import chart
from network.models import MonthlyCount
from network.tasks import rollup_insights
from tests.factories import (
    AffiliationFactory,
    ApplicantFactory,
    EventFactory,
    InnovationFactory,
    MentoringRequestFactory,
    MentorshipFactory,
    OrganisationFactory,
    RegistrationFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

JAN = timezone.make_aware(datetime.datetime(2026, 1, 15, 12), datetime.UTC)
MAR = timezone.make_aware(datetime.datetime(2026, 3, 10, 12), datetime.UTC)
# The first quarter of 2026, when the fixture's members joined (the people the factories make
# along the way, mentees and registrants, join today).
Q1 = insights.Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31))


def table(name, period=None):
    insight = next(item for item in content.ordered("insights") if item.name == name)
    return insight.table(period or insights.Period())


def rows(name, period=None):
    return {str(label): value for label, value, *_rest in table(name, period).rows}


def member(country, *, joined=JAN, **fields):
    user = UserFactory(date_joined=joined, **fields)
    user.profile.country = country
    user.profile.save()
    return user


@pytest.fixture
def network(db):
    """Three members in Africa (one joined in March), one in the Americas, one suspended
    Kenyan, one applicant; their organisations; innovations, events, requests, resources."""
    kenyan = member("KE")
    ghanaian = member("GH")
    member("SN", joined=MAR)  # joined in March
    chilean = member("CL")
    member("KE", is_active=False, suspended_at=JAN)  # suspended: not a member
    ApplicantFactory(date_joined=JAN)
    tvet, employer = OrganisationFactory(type="tvet"), OrganisationFactory(type="employers")
    AffiliationFactory(user=kenyan, organisation=tvet)
    AffiliationFactory(user=kenyan, organisation=employer)
    AffiliationFactory(user=ghanaian, organisation=tvet)

    africa = {"theme": ["green-skills"], "region": ["africa"]}
    both = {"theme": ["green-skills", "digital-skills"], "region": ["africa", "americas"]}
    InnovationFactory(stage="pilot", facets=africa, published_at=JAN, owner=kenyan)
    InnovationFactory(stage="scaling", facets=both, published_at=MAR, owner=chilean)
    InnovationFactory(stage="pilot", facets=africa, published_at=JAN, visibility="members")
    InnovationFactory(stage="idea", facets=africa, published_at=JAN, hidden_at=JAN)  # hidden
    InnovationFactory(status="draft", published_at=None, facets=africa)
    adopted = InnovationFactory(facets=africa, published_at=JAN)
    Adoption.objects.create(innovation=adopted, organisation_name="A", country="KE",
                            status=Adoption.Status.CONFIRMED)  # fmt: skip
    Adoption.objects.create(innovation=adopted, organisation_name="B", country="KE")

    past = timezone.now() - datetime.timedelta(days=3)
    training = EventFactory(type="training", region="africa", scope="regional", starts_at=past,
                            ends_at=past + datetime.timedelta(hours=2))  # fmt: skip
    for attended in (True, True, False, None):
        RegistrationFactory(event=training, attended=attended)
    RegistrationFactory(event=training, status="waitlisted")
    session = EventFactory(type="session")
    RegistrationFactory(event=session)

    MentoringRequestFactory(status="accepted", created_at=JAN,
                            responded_at=JAN + datetime.timedelta(days=2))  # fmt: skip
    MentoringRequestFactory(status="declined", created_at=JAN,
                            responded_at=JAN + datetime.timedelta(days=4))  # fmt: skip
    MentoringRequestFactory(status="expired", created_at=JAN)
    MentorshipFactory(status="completed")
    MentorshipFactory(status="active")

    ResourceFactory(type="guide", language="en", download_count=7, link="https://x.org/a")
    ResourceFactory(type="guide", language="fr", download_count=3, link="https://x.org/b")
    ResourceFactory(type="toolkit", language="fr", download_count=2, link="https://x.org/c")
    ResourceFactory(type="toolkit", status="submitted", published_at=None, download_count=50,
                    link="https://x.org/d")  # fmt: skip
    rollup_insights()  # as each night


def test_members_are_counted_by_region_country_and_organisation_type(network):
    # Members of the fixture and none other: the suspended one and the applicant are out.
    assert rows("members-by-region", Q1) == {"Africa": 3, "Americas": 1}
    assert rows("members-by-country", Q1) == {"Chile": 1, "Ghana": 1, "Kenya": 1, "Senegal": 1}
    # The Kenyan belongs to both types; each type counts people once.
    assert rows("members-by-organisation-type", Q1) == {
        "TVET institution": 2, "Employers' organisation": 1,
    }  # fmt: skip


def test_the_period_and_the_region_filter_the_figures(network):
    march = insights.Period(start=datetime.date(2026, 3, 1), end=datetime.date(2026, 3, 31))
    assert rows("members-by-region", march) == {"Africa": 1}
    americas = insights.Period(Q1.start, Q1.end, region="americas")
    assert rows("members-by-region", americas) == {"Americas": 1}
    # An innovation in two regions counts in each region's view.
    assert rows("innovations-by-stage", americas) == {"Scaling": 1}
    assert rows("innovations-by-stage", insights.Period(region="africa")) == {
        "Pilot": 3, "Scaling": 1,
    }  # fmt: skip


def test_innovations_count_what_members_see_and_staff_see_every_status(network):
    # Published, public or members-only; the hidden one and the draft are out.
    assert rows("innovations-by-stage") == {"Pilot": 3, "Scaling": 1}
    assert rows("innovations-by-theme") == {"Green skills": 4, "Digital skills": 1}
    assert rows("innovations-by-region") == {"Africa": 4, "Americas": 1}
    # The staff-only table counts every status, the hidden one with the published.
    assert rows("innovations-by-status") == {"Published": 5, "Draft": 1}
    assert rows("adoptions") == {"Kenya": 1}  # confirmed only


def test_stages_reached_count_every_move_whatever_the_status(network):
    # Each innovation reached its stage when it was made (today): the hidden and the draft too.
    assert rows("innovations-stages-reached") == {"Pilot": 4, "Idea": 1, "Scaling": 1}
    assert rows("innovations-stages-reached", Q1) == {}
    innovation = Innovation.objects.get(stage="idea")
    innovation.stage = "evaluated"
    innovation.save()
    rollup_insights()
    assert rows("innovations-stages-reached") == {
        "Pilot": 4, "Evaluated": 1, "Idea": 1, "Scaling": 1,
    }  # fmt: skip


def test_events_count_seats_attendance_and_regions(network):
    # Confirmed seats only: the waitlisted registration is out.
    assert rows("events-by-type") == {"Training": 4, "Knowledge-sharing session": 1}
    # Of the three marked at the past training, two came.
    assert rows("events-attendance") == {"Training": 66.7}
    assert table("events-attendance").unit == "percent"
    assert rows("events-by-region") == {"Africa": 1, "Global": 1}


def test_mentoring_requests_and_mentorships(network):
    assert rows("mentoring-requests") == {
        "Requests sent": 3,
        "Answered by the mentor": 2,
        "Accepted, % of those answered": 50.0,
        "Expired without an answer": 1,
        "Median time to an answer, in days": 3.0,
    }
    assert rows("mentorships") == {"On request: Completed": 1, "On request: Active": 1}


def test_downloads_count_published_resources_only(network):
    assert rows("downloads-by-type") == {"Guide": 10, "Toolkit": 2}
    assert rows("downloads-by-language") == {"English": 7, "French": 5}


def test_the_nightly_rollup_counts_each_month_and_twice_changes_nothing(network):
    member("FR", joined=MAR)  # Europe and Central Asia: the longest region code
    assert rows("members-by-region", Q1) == {"Africa": 3, "Americas": 1}  # not yet counted
    rollup_insights()
    first = sorted(MonthlyCount.objects.values_list("metric", "month", "region", "value"))
    assert rollup_insights() == len(first)
    assert sorted(MonthlyCount.objects.values_list("metric", "month", "region", "value")) == first
    year = insights.Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 3, 31))
    assert rows("members-joined", year) == {"2026-01": 3, "2026-02": 0, "2026-03": 2}
    europe = insights.Period(year.start, year.end, "europe-central-asia")
    assert rows("members-joined", europe) == {"2026-01": 0, "2026-02": 0, "2026-03": 1}
    assert rows("innovations-published", year) == {"2026-01": 3, "2026-02": 0, "2026-03": 1}
    americas = insights.Period(year.start, year.end, "americas")
    assert rows("innovations-published", americas) == {"2026-01": 0, "2026-02": 0, "2026-03": 1}
    # A new member shows after the next rollup, not twice.
    member("GH", joined=MAR)
    rollup_insights()
    assert rows("members-joined", year)["2026-03"] == 3
    assert rows("members-by-region", Q1) == {
        "Africa": 4, "Americas": 1, "Europe and Central Asia": 1,
    }  # fmt: skip


def test_every_declared_series_feeds_a_figure():
    names = {insight.name for insight in content.gather("insights")}
    assert {series.name for series in content.gather("series")} <= names


# --- pages ----------------------------------------------------------------------------------
def staff_with_insights():
    staff = StaffFactory()  # a moderator: the Moderators group holds the permission
    assert staff.has_perm("network.view_insights")
    return staff


def test_the_dashboard_shows_each_figure_as_a_chart_and_a_table(client, network):
    client.force_login(staff_with_insights())
    html = client.get("/insights/?region=africa").content.decode()
    for insight in content.gather("insights"):
        assert f'id="{insight.name}-heading"' in html
    assert html.count('role="img"') >= 10
    assert '<title id="members-by-region-title">Members by region</title>' in html
    assert '<th scope="row">Africa</th><td class="number">3</td>' in html
    assert "/insights/members-by-region.csv?region=africa" in html
    refused = client.get("/insights/?start=2026-03-01&end=2026-01-01").content.decode()
    assert "The start of the period comes after its end." in refused


def test_the_dashboards_charts_are_drawn_once_per_language_and_shared(client, network):
    client.force_login(staff_with_insights())
    client.get("/insights/?region=africa")
    with mock.patch("portal.insights.chart", wraps=chart) as drawn:
        again = client.get("/insights/?region=africa").content.decode()
        assert drawn.call_count == 0
        assert '<title id="members-by-region-title">Members by region</title>' in again
        assert '<th scope="row">Africa</th><td class="number">3</td>' in again
        french = client.get("/fr/insights/?region=africa").content.decode()
        assert drawn.call_count > 0
    assert '<title id="members-by-region-title">Membres par région</title>' in french


def test_tables_download_as_csv_and_xlsx_with_the_filters(client, network):
    client.force_login(staff_with_insights())
    response = client.get("/insights/members-by-region.csv?start=2026-03-01&end=2026-03-31")
    assert response["Content-Disposition"].startswith('attachment; filename="members-by-region-')
    assert list(csv.reader(io.StringIO(response.content.decode()))) == [
        ["Region", "Members"], ["Africa", "1"],
    ]  # fmt: skip
    response = client.get("/insights/innovations-by-stage.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Stage", "Innovations"], ["Pilot", 3], ["Scaling", 1],
    ]  # fmt: skip
    assert client.get("/insights/nothing.csv").status_code == 404
    assert client.get("/insights/members-by-region.pdf").status_code == 404


def test_only_staff_given_the_permission_see_the_dashboard(client, network):
    client.force_login(UserFactory())
    assert client.get("/insights/").status_code == 403
    staff = StaffFactory()
    staff.groups.clear()
    client.force_login(staff)
    assert client.get("/insights/").status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_insights"))
    client.force_login(User.objects.get(pk=staff.pk))
    assert client.get("/insights/").status_code == 200
    assert Group.objects.get(name="Moderators").permissions.filter(codename="view_insights")
    assert Client().get("/insights/")["Location"].startswith("/accounts/login/")


def test_the_public_page_shows_counts_only_and_hides_small_cells(client, network):
    for _ in range(5):
        member("KE")
    rollup_insights()
    html = client.get("/figures/").content.decode()
    assert "<h1>The network in figures</h1>" in html
    # Africa: 3 + 5 members is shown; the Americas' single member is not.
    assert '<th scope="row">Africa</th><td class="number">8</td>' in html
    assert '<th scope="row">Americas</th><td class="number">fewer than 5</td>' in html
    for small in range(1, 5):
        assert f'<td class="number">{small}</td>' not in html
    # Staff-only figures and names are not there.
    assert "Innovations by status" not in html and "Membership applications" not in html
    for user in User.objects.all():
        assert user.display_name not in html
    assert 'href="/figures/"' in client.get("/").content.decode()
