"""Calendar files parse back (icalendar) with VTIMEZONE, a stable UID and a rising SEQUENCE;
times are right across daylight-saving changes, in the event's zone and the viewer's."""

import datetime
import zoneinfo

import icalendar
import pytest

from events.calendars import event_calendar
from events.models import Event
from events.services.calendar_feed import calendar_token_for
from events.services.hosting import event_cancel, event_save
from tests.factories import ClinicSlotFactory, EventFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db]

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
UTC = datetime.UTC


def paris_event(day, slug, **kwargs):
    """10:00–12:00 in Paris on 2026-10-<day>. Paris leaves summer time on Sunday 25 October
    2026; New York only on Sunday 1 November."""
    starts_at = datetime.datetime(2026, 10, day, 10, 0, tzinfo=PARIS)
    return EventFactory(
        slug=slug,
        title=f"Paris {day}",
        timezone="Europe/Paris",
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=2),
        **kwargs,
    )


def parse(body: bytes):
    calendar = icalendar.Calendar.from_ical(body)
    [vevent] = calendar.events
    return calendar, vevent


def test_calendar_file_is_valid_icalendar_with_vtimezone_uid_and_sequence(client):
    event = paris_event(25, "after-the-change")
    response = client.get("/events/after-the-change/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="after-the-change.ics"'
    calendar, vevent = parse(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Skills Innovation Network//Events//EN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    [vtimezone] = calendar.timezones
    assert str(vtimezone["TZID"]) == "Europe/Paris"
    assert {c.name for c in vtimezone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert str(vevent["UID"]) == f"event-{event.calendar_uid}@127.0.0.1"
    assert vevent["SEQUENCE"] == 0
    assert str(vevent["URL"]) == "http://127.0.0.1:8000/events/after-the-change/"
    assert "DTSTAMP" in vevent
    text = response.content.decode()
    assert "DTSTART;TZID=Europe/Paris:20261025T100000" in text
    assert "DTEND;TZID=Europe/Paris:20261025T120000" in text
    # The zone's definition places the instant right: CET (+01:00) after the change.
    assert vevent.start == datetime.datetime(2026, 10, 25, 10, 0, tzinfo=PARIS)
    assert vevent.start.astimezone(UTC) == datetime.datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
    assert vtimezone.to_tz().utcoffset(datetime.datetime(2026, 10, 25, 10)) == datetime.timedelta(
        hours=1
    )


def test_the_week_before_the_change_is_summer_time():
    event = paris_event(18, "before-the-change")
    calendar, vevent = parse(event_calendar(event, with_link=False))
    assert vevent.start.astimezone(UTC) == datetime.datetime(2026, 10, 18, 8, 0, tzinfo=UTC)
    [vtimezone] = calendar.timezones
    assert vtimezone.to_tz().utcoffset(datetime.datetime(2026, 10, 18, 10)) == datetime.timedelta(
        hours=2
    )


@pytest.mark.parametrize(
    "day, viewer_time, event_time",
    [
        # Both on summer time: Paris +02:00, New York -04:00.
        (18, "2026-10-18T04:00:00-04:00", "2026-10-18T10:00:00+02:00"),
        # Paris changed, New York not yet: five hours apart instead of six.
        (25, "2026-10-25T05:00:00-04:00", "2026-10-25T10:00:00+01:00"),
        # Both on winter time again: six hours apart.
        (1, "2026-11-01T04:00:00-05:00", "2026-11-01T10:00:00+01:00"),
    ],
)
def test_page_shows_the_viewers_time_and_the_events_time_across_dst(
    client, day, viewer_time, event_time
):
    if day == 1:
        starts_at = datetime.datetime(2026, 11, 1, 10, 0, tzinfo=PARIS)
        event = EventFactory(
            slug="paris-1", timezone="Europe/Paris", starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
        )  # fmt: skip
    else:
        event = paris_event(day, f"paris-{day}")
    client.force_login(UserFactory(timezone="America/New_York"))
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'<time datetime="{viewer_time}">' in html
    assert f'<time datetime="{event_time}">' in html
    assert "America/New York, your time" in html
    assert "(Europe/Paris)" in html


def test_visitors_see_the_events_own_zone_only(client):
    event = paris_event(25, "paris-visitor")
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<time datetime="2026-10-25T10:00:00+01:00">' in html
    assert "your time" not in html
    listing = client.get("/events/?when=past").content.decode()
    assert '<time datetime="2026-10-25T10:00:00+01:00">' in listing


def test_listing_shows_members_their_zone(client):
    paris_event(25, "paris-listing")
    client.force_login(UserFactory(timezone="Asia/Kolkata"))
    html = client.get("/events/?when=past").content.decode()
    assert '<time datetime="2026-10-25T14:30:00+05:30">' in html
    assert "Times in your zone, Asia/Kolkata" in html


def test_sequence_rises_on_each_change_and_the_uid_stays():
    event = EventFactory()
    uid = event.calendar_uid
    staff = UserFactory(is_staff=True)
    event.title = "A new title"
    event_save(event=event, by=staff)
    assert Event.objects.get(pk=event.pk).sequence == 1
    event_save(event=event, by=staff)  # nothing changed
    assert Event.objects.get(pk=event.pk).sequence == 1
    event.starts_at += datetime.timedelta(days=1)
    event.ends_at += datetime.timedelta(days=1)
    event_save(event=event, by=staff)
    event.slug = "a-new-address"
    event_save(event=event, by=staff)
    event.refresh_from_db()
    assert event.sequence == 2
    assert event.calendar_uid == uid
    _calendar, vevent = parse(event_calendar(event, with_link=False))
    assert vevent["SEQUENCE"] == 2
    assert str(vevent["UID"]) == f"event-{uid}@127.0.0.1"
    assert str(vevent["URL"]).endswith("/events/a-new-address/")


def test_cancelled_event_keeps_its_uid_with_status_cancelled():
    event = EventFactory()
    event_cancel(event=event, by=UserFactory(is_staff=True))
    event.refresh_from_db()
    _calendar, vevent = parse(event_calendar(event, with_link=False))
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert vevent["SEQUENCE"] == 1


def test_personal_feed_works_without_a_session_and_revoking_makes_a_new_address(client):
    member = UserFactory()
    RegistrationFactory(user=member, event=EventFactory(title="Mine zq", timezone="Asia/Amman"))
    EventFactory(title="Not mine zq")
    client.force_login(member)
    page = client.get("/events/calendar/")
    assert page.status_code == 200
    old = calendar_token_for(member).token
    assert f"webcal://testserver/events/calendar/{old}.ics" in page.content.decode()
    client.logout()
    response = client.get(f"/events/calendar/{old}.ics")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert [str(e["SUMMARY"]) for e in calendar.events] == ["Mine zq"]
    assert [str(t["TZID"]) for t in calendar.timezones] == ["Asia/Amman"]
    assert str(calendar["X-WR-CALNAME"]) == "Skills Innovation Network: my events"
    client.force_login(member)
    assert client.post("/events/calendar/revoke/").status_code == 302
    new = calendar_token_for(member).token
    assert new != old
    client.logout()
    assert client.get(f"/events/calendar/{old}.ics").status_code == 404
    assert client.get(f"/events/calendar/{new}.ics").status_code == 200


def test_personal_feed_holds_clinic_bookings_for_the_booker_and_the_expert(client):
    from events.models import Booking
    from tests.factories import InnovationFactory

    slot = ClinicSlotFactory(online_url="https://meet.example.org/expert-room")
    booker = UserFactory()
    Booking.objects.create(
        event=slot.event, slot=slot, member=booker,
        innovation=InnovationFactory(owner=booker), question="How to scale?",
    )  # fmt: skip
    for person in (booker, slot.expert):
        token = calendar_token_for(person).token
        calendar = icalendar.Calendar.from_ical(client.get(f"/events/calendar/{token}.ics").content)
        [vevent] = calendar.events
        assert str(vevent["SUMMARY"]).startswith("Clinic: ")
        assert "https://meet.example.org/expert-room" in vevent.to_ical().decode().replace(
            "\r\n ", ""
        )
        assert vevent.start == slot.starts_at.replace(microsecond=0)


def test_the_times_kept_for_a_list_follow_the_language_and_any_change_of_time(client):
    """An event's times are written once per language, zone and time, then kept: another
    language writes them in its own words, and a moved event shows its new time at once."""
    event = paris_event(18, "paris-kept")
    client.force_login(UserFactory(timezone="America/New_York"))
    english = client.get("/events/?when=past").content.decode()
    french = client.get("/fr/events/?when=past").content.decode()
    assert "Oct. 18, 2026" in english
    assert "18 octobre 2026" in french
    assert "(Europe/Paris)" in english
    assert "America/New York, your time" in english

    event.starts_at += datetime.timedelta(hours=1)
    event.ends_at += datetime.timedelta(hours=1)
    event.save()
    moved = client.get("/events/?when=past").content.decode()
    assert '<time datetime="2026-10-18T05:00:00-04:00">' in moved
    assert '<time datetime="2026-10-18T04:00:00-04:00">' not in moved
