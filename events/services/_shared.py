"""What the event services share: the registration statuses, the event's row lock, and the
emails and notifications they send (in the member's language and time zone, after commit)."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation

from events.calendars import event_calendar
from events.models import Event, Registration
from network.emails import render_email
from network.jobs import enqueue
from network.notifications import notify

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED
PENDING = Registration.Status.PENDING
GUEST_SALT = "events.guest"
# Whom the event's emails reach: members whose account is active, and guests.
REACHABLE = Q(user__is_active=True) | Q(user__isnull=True)


@dataclass(frozen=True)
class Guest:
    """Whom a guest's emails go to: what the email templates read of a member."""

    display_name: str
    email: str
    language: str
    timezone: str

    def __str__(self):
        return self.display_name


def person_of(registration: Registration):
    """The member registered, or the guest as someone to write to."""
    if not registration.is_guest:
        return registration.user
    return Guest(
        display_name=registration.guest_name,
        email=registration.guest_email,
        language=registration.guest_language or settings.LANGUAGE_CODE,
        timezone=registration.event.timezone,
    )


def _email_check(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def guest_token(registration: Registration) -> str:
    """The guest's own link: their registration, and only while it is theirs."""
    return signing.dumps([registration.pk, _email_check(registration.guest_email)], salt=GUEST_SALT)


def registration_for_token(token: str) -> Registration | None:
    try:
        pk, check = signing.loads(token, salt=GUEST_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    registration = (
        Registration.objects.select_related("event").filter(pk=pk, user__isnull=True).first()
    )
    if registration is None or _email_check(registration.guest_email) != check:
        return None
    return registration


def guest_url(registration: Registration) -> str:
    """The guest's page (confirm, calendar file, meeting link, cancel), in their language."""
    with translation.override(registration.guest_language or settings.LANGUAGE_CODE):
        path = reverse(
            "events:guest",
            kwargs={"slug": registration.event.slug, "token": guest_token(registration)},
        )
    return settings.SITE_URL + path


def lock_event(event: Event) -> Event:
    """The event's row, locked until the transaction ends (PostgreSQL)."""
    return Event.objects.select_for_update().get(pk=event.pk)


def event_url(event: Event, language: str) -> str:
    """The event's address in the reader's language (/fr/..., /es/...)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return settings.SITE_URL + event.get_absolute_url()


def send_event_email(user, template: str, *, event: Event, context=None, calendar=None) -> None:
    """A transactional email about ``event`` in the member's (or guest's) language and time
    zone, with an optional .ics built by ``calendar()`` in that language. Leaves after commit.
    A guest's emails link to their own page rather than the event's."""
    language = user.language or settings.LANGUAGE_CODE
    registration = (context or {}).get("registration")
    if registration is not None and registration.is_guest:
        context = {**context, "url": guest_url(registration), "guest": True}
    message = render_email(
        template,
        {"member": user, "event": event, "url": event_url(event, language), **(context or {})},
        language=language,
        zone=user.timezone or "UTC",
    )
    ics = ""
    if calendar is not None:
        with translation.override(language):
            ics = calendar().decode()
    to = [user.email]
    transaction.on_commit(
        lambda: enqueue("events.tasks.deliver_event_email", to=to, calendar=ics, **message)
    )


def notify_emailed(user, *, kind: str, message, params: dict, url: str) -> None:
    """An in-app notification whose email is the one sent beside it (never a second one)."""
    notify(recipient=user, kind=kind, message=message, params=params, url=url, emailed=True)


def calendar_for(event: Event, *, with_link: bool):
    return lambda: event_calendar(event, with_link=with_link)
