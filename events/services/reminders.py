"""Reminders that go out once, 24 hours and 1 hour before an event or a clinic slot: a scan
for due rows, each sent under a compare-and-set."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from events.models import Booking, Registration, Reminder, Status
from events.services._shared import CONFIRMED, REACHABLE, event_url, guest_url, person_of
from network.emails import build_message, delivery_message_id, render_email

REMINDER_LEADS = {Reminder.Kind.DAY: timedelta(hours=24), Reminder.Kind.HOUR: timedelta(hours=1)}
# A reminder row claimed by a run that died is taken over after this long.
STALE_CLAIM = timedelta(minutes=15)


def _due_registrations(kind: str, now):
    lead = REMINDER_LEADS[kind]
    # The day-before reminder is skipped once the hour-before one is due.
    not_before = now + REMINDER_LEADS[Reminder.Kind.HOUR] if kind == Reminder.Kind.DAY else now
    return (
        Registration.objects.filter(
            REACHABLE,
            status=CONFIRMED,
            wants_reminders=True,
            event__status=Status.PUBLISHED,
            event__hidden_at__isnull=True,
            event__starts_at__lte=now + lead,
            event__starts_at__gt=not_before,
        )
        # Who registered after this reminder's moment has their confirmation email.
        .filter(Q(confirmed_at__isnull=True) | Q(confirmed_at__lte=F("event__starts_at") - lead))
        .exclude(reminders__kind=kind)
        .values_list("pk", "user_id")
    )


def _due_bookings(kind: str, now):
    lead = REMINDER_LEADS[kind]
    not_before = now + REMINDER_LEADS[Reminder.Kind.HOUR] if kind == Reminder.Kind.DAY else now
    return (
        Booking.objects.filter(
            event__status=Status.PUBLISHED,
            event__hidden_at__isnull=True,
            slot__starts_at__lte=now + lead,
            slot__starts_at__gt=not_before,
            created_at__lte=F("slot__starts_at") - lead,
        )
        .exclude(reminders__kind=kind)
        .values_list("pk", "member_id", "slot__expert_id")
    )


def _claim_reminders(now, claim: str) -> None:
    """Insert a row for each due reminder; a row another run inserted stays theirs."""
    rows = []
    for kind in REMINDER_LEADS:
        rows += [
            Reminder(kind=kind, recipient_id=user_id, registration_id=pk, claim=claim)
            for pk, user_id in _due_registrations(kind, now)
        ]
        for pk, member_id, expert_id in _due_bookings(kind, now):
            rows += [
                Reminder(kind=kind, recipient_id=person, booking_id=pk, claim=claim)
                for person in (member_id, expert_id)
            ]
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)


def _still_due(reminder: Reminder, now) -> bool:
    if reminder.registration_id:
        registration = reminder.registration
        event = registration.event
        return (
            registration.status == CONFIRMED
            and registration.wants_reminders
            and event.status == Status.PUBLISHED
            and event.starts_at > now
        )
    booking = reminder.booking
    return booking.event.status == Status.PUBLISHED and booking.slot.starts_at > now


def _reminder_url(reminder: Reminder, user) -> str:
    if reminder.booking_id:
        return settings.SITE_URL + reminder.booking.get_absolute_url()
    if reminder.registration.is_guest:
        return guest_url(reminder.registration)
    return event_url(reminder.registration.event, user.language)


def _reminder_message(reminder: Reminder):
    user = reminder.recipient or person_of(reminder.registration)
    if reminder.registration_id:
        event = reminder.registration.event
        starts_at, link, booking = event.starts_at, event.online_url, None
    else:
        booking = reminder.booking
        event = booking.event
        starts_at, link = booking.slot.starts_at, booking.slot.meeting_url()
    rendered = render_email(
        "event_reminder",
        {
            "member": user,
            "event": event,
            "kind": reminder.kind,
            "starts_at": starts_at,
            "link": link,
            "booking": booking,
            "url": _reminder_url(reminder, user),
        },
        language=user.language,
        zone=user.timezone or "UTC",
    )
    # The same Message-ID if a lost worker's run hands it over again (see delivery_message_id).
    message_id = delivery_message_id(
        reminder.recipient_id or f"guest-{reminder.registration_id}", "reminder", str(reminder.pk)
    )
    return build_message(to=[user.email], headers={"Message-ID": message_id}, **rendered)


def reminders_send(*, now=None, claim: str = "") -> int:
    """Send the reminders now due (24 hours and 1 hour before); returns how many were sent.

    Each reminder is a row, unique per registration (or booking and person) and lead time.
    A run inserts the rows it finds due and sends those it inserted — plus rows a lost run
    left unsent — each under a compare-and-set of ``sent_at``: of two runs at the same
    moment, only the one whose UPDATE finds the row unsent sends; the other waits on the row
    lock, then finds it sent. A failed send rolls the mark back for the next scan.
    """
    now = now or timezone.now()
    claim = claim or uuid.uuid4().hex
    _claim_reminders(now, claim)
    pending = (
        Reminder.objects.filter(sent_at__isnull=True)
        .filter(Q(claim=claim) | Q(created_at__lt=timezone.now() - STALE_CLAIM))
        .select_related(
            "recipient",
            "registration__event",
            "booking__event",
            "booking__slot__expert",
            "booking__innovation",
        )
        .order_by("pk")
    )
    sent = 0
    for reminder in pending:
        with transaction.atomic():
            if not Reminder.objects.filter(pk=reminder.pk, sent_at__isnull=True).update(
                sent_at=timezone.now()
            ):
                continue
            active = reminder.recipient is None or reminder.recipient.is_active
            if not (active and _still_due(reminder, now)):
                continue  # marked: it is no longer wanted, and never will be for this time
            _reminder_message(reminder).send()
        sent += 1
    return sent
