"""Registration: seats, the waitlist first come first served, promotion on cancellation, the
registration window, who may register, invitations, and the confirmation email with its
calendar file."""

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from events.models import Invitation, Registration
from events.services.hosting import event_save
from events.services.invitations import invitation_create, invitation_respond
from events.services.registration import registration_cancel, registration_create, waitlist_position
from network.models import Notification
from tests.factories import (
    ApplicantFactory,
    EventFactory,
    EventHostFactory,
    InvitationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db]

CONFIRMED, WAITLISTED, CANCELLED = "confirmed", "waitlisted", "cancelled"


def statuses(event):
    return list(
        Registration.objects.filter(event=event)
        .order_by("registered_at", "pk")
        .values_list("user__display_name", "status")
    )


def test_seats_then_waitlist_in_order_and_each_cancellation_promotes_one():
    event = EventFactory(capacity=2)
    people = [UserFactory(display_name=f"P{i}") for i in range(5)]
    for person in people:
        registration_create(event=event, user=person)
    assert statuses(event) == [
        ("P0", CONFIRMED), ("P1", CONFIRMED), ("P2", WAITLISTED), ("P3", WAITLISTED),
        ("P4", WAITLISTED),
    ]  # fmt: skip
    registration_cancel(event=event, user=people[1])
    assert dict(statuses(event)) == {
        "P0": CONFIRMED, "P1": CANCELLED, "P2": CONFIRMED, "P3": WAITLISTED, "P4": WAITLISTED,
    }  # fmt: skip
    # Leaving the waitlist promotes nobody; the seat count stays.
    registration_cancel(event=event, user=people[3])
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 2
    registration_cancel(event=event, user=people[0])
    assert dict(statuses(event))["P4"] == CONFIRMED
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 2


def test_registering_again_after_cancelling_goes_to_the_back_of_the_waitlist():
    event = EventFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3)
    for person in (first, second, third):
        registration_create(event=event, user=person)
    registration_cancel(event=event, user=second)
    again = registration_create(event=event, user=second)
    assert again.status == WAITLISTED
    assert waitlist_position(again) == 2
    assert Registration.objects.filter(event=event, user=second).count() == 1


def test_registering_twice_changes_nothing_and_the_database_refuses_a_second_row():
    event = EventFactory(capacity=5)
    member = UserFactory()
    first = registration_create(event=event, user=member)
    assert registration_create(event=event, user=member).pk == first.pk
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, user=member, status=CONFIRMED)


def test_raising_capacity_promotes_the_waitlist(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    people = UserFactory.create_batch(3)
    for person in people:
        registration_create(event=event, user=person)
    event.capacity = 2
    event_save(event=event, by=UserFactory(is_staff=True))
    assert [s for _n, s in statuses(event)] == [CONFIRMED, CONFIRMED, WAITLISTED]
    event.capacity = None
    event_save(event=event, by=UserFactory(is_staff=True))
    assert [s for _n, s in statuses(event)] == [CONFIRMED] * 3


def test_promotion_notifies_and_emails_the_promoted_member_once(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1, title="Solar skills")
    holder = UserFactory()
    waiting = UserFactory(language="fr")
    waiting.profile.delivery = "immediate"
    waiting.profile.save()
    registration_create(event=event, user=holder)
    registration_create(event=event, user=waiting)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(event=event, user=holder)
    [notification] = Notification.objects.filter(recipient=waiting, kind="event_promoted")
    assert notification.emailed_at is not None  # its email is the one below, not a second
    [email] = mail.outbox
    assert email.to == [waiting.email]
    assert "Solar skills" in email.subject
    assert "https://meet.example.org/secret-room" in email.body
    [(_name, content, mimetype)] = email.attachments
    assert mimetype == "text/calendar"
    assert icalendar.Calendar.from_ical(content).events[0]["SUMMARY"] == "Solar skills"


def test_confirmation_email_has_the_calendar_file_in_the_members_language(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(title="Taller", timezone="America/Bogota")
    member = UserFactory(language="es", timezone="Asia/Kolkata")
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, user=member)
    [email] = mail.outbox
    assert email.to == [member.email]
    [(name, content, _mimetype)] = email.attachments
    assert name == "event.ics"
    [vevent] = icalendar.Calendar.from_ical(content).events
    assert vevent.start.tzinfo.key == "America/Bogota"
    assert "Asia/Kolkata" in email.body and "America/Bogota" in email.body


def test_register_and_cancel_are_posts_with_csrf():
    event = EventFactory(capacity=3)
    member = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    url = f"/events/{event.slug}/register/"
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403  # no CSRF token
    page = client.get(event.get_absolute_url())
    token = page.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token, "wants_reminders": "on"})
    assert response.status_code == 302
    registration = Registration.objects.get(event=event, user=member)
    assert (registration.status, registration.wants_reminders) == (CONFIRMED, True)
    response = client.post(f"/events/{event.slug}/cancel/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == CANCELLED


def test_reminder_preference_is_saved(client):
    event = EventFactory()
    member = UserFactory()
    client.force_login(member)
    client.post(f"/events/{event.slug}/register/", {})  # box unticked
    registration = Registration.objects.get(event=event, user=member)
    assert registration.wants_reminders is False
    client.post(f"/events/{event.slug}/reminders/", {"wants_reminders": "on"})
    registration.refresh_from_db()
    assert registration.wants_reminders is True


def test_visitor_is_sent_to_sign_in_and_applicant_cannot_register(client):
    event = EventFactory()
    response = client.post(f"/events/{event.slug}/register/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(ApplicantFactory())
    assert client.post(f"/events/{event.slug}/register/").status_code == 403
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "window, message",
    [
        ({"registration_opens_at": timezone.now() + timezone.timedelta(days=1)},
         "Registration has not opened yet."),
        ({"registration_closes_at": timezone.now() - timezone.timedelta(minutes=1)},
         "Registration is closed."),
        ({"status": "cancelled"}, "This event is not open for registration."),
    ],
)  # fmt: skip
def test_registration_window_and_status(window, message):
    event = EventFactory(**window)
    with pytest.raises(ValidationError) as error:
        registration_create(event=event, user=UserFactory())
    assert error.value.messages == [message]


def test_registration_closes_when_the_event_starts():
    event = EventFactory(
        starts_at=timezone.now() - timezone.timedelta(minutes=5),
        ends_at=timezone.now() + timezone.timedelta(hours=1),
    )
    with pytest.raises(ValidationError):
        registration_create(event=event, user=UserFactory())


def test_hosts_do_not_register_and_clinics_are_booked_not_registered():
    host = EventHostFactory().user
    event = host.hosted_events.get().event
    with pytest.raises(ValidationError):
        registration_create(event=event, user=host)
    with pytest.raises(ValidationError):
        registration_create(event=EventFactory(type="clinic"), user=UserFactory())


def test_private_workshop_needs_an_invitation_and_accepting_registers():
    event = EventFactory(visibility="private", type="workshop", capacity=1)
    outsider, invitee, late = UserFactory.create_batch(3)
    with pytest.raises(PermissionDenied):
        registration_create(event=event, user=outsider)
    host = EventHostFactory(event=event).user
    invitation_create(event=event, by=host, user=invitee)
    invitation_create(event=event, by=host, user=late)
    invitation_respond(event=event, user=invitee, accept=True)
    invitation_respond(event=event, user=late, accept=True)
    assert dict(Registration.objects.filter(event=event).values_list("user_id", "status")) == {
        invitee.pk: CONFIRMED,
        late.pk: WAITLISTED,
    }
    # Declining after accepting gives the seat up, and it goes to the next in line.
    invitation_respond(event=event, user=invitee, accept=False)
    assert Invitation.objects.get(event=event, user=invitee).status == "declined"
    assert Registration.objects.get(event=event, user=late).status == CONFIRMED


def test_only_hosts_and_staff_invite_and_only_members_are_invited():
    event = EventFactory(visibility="private")
    host = EventHostFactory(event=event).user
    with pytest.raises(PermissionDenied):
        invitation_create(event=event, by=UserFactory(), user=UserFactory())
    with pytest.raises(ValidationError):
        invitation_create(event=event, by=host, user=ApplicantFactory())


def test_invitation_notifies_and_emails_the_invitee(django_capture_on_commit_callbacks):
    event = EventFactory(visibility="private", title="Secret workshop")
    host = EventHostFactory(event=event).user
    invitee = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(event=event, by=host, user=invitee)
        invitation_create(event=event, by=host, user=invitee)  # twice: nothing more
    assert [m.to for m in mail.outbox] == [[invitee.email]]
    assert mail.outbox[0].subject == "You are invited: Secret workshop"
    assert "https://meet.example.org/secret-room" not in mail.outbox[0].body
    assert invitee.notifications.get().url == event.get_absolute_url()


def test_invite_form_keeps_what_was_typed_when_a_username_is_unknown(client):
    event = EventFactory(visibility="private")
    host = EventHostFactory(event=event).user
    known = UserFactory(username="known-member")
    client.force_login(host)
    response = client.post(
        f"/events/{event.slug}/invite/", {"usernames": "known-member, nobody-zq"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "known-member, nobody-zq" in html
    assert "No member has these usernames: nobody-zq." in html
    assert not Invitation.objects.filter(event=event).exists()
    response = client.post(f"/events/{event.slug}/invite/", {"usernames": "known-member"})
    assert response.status_code == 302
    assert Invitation.objects.get(event=event).user == known


def test_invitee_answers_from_the_page(client):
    event = EventFactory(visibility="private")
    invitation = InvitationFactory(event=event)
    client.force_login(invitation.user)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Accept the invitation" in html
    client.post(f"/events/{event.slug}/invitation/", {"answer": "accept"})
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert Registration.objects.get(event=event, user=invitation.user).status == CONFIRMED


def test_cancelling_after_the_start_is_refused():
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    event.starts_at = timezone.now() - timezone.timedelta(minutes=1)
    event.save()
    with pytest.raises(ValidationError):
        registration_cancel(event=event, user=registration.user)


def test_page_shows_seats_left_and_waitlist_position(client):
    event = EventFactory(capacity=2)
    RegistrationFactory(event=event)
    client.force_login(UserFactory())
    assert "1 seat left" in client.get(event.get_absolute_url()).content.decode()
    RegistrationFactory(event=event)
    waiting = UserFactory()
    registration_create(event=event, user=waiting)
    client.force_login(waiting)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Full: new registrations join the waitlist" in html
    assert "You are number 1 on the waitlist" in html


def test_invitations_to_a_draft_go_out_when_it_is_published(django_capture_on_commit_callbacks):
    event = EventFactory(visibility="private", status="draft", published_at=None, title="Later")
    host = EventHostFactory(event=event).user
    invitee = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        invitation_create(event=event, by=host, user=invitee)
    assert mail.outbox == []
    event.status = "published"
    with django_capture_on_commit_callbacks(execute=True):
        event_save(event=event, by=host)
    assert [m.subject for m in mail.outbox] == ["You are invited: Later"]
