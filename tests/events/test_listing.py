"""The listing: upcoming and past, filters with facet counts, seats left or "waitlist"."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from tests.factories import EventFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db]


def titles(response):
    return [event.title for event in response.context["page_obj"]]


def test_upcoming_soonest_first_and_past_latest_first(client):
    now = timezone.now()
    for days in (10, 2, -3, -30):
        EventFactory(
            title=f"In {days}",
            starts_at=now + datetime.timedelta(days=days),
            ends_at=now + datetime.timedelta(days=days, hours=1),
        )
    under_way = EventFactory(
        title="Under way",
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(minutes=30),
    )
    assert titles(client.get("/events/")) == [under_way.title, "In 2", "In 10"]
    assert titles(client.get("/events/?when=past")) == ["In -3", "In -30"]


def test_filters_and_facet_counts(client):
    EventFactory(title="A", type="webinar", scope="global", languages=["en", "fr"])
    EventFactory(title="B", type="training", scope="regional", region="africa", languages=["fr"])
    EventFactory(title="C", type="training", scope="regional", region="americas", languages=["es"])
    response = client.get("/events/?type=training")
    assert sorted(titles(response)) == ["B", "C"]
    facets = {key: {o["value"]: o["count"] for o in options}
              for key, options in response.context["facets"].items()}  # fmt: skip
    assert facets["type"] == {"training": 2, "webinar": 1}  # counted without its own filter
    assert facets["region"] == {"africa": 1, "americas": 1}
    assert facets["language"] == {"fr": 1, "es": 1}
    assert sorted(titles(client.get("/events/?language=fr"))) == ["A", "B"]
    assert titles(client.get("/events/?scope=regional&region=americas")) == ["C"]
    assert sorted(titles(client.get("/events/?type=bogus"))) == ["A", "B", "C"]


def test_month_filter_is_in_the_viewers_zone(client):
    # 23:30 on 31 March in Bogota is already 1 April in UTC and in Amman.
    bogota = zoneinfo.ZoneInfo("America/Bogota")
    start = datetime.datetime(2031, 3, 31, 23, 30, tzinfo=bogota)
    EventFactory(title="Edge", starts_at=start, ends_at=start + datetime.timedelta(hours=1))
    client.force_login(UserFactory(timezone="America/Bogota"))
    response = client.get("/events/?month=2031-03")
    assert titles(response) == ["Edge"]
    assert [o["value"] for o in response.context["facets"]["month"]] == ["2031-03"]
    client.force_login(UserFactory(timezone="Asia/Amman"))
    assert titles(client.get("/events/?month=2031-04")) == ["Edge"]
    assert titles(client.get("/events/?month=2031-03")) == []
    assert titles(client.get("/events/?month=nonsense")) == ["Edge"]


def test_cards_show_seats_left_or_waitlist(client):
    roomy = EventFactory(title="Roomy", capacity=3)
    RegistrationFactory(event=roomy)
    full = EventFactory(title="Packed", capacity=1)
    RegistrationFactory(event=full)
    EventFactory(title="Open", capacity=None)
    html = client.get("/events/").content.decode()
    assert "2 seats left" in html
    assert "Full: waitlist" in html
    assert "Open to all" in html


def test_cards_show_my_status(client):
    member = UserFactory()
    RegistrationFactory(event=EventFactory(title="Going"), user=member)
    RegistrationFactory(event=EventFactory(title="Waiting"), user=member, status="waitlisted")
    client.force_login(member)
    html = client.get("/events/").content.decode()
    assert "You are registered" in html
    assert "You are on the waitlist" in html


@pytest.mark.parametrize("prefix", ["/fr", "/es"])
def test_listing_and_page_in_french_and_spanish(client, prefix):
    event = EventFactory()
    assert client.get(f"{prefix}/events/").status_code == 200
    response = client.get(f"{prefix}/events/{event.slug}/")
    assert response.status_code == 200
    assert f'<html lang="{prefix[1:]}">' in response.content.decode()


def test_visitors_shared_counts_follow_a_new_event_at_once(client):
    """Visitors share the listing's counts for a minute, but a new event shows at once."""
    EventFactory(title="First session")
    assert client.get("/events/").context["page_obj"].paginator.count == 1
    assert client.get("/events/").context["page_obj"].paginator.count == 1  # shared
    EventFactory(title="Second session")
    response = client.get("/events/")
    assert response.context["page_obj"].paginator.count == 2
    assert {o["value"]: o["count"] for o in response.context["facets"]["type"]} == {"session": 2}
