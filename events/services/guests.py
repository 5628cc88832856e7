"""Guests: people without an account who register for a public event that takes them. Their
email is confirmed first (double opt-in): only then does the seat count, under the same lock,
capacity and waitlist as members' (events.services.registration). Their own signed link shows
their registration, the calendar file and the meeting link once confirmed, and cancels it.
Guests are forgotten a while after the event (GUEST_RETENTION_DAYS)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Event, Registration, Status
from events.services._shared import (
    CANCELLED,
    CONFIRMED,
    PENDING,
    WAITLISTED,
    guest_url,
    lock_event,
    person_of,
    send_event_email,
)
from events.services.registration import cancel_locked, confirmed_count, tell_registered

# How long the confirmation link of a new guest registration works.
CONFIRM_WITHIN = timedelta(days=2)


def _closed() -> ValidationError:
    return ValidationError(_("This event does not take registrations without an account now."))


def guest_register(
    *,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    country: str = "",
    language: str = "",
    wants_reminders: bool = True,
) -> Registration:
    """Record a guest's registration, waiting for their email's confirmation (no seat yet),
    and send them the link. Someone already registered with this email gets their link
    again, and nothing changes: the page never tells who is registered."""
    if not event.takes_guests():
        raise _closed()
    email = email.strip().lower()
    registration = Registration.objects.filter(event=event, guest_email=email).first()
    if registration is not None and registration.status in (CONFIRMED, WAITLISTED):
        _send_link(registration, again=True)
        return registration
    if registration is None:
        registration = Registration(event=event, guest_email=email)
    registration.guest_name = name.strip()
    registration.guest_organisation = organisation.strip()
    registration.guest_country = country
    registration.guest_language = language or settings.LANGUAGE_CODE
    registration.wants_reminders = wants_reminders
    registration.status = PENDING
    registration.registered_at = timezone.now()
    registration.confirmed_at = registration.cancelled_at = registration.attended = None
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same email at the same moment: the first one stands
        registration = Registration.objects.get(event=event, guest_email=email)
    _send_link(registration, again=False)
    return registration


def _send_link(registration: Registration, *, again: bool) -> None:
    send_event_email(
        person_of(registration),
        "event_guest_confirm",
        event=registration.event,
        context={"registration": registration, "again": again,
                 "days": CONFIRM_WITHIN.days},
    )  # fmt: skip


@transaction.atomic
def guest_confirm(*, registration: Registration) -> Registration:
    """The guest confirmed their email: a seat if one is free, else the back of the waitlist
    (their place counts from now). Confirming twice changes nothing."""
    event = lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != PENDING:
        return registration
    now = timezone.now()
    if registration.registered_at < now - CONFIRM_WITHIN:
        raise ValidationError(_("This confirmation link has expired. Please register again."))
    if not event.takes_guests(now):
        raise _closed()
    full = event.capacity is not None and confirmed_count(event) >= event.capacity
    registration.status = WAITLISTED if full else CONFIRMED
    registration.registered_at = now
    registration.confirmed_at = None if full else now
    registration.save(update_fields=["status", "registered_at", "confirmed_at"])
    registration.event = event
    tell_registered(registration)
    return registration


@transaction.atomic
def guest_cancel(*, registration: Registration) -> Registration:
    """The guest gives up their seat or waitlist place from their link."""
    event = lock_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    return cancel_locked(event, registration)


def guests_forget(now=None) -> int:
    """Delete what is kept of guests: GUEST_RETENTION_DAYS after their event ended (or after
    they cancelled, or after a cancelled event), and unconfirmed registrations once their
    link expired. Returns how many."""
    now = now or timezone.now()
    kept_until = now - timedelta(days=settings.GUEST_RETENTION_DAYS)
    guests = Registration.objects.filter(user__isnull=True)
    done = guests.filter(
        Q(event__ends_at__lt=kept_until)
        | Q(status=CANCELLED, cancelled_at__lt=kept_until)
        | Q(event__status=Status.CANCELLED, event__cancelled_at__lt=kept_until)
        | Q(status=PENDING, registered_at__lt=now - CONFIRM_WITHIN)
    )
    _total, by_model = done.delete()
    return by_model.get(Registration._meta.label, 0)


__all__ = ["guest_cancel", "guest_confirm", "guest_register", "guest_url", "guests_forget"]
