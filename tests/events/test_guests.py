"""Registering for a public event without an account: the email is confirmed before the seat
counts, the same capacity and waitlist as members', the calendar file and the meeting link
only once confirmed, cancelling from the guest's own link, and guests forgotten after the
retention period."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.models import Registration, Reminder
from events.services.guests import guest_register, guests_forget
from events.services.registration import registration_cancel, registration_create
from events.services.reminders import reminders_send
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db
LINK = "https://meet.example.org/secret-room"


@pytest.fixture
def event():
    return EventFactory(title="Green skills webinar", guests_allowed=True, capacity=2)


def register(client, event, email="ada@partner.example", name="Ada Partner", **extra):
    data = {"name": name, "email": email, "organisation": "Partner Fund", "country": "KE",
            "wants_reminders": "on", **extra}  # fmt: skip
    return client.post(f"/events/{event.slug}/guests/", data)


def link_in(message) -> str:
    return re.search(r"https?://\S+/guests/[^/\s]+/", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def confirm(client, url):
    return client.post(path_of(url), {"action": "confirm"}, follow=True)


def test_a_guest_registers_confirms_by_email_and_gets_the_calendar_and_link(
    client, event, django_capture_on_commit_callbacks
):
    page = client.get(event.get_absolute_url()).content.decode()
    assert f"/events/{event.slug}/guests/" in page  # reachable from the event's page
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event)
    assert response.status_code == 302
    assert "we have sent you an email" in client.get(response["Location"]).content.decode()
    registration = Registration.objects.get(guest_email="ada@partner.example")
    assert registration.status == "pending" and registration.user is None
    assert event.seats_left() == 2  # not yet a seat
    [email] = mail.outbox
    assert email.to == ["ada@partner.example"]
    assert LINK not in email.body and not email.attachments
    url = link_in(email)
    # Before confirming: no meeting link, no calendar file.
    page = client.get(path_of(url)).content.decode()
    assert "Confirm my registration" in page and LINK not in page
    assert client.get(path_of(url) + "calendar.ics").status_code == 404
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = confirm(client, url).content.decode()
    assert "Your seat is confirmed" in page and LINK in page
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert event.seats_left() == 1
    [email] = mail.outbox
    assert LINK in email.body and "/guests/" in email.body
    assert email.attachments[0][0] == "event.ics"
    calendar = client.get(path_of(url) + "calendar.ics")
    assert calendar.status_code == 200 and calendar["Content-Type"] == "text/calendar"
    assert LINK in calendar.content.decode()
    assert calendar["Cache-Control"] == "private, no-store"
    # Confirming twice changes nothing.
    confirm(client, url)
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"


def test_guests_and_members_share_the_seats_and_the_waitlist(
    client, event, django_capture_on_commit_callbacks
):
    first, second = UserFactory(), UserFactory()
    registration_create(event=event, user=first)
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)
    url = link_in(mail.outbox[-1])
    registration_create(event=event, user=second)  # the last seat, before the guest confirmed
    confirm(client, url)
    guest = Registration.objects.get(guest_email="ada@partner.example")
    assert guest.status == "waitlisted"
    assert "number 1 on the waitlist" in client.get(path_of(url)).content.decode()
    assert client.get(path_of(url) + "calendar.ics").status_code == 404
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(event=event, user=first)
    guest.refresh_from_db()
    assert guest.status == "confirmed"
    [email] = [m for m in mail.outbox if m.to == ["ada@partner.example"]]
    assert LINK in email.body and "/guests/" in email.body


def test_cancelling_from_the_link_frees_the_seat(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)
    url = link_in(mail.outbox[-1])
    confirm(client, url)
    assert event.seats_left() == 1
    page = client.post(path_of(url), {"action": "cancel"}, follow=True).content.decode()
    assert "Your registration is cancelled." in page
    assert event.seats_left() == 2
    assert LINK not in page


def test_a_second_registration_with_the_same_email_resends_the_link_and_tells_nothing(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)
    confirm(client, link_in(mail.outbox[-1]))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client, event, name="Someone Else")
    assert response.status_code == 302  # the same answer as for anyone
    assert Registration.objects.get(guest_email="ada@partner.example").guest_name == "Ada Partner"
    [email] = mail.outbox
    assert "already registered" in email.body


def test_only_public_events_that_take_guests(client):
    closed = EventFactory(guests_allowed=False)
    members = EventFactory(guests_allowed=True, visibility="members")
    assert client.get(f"/events/{closed.slug}/guests/").status_code == 404
    assert client.get(f"/events/{members.slug}/guests/").status_code == 404
    assert "guests/" not in client.get(closed.get_absolute_url()).content.decode()
    full_past = EventFactory(guests_allowed=True, registration_closes_at=timezone.now())
    response = register(client, full_past)
    assert response.status_code == 200 and not Registration.objects.exists()
    assert "not open" in response.content.decode()


def test_a_forged_or_foreign_link_finds_nothing(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)
    url = path_of(link_in(mail.outbox[-1]))
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/events/{event.slug}/guests/{token[:-2]}xx/").status_code == 404
    other = EventFactory(guests_allowed=True)
    assert client.get(f"/events/{other.slug}/guests/{token}/").status_code == 404


def test_registrations_are_limited_per_email(client, event):
    for _attempt in range(3):
        assert register(client, event).status_code == 302
    response = register(client, event)
    assert response.status_code == 429
    assert "Too many registrations" in response.content.decode()


def test_guests_get_reminders_too(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)
    confirm(client, link_in(mail.outbox[-1]))
    guest = Registration.objects.get(guest_email="ada@partner.example")
    Registration.objects.filter(pk=guest.pk).update(confirmed_at=timezone.now() - timedelta(days=7))
    mail.outbox.clear()
    sent = reminders_send(now=event.starts_at - timedelta(hours=23))
    assert sent == 1
    [email] = mail.outbox
    assert email.to == ["ada@partner.example"] and "/guests/" in email.body
    assert Reminder.objects.get().recipient is None


def test_guests_are_forgotten_after_the_retention_period(client, settings):
    settings.GUEST_RETENTION_DAYS = 30
    past = EventFactory(
        guests_allowed=True,
        starts_at=timezone.now() - timedelta(days=40),
        ends_at=timezone.now() - timedelta(days=40, hours=-2),
    )
    recent = EventFactory(guests_allowed=True)
    old = Registration.objects.create(event=past, guest_email="old@x.example", guest_name="Old",
                                      status="confirmed")  # fmt: skip
    member = Registration.objects.create(event=past, user=UserFactory(), status="confirmed")
    kept = guest_register(event=recent, name="Kept", email="kept@x.example")
    stale = guest_register(event=recent, name="Stale", email="stale@x.example")
    Registration.objects.filter(pk=stale.pk).update(
        registered_at=timezone.now() - timedelta(days=3)
    )
    assert guests_forget() == 2
    left = set(Registration.objects.values_list("pk", flat=True))
    assert left == {member.pk, kept.pk}
    assert old.pk not in left


def test_a_guest_applies_for_membership_with_the_form_filled_in(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, event)
    page = client.get(path_of(link_in(mail.outbox[-1])))
    apply_url = re.search(r'href="(/accounts/signup/\?prefill=[^"]+)"', page.content.decode())
    form = client.get(apply_url.group(1).replace("&amp;", "&")).content.decode()
    assert 'value="Ada Partner"' in form
    assert 'value="ada@partner.example"' in form
    assert 'value="Partner Fund"' in form
