"""What the event services share: the registration statuses, the event's row lock, and the
emails and notifications they send (in the member's language and time zone, after commit)."""

from django.conf import settings
from django.db import transaction
from django.utils import translation

from events.calendars import event_calendar
from events.models import Event, Registration
from network.emails import render_email
from network.jobs import enqueue
from network.notifications import notify

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def lock_event(event: Event) -> Event:
    """The event's row, locked until the transaction ends (PostgreSQL)."""
    return Event.objects.select_for_update().get(pk=event.pk)


def event_url(event: Event, language: str) -> str:
    """The event's address in the reader's language (/fr/..., /es/...)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return settings.SITE_URL + event.get_absolute_url()


def send_event_email(user, template: str, *, event: Event, context=None, calendar=None) -> None:
    """A transactional email about ``event`` in the member's language and time zone, with an
    optional .ics built by ``calendar()`` in that language. Leaves after commit."""
    language = user.language or settings.LANGUAGE_CODE
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
