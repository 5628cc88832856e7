"""Managers run events in the admin: times in the event's own zone, inlines, the CSV export,
emailing registrants, cancelling, and the staff roles' permissions."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from events.models import Event, Registration
from network.models import AuditEntry
from tests.factories import (
    EventFactory,
    EventHostFactory,
    RegistrationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db]

INLINES = ["hosts", "languages", "slots", "invitations", "registrations"]


@pytest.fixture
def admin_client(client):
    user = StaffFactory(is_superuser=True)
    client.force_login(user)
    return client


def form_data(**fields):
    data = {
        "title": "Admin-made event", "slug": "admin-made-event", "written_in": "en", "type": "training",
        "status": "published", "visibility": "public", "scope": "global",
        "timezone": "Asia/Kolkata", "starts_at_0": "2030-03-10", "starts_at_1": "15:30",
        "ends_at_0": "2030-03-10", "ends_at_1": "17:30", "summary": "", "description": "",
        "online_url": "https://meet.example.org/room", "venue": "", "capacity": "",
        "material_links": "", "recording_url": "", "region": "", "country": "",
    }  # fmt: skip
    for prefix in INLINES:
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | fields


def test_admin_pages_load(admin_client):
    event = EventFactory(type="clinic")
    EventHostFactory(event=event)
    RegistrationFactory(event=event)
    for path in (
        "/admin/events/event/",
        "/admin/events/event/?type__exact=clinic&status__exact=published",
        "/admin/events/event/?starts_at__gte=2020-01-01",
        "/admin/events/event/add/",
        f"/admin/events/event/{event.pk}/change/",
        "/admin/events/registration/",
        "/admin/events/feedback/",
        "/admin/events/booking/",
        "/admin/events/reminder/",
    ):
        assert admin_client.get(path).status_code == 200, path


def test_times_are_entered_in_the_events_zone(admin_client):
    response = admin_client.post("/admin/events/event/add/", form_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="admin-made-event")
    assert event.starts_at.isoformat() == "2030-03-10T10:00:00+00:00"  # 15:30 in Kolkata
    assert event.created_by is not None
    page = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert 'value="15:30:00"' in page


def test_reserved_slug_is_refused(admin_client):
    response = admin_client.post("/admin/events/event/add/", form_data(slug="calendar"))
    assert response.status_code == 200
    assert "This address is reserved" in response.content.decode()


def test_changing_the_time_in_the_admin_tells_registrants_and_raises_the_sequence(
    admin_client, django_capture_on_commit_callbacks
):
    admin_client.post("/admin/events/event/add/", form_data())
    event = Event.objects.get(slug="admin-made-event")
    registration = RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/events/event/{event.pk}/change/", form_data(starts_at_1="16:00")
        )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.sequence == 1
    [email] = mail.outbox
    assert email.to == [registration.user.email]
    assert email.subject == "Changed: Admin-made event"
    assert registration.user.notifications.get().kind == "event_changed"


def test_publishing_then_cancelling_in_the_change_form_dates_and_tells_registrants(
    admin_client, django_capture_on_commit_callbacks
):
    admin_client.post("/admin/events/event/add/", form_data(status="draft"))
    event = Event.objects.get(slug="admin-made-event")
    assert event.published_at is None
    admin_client.post(f"/admin/events/event/{event.pk}/change/", form_data())
    event.refresh_from_db()
    assert event.published_at is not None
    registration = RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/events/event/{event.pk}/change/", form_data(status="cancelled")
        )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.cancelled_at is not None
    assert AuditEntry.objects.filter(action="event_cancelled", object_id=str(event.pk)).exists()
    [email] = mail.outbox
    assert (email.to, email.subject) == ([registration.user.email], "Cancelled: Admin-made event")
    assert registration.user.notifications.get().kind == "event_cancelled"


def test_export_registrations_csv(admin_client):
    event = EventFactory(title="Exported")
    RegistrationFactory(event=event, user=UserFactory(display_name="Ann"), attended=True)
    RegistrationFactory(event=event, status="waitlisted", user=UserFactory(display_name="Ben"))
    response = admin_client.post(
        "/admin/events/event/",
        {"action": "export_registrations", "_selected_action": [event.pk]},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:6] == ["event", "event_starts_utc", "member", "email", "username", "status"]
    assert [(r[0], r[2], r[5], r[9]) for r in rows[1:]] == [
        ("Exported", "Ann", "confirmed", "yes"),
        ("Exported", "Ben", "waitlisted", ""),
    ]


def test_email_all_registrants(admin_client, django_capture_on_commit_callbacks):
    event = EventFactory(title="Mailed")
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted")
    RegistrationFactory(event=event, status="cancelled")
    selection = {"action": "email_registrants", "_selected_action": [event.pk]}
    form = admin_client.post("/admin/events/event/", selection)
    assert form.status_code == 200
    assert "Also email the waitlist" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/events/event/",
            selection | {"subject": "Room change", "message": "We meet in room 3."},
        )
    assert response.status_code == 302
    [email] = mail.outbox
    assert email.to == [confirmed.user.email]
    assert email.subject == "Room change"
    assert "We meet in room 3." in email.body
    assert "https://meet.example.org/secret-room" not in email.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/events/event/",
            selection | {"subject": "Again", "message": "Hello", "waitlist": "on"},
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [confirmed.user.email, waiting.user.email]
    )


def test_cancel_action_tells_registrants(admin_client, django_capture_on_commit_callbacks):
    event = EventFactory(title="Called off")
    registration = RegistrationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/events/event/", {"action": "cancel_events", "_selected_action": [event.pk]}
        )
    event.refresh_from_db()
    assert event.status == "cancelled"
    [email] = mail.outbox
    assert email.subject == "Cancelled: Called off"
    assert email.to == [registration.user.email]
    assert "STATUS:CANCELLED" in email.attachments[0][1]


def test_cancelling_a_registration_in_the_admin_promotes_the_waitlist(admin_client):
    event = EventFactory(capacity=1)
    holder = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted", confirmed_at=None)
    admin_client.post(
        "/admin/events/registration/",
        {"action": "cancel_registrations", "_selected_action": [holder.pk]},
    )
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"


def test_roles_have_their_permissions():
    managers = Group.objects.get(name="Programme and event managers")
    codenames = set(managers.permissions.values_list("codename", flat=True))
    assert {"view_event", "add_event", "change_event", "delete_event", "change_registration",
            "add_clinicslot", "delete_feedback"} <= codenames  # fmt: skip
    moderators = set(
        Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)
    )
    assert {"view_event", "view_registration", "view_feedback"} <= moderators
    assert "change_event" not in moderators
