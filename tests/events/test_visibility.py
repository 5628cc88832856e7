"""Visibility for visitor, applicant, member, confirmed attendee, waitlisted, host, invitee and
moderator, on the listing, the page, the calendar file, the personal feed, the emails and the
sitemap. A private workshop and the meeting link never reach anyone they should not."""

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from events.models import Event, Registration
from events.services.calendar_feed import calendar_token_for
from events.services.hosting import event_save
from events.services.registration import registration_create
from tests.events.conftest import LINK, ROLES, as_role
from tests.home import section

pytestmark = [pytest.mark.django_db]

EVERYONE = set(ROLES)
MEMBERS = EVERYONE - {"visitor", "applicant"}
NAMED = {"confirmed", "waitlisted", "host", "invitee", "moderator"}
# Who may open each event's page (and its calendar file).
DETAIL = {
    "public": EVERYONE,
    "members": MEMBERS,
    "private": NAMED,
    "draft": {"host", "moderator"},
}
# Who sees each event in the listing: drafts nowhere, not even for insiders.
LISTING = {"public": EVERYONE, "members": MEMBERS, "private": NAMED}
# Who sees the meeting link: confirmed attendees and hosts, nobody else (staff included).
SEES_LINK = {"confirmed", "host"}


@pytest.mark.parametrize("role", ROLES)
def test_event_page_by_role(client, roles, world, role):
    as_role(client, roles, role)
    for name, event in world.items():
        response = client.get(event.get_absolute_url())
        expected = 200 if role in DETAIL[name] else 404
        assert response.status_code == expected, name
        if expected == 200:
            html = response.content.decode()
            shows_link = role in SEES_LINK
            assert (LINK in html) == shows_link, name


@pytest.mark.parametrize("role", ROLES)
def test_calendar_file_by_role(client, roles, world, role):
    as_role(client, roles, role)
    for name, event in world.items():
        response = client.get(f"/events/{event.slug}/calendar.ics")
        expected = 200 if role in DETAIL[name] else 404
        assert response.status_code == expected, name
        if expected == 200:
            assert response["Content-Type"] == "text/calendar; charset=utf-8"
            body = response.content.decode()
            assert (LINK in body.replace("\r\n ", "")) == (role in SEES_LINK), name
            [vevent] = icalendar.Calendar.from_ical(response.content).events
            assert str(vevent["SUMMARY"]) == event.title


@pytest.mark.parametrize("role", ROLES)
def test_listing_and_counts_by_role(client, roles, world, role):
    as_role(client, roles, role)
    response = client.get("/events/")
    html = response.content.decode()
    expected = {name for name, who in LISTING.items() if role in who}
    for name, event in world.items():
        assert (event.title in html) == (name in expected), name
    assert response.context["page_obj"].paginator.count == len(expected)
    # Facet counts never count what the viewer may not see.
    types = {o["value"]: o["count"] for o in response.context["facets"]["type"]}
    assert sum(types.values()) == len(expected)
    assert LINK not in html  # never on the listing, not even for those who may see it


@pytest.mark.parametrize("role", ROLES)
def test_my_events_by_role(client, roles, world, role):
    as_role(client, roles, role)
    response = client.get("/events/?when=mine")
    html = response.content.decode()
    mine = {
        "confirmed": {"public", "members", "private"},
        "waitlisted": {"public", "members", "private"},
        "host": {"public", "members", "private"},
        "invitee": {"private"},
    }.get(role, set())
    if roles[role] is None:
        mine = set()  # visitors get the upcoming list
        assert response.context["when"] == "upcoming"
    else:
        assert response.context["when"] == "mine"
        for name, event in world.items():
            assert (event.title in html) == (name in mine), name


@pytest.mark.parametrize("role", [r for r in ROLES if r not in ("visitor", "applicant")])
def test_personal_feed_by_role(client, roles, world, role):
    user = roles[role]
    token = calendar_token_for(user)
    client.logout()  # calendar apps have no session
    response = client.get(f"/events/calendar/{token.token}.ics")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    titles = {str(e["SUMMARY"]): e for e in calendar.events}
    expected = {
        "confirmed": {"public", "members", "private"},
        "waitlisted": {"public", "members", "private"},
        "host": {"public", "members", "private", "draft"},
    }.get(role, set())
    assert set(titles) == {world[name].title for name in expected}
    for vevent in titles.values():
        text = vevent.to_ical().decode().replace("\r\n ", "")
        assert (LINK in text) == (role in SEES_LINK)
        expected_status = "TENTATIVE" if role == "waitlisted" else "CONFIRMED"
        assert str(vevent["STATUS"]) == expected_status


def test_feed_of_an_applicant_or_unknown_token_is_404(client, roles):
    token = calendar_token_for(roles["applicant"])
    assert client.get(f"/events/calendar/{token.token}.ics").status_code == 404
    assert client.get("/events/calendar/not-a-token.ics").status_code == 404


def test_time_change_emails_reach_registrants_only_and_the_link_the_confirmed_only(
    django_capture_on_commit_callbacks, roles, world
):
    for name in ("public", "members", "private"):
        event = Event.objects.get(pk=world[name].pk)
        event.starts_at += timezone.timedelta(hours=2)
        event.ends_at += timezone.timedelta(hours=2)
        with django_capture_on_commit_callbacks(execute=True):
            event_save(event=event, by=roles["moderator"])
    by_recipient = {}
    for message in mail.outbox:
        [to] = message.to
        by_recipient.setdefault(to, []).append(message)
    assert set(by_recipient) == {roles["confirmed"].email, roles["waitlisted"].email}
    for message in by_recipient[roles["confirmed"].email]:
        assert LINK in message.body
        [(filename, content, _mimetype)] = message.attachments
        assert filename == "event.ics"
        assert LINK in content.replace("\r\n ", "")
    for message in by_recipient[roles["waitlisted"].email]:
        assert LINK not in message.body
        assert message.attachments == []
    assert len(by_recipient[roles["confirmed"].email]) == 3
    titles = " ".join(m.subject for m in by_recipient[roles["waitlisted"].email])
    assert "Private workshop zq" in titles


def test_registration_emails_carry_the_link_only_for_a_seat(
    django_capture_on_commit_callbacks, roles, world
):
    event = world["public"]
    newcomer = roles["member"]
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(event=event, user=newcomer)
    assert registration.status == Registration.Status.WAITLISTED
    [waitlisted] = mail.outbox
    assert waitlisted.subject == "On the waitlist: Public event zq"
    assert "number 2 on the waitlist" in waitlisted.body
    assert LINK not in waitlisted.body
    assert waitlisted.attachments == []


@pytest.mark.parametrize("role", ROLES)
def test_sitemap_lists_public_published_events_only(client, roles, world, role):
    as_role(client, roles, role)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/events/public-event/" in xml
    for slug in ("members-event", "private-workshop", "draft-event"):
        assert f"/events/{slug}/" not in xml


@pytest.mark.parametrize("role", ROLES)
def test_actions_on_a_private_workshop_are_404_for_outsiders(client, roles, world, role):
    as_role(client, roles, role)
    slug = world["private"].slug
    for action in ("register", "cancel", "invitation", "feedback", "invite", "reminders"):
        response = client.post(f"/events/{slug}/{action}/")
        if roles[role] is None:
            assert response.status_code == 302, action  # to the sign-in page
        elif role not in DETAIL["private"]:
            assert response.status_code == 404, action


def test_hidden_event_is_gone_for_all_but_staff(client, roles, world):
    event = world["public"]
    Event.objects.filter(pk=event.pk).update(hidden_at=timezone.now())
    as_role(client, roles, "host")
    assert client.get(event.get_absolute_url()).status_code == 404
    as_role(client, roles, "moderator")
    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.get("/sitemap.xml").content.decode().count("/events/public-event/") == 0


def test_report_form_never_reveals_a_private_workshop(client, roles, world):
    as_role(client, roles, "member")
    url = f"/report/events-event/{world['private'].pk}/"
    assert client.get(url).status_code == 404
    as_role(client, roles, "invitee")
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_search_by_role(client, roles, world, role):
    as_role(client, roles, role)
    response = client.get("/search/", {"q": "zq", "type": "events"})
    assert response.status_code == 200
    html = response.content.decode()
    expected = {name for name, who in LISTING.items() if role in who}
    for name, event in world.items():
        assert (event.title in html) == (name in expected), name
    assert LINK not in html


@pytest.mark.parametrize("role", ROLES)
def test_home_lists_my_upcoming_events(client, roles, world, role):
    as_role(client, roles, role)
    response = client.get("/")
    html = response.content.decode()
    mine = {
        "confirmed": {"public", "members", "private"},
        "waitlisted": {"public", "members", "private"},
        "host": {"public", "members", "private"},
        "invitee": {"private"},
    }.get(role, set())
    mine_section = section(response, "events:mine", "dashboard") if role != "visitor" else {}
    listed = {item["title"] for item in mine_section.get("items", [])}
    assert {name for name, event in world.items() if event.title in listed} == mine
    # The page's "next events" shows what the listing shows this viewer, and nothing more.
    for name, event in world.items():
        assert (event.title in html) == (name in mine or role in LISTING.get(name, ())), name
