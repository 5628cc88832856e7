"""Reminders 24 hours and 1 hour before, found by a scan, each sent exactly once — also
when the scan runs twice, and twice at the same moment (PostgreSQL)."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from events.models import Booking, Registration, Reminder
from events.services.hosting import event_save
from events.services.registration import registration_cancel
from events.services.reminders import reminders_send
from events.tasks import send_due_reminders
from tests.factories import (
    ClinicSlotFactory,
    EventFactory,
    InnovationFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db]

LINK = "https://meet.example.org/secret-room"


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def soon():
    """An event starting in 23 hours with one confirmed attendee who wants reminders, and
    people who must get none."""
    event = EventFactory(
        title="Soon zq", starts_at=timezone.now() + timedelta(hours=23), capacity=3
    )
    wanted = RegistrationFactory(event=event, user=UserFactory(email="wanted@example.org"))
    RegistrationFactory(event=event, status="waitlisted", confirmed_at=None)
    RegistrationFactory(event=event, wants_reminders=False)
    RegistrationFactory(event=event, status="cancelled")
    # Registered an hour ago, after the day-before moment: the confirmation was enough.
    RegistrationFactory(
        event=event, registered_at=timezone.now() - timedelta(hours=1),
        user=UserFactory(email="late@example.org"),
    )  # fmt: skip
    return event, wanted


def test_day_and_hour_reminders_each_go_once(soon):
    event, wanted = soon
    assert reminders_send() == 1
    assert recipients() == ["wanted@example.org"]
    [email] = mail.outbox
    assert email.subject == "Tomorrow: Soon zq"
    assert LINK in email.body
    assert reminders_send() == 0  # the scan runs again: nothing more
    assert send_due_reminders.delay().get() == 0  # through Celery, too
    hour_before = event.starts_at - timedelta(minutes=50)
    assert reminders_send(now=hour_before) == 2  # the late registrant gets this one
    assert reminders_send(now=hour_before) == 0
    assert recipients() == ["late@example.org", "wanted@example.org", "wanted@example.org"]
    assert mail.outbox[-1].subject == "In one hour: Soon zq"
    # Each reminder is its own message to mail stores that de-duplicate by Message-ID.
    assert len({m.message()["Message-ID"] for m in mail.outbox}) == 3
    assert reminders_send(now=event.starts_at + timedelta(minutes=1)) == 0
    assert Reminder.objects.filter(registration=wanted).count() == 2


def test_reminders_are_in_the_members_language_and_zone(soon):
    _event, wanted = soon
    user = wanted.user
    user.language = "fr"
    user.timezone = "America/Bogota"
    user.save()
    reminders_send()
    [email] = mail.outbox
    assert "America/Bogota" in email.body
    assert "Africa/Nairobi" in email.body


def test_a_scan_that_was_down_skips_the_day_before_reminder_once_the_hour_one_is_due(soon):
    event, _wanted = soon
    assert reminders_send(now=event.starts_at - timedelta(minutes=30)) == 2
    assert [m.subject for m in mail.outbox] == ["In one hour: Soon zq"] * 2


def test_new_time_means_new_reminders(soon):
    event, _wanted = soon
    reminders_send()
    event.starts_at += timedelta(days=2)
    event.ends_at += timedelta(days=2)
    event_save(event=event, by=UserFactory(is_staff=True))
    [before] = [m.message()["Message-ID"] for m in mail.outbox if "Tomorrow" in m.subject]
    mail.outbox.clear()
    assert reminders_send(now=event.starts_at - timedelta(hours=23)) == 2
    assert recipients() == ["late@example.org", "wanted@example.org"]
    assert before not in {m.message()["Message-ID"] for m in mail.outbox}


def test_cancelled_event_and_cancelled_registration_get_no_reminder(soon):
    event, wanted = soon
    registration_cancel(event=event, user=wanted.user)
    assert reminders_send() == 0
    other = EventFactory(starts_at=timezone.now() + timedelta(hours=23), status="cancelled")
    RegistrationFactory(event=other)
    assert reminders_send() == 0


def test_clinic_booking_reminds_the_member_and_the_expert():
    slot = ClinicSlotFactory(
        starts_at=timezone.now() + timedelta(minutes=40), online_url="https://meet.example.org/x"
    )
    slot.event.starts_at = slot.starts_at
    slot.event.save()
    booker = UserFactory()
    booking = Booking.objects.create(
        event=slot.event, slot=slot, member=booker, innovation=InnovationFactory(owner=booker),
        question="Where next?",
    )  # fmt: skip
    Booking.objects.filter(pk=booking.pk).update(created_at=timezone.now() - timedelta(days=2))
    assert reminders_send() == 2
    assert recipients() == sorted([booker.email, slot.expert.email])
    assert all("https://meet.example.org/x" in m.body for m in mail.outbox)
    assert reminders_send() == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_scans_at_the_same_moment_send_each_reminder_once():
    event = EventFactory(starts_at=timezone.now() + timedelta(hours=23))
    registrations = RegistrationFactory.create_batch(20, event=event)
    barrier = threading.Barrier(4)
    counts = []

    def scan():
        try:
            barrier.wait()
            counts.append(reminders_send())
        finally:
            connection.close()

    threads = [threading.Thread(target=scan) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 20
    assert sorted(recipients()) == sorted(r.user.email for r in registrations)
    assert Reminder.objects.filter(sent_at__isnull=False).count() == 20
    assert Registration.objects.count() == 20
