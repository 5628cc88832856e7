"""The events' part of the weekly discovery digest, its inbox action (register), and the
member's events in "download all your data"."""

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from events.models import (
    Booking,
    Event,
    EventHost,
    EventType,
    Feedback,
    Registration,
    Scope,
    Status,
    Visibility,
)
from events.services.registration import registration_create, waitlist_position
from members.models import by_unsuspended
from network.digests import DigestItem, DigestSection
from network.links import Action, action_url

MAX_ITEMS = 5
HORIZON = timedelta(days=60)
SOON = timedelta(days=14)


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _meta(event, user) -> str:
    start = timezone.localtime(event.starts_at, _zone(user.timezone))
    when = date_format(start, "DATETIME_FORMAT")
    seats = event.seats_left()
    if seats is None:
        return f"{when} ({(user.timezone or 'UTC').replace('_', ' ')})"
    return f"{when} ({(user.timezone or 'UTC').replace('_', ' ')}) · " + ngettext(
        "%(count)d seat left", "%(count)d seats left", seats
    ) % {"count": seats}


def upcoming_events_section(users, since):
    """Upcoming events with seats left, global or in each member's region, that they are
    not already part of. Public and members-only events only: a private workshop reaches
    no digest. Three queries for the whole batch."""
    if not users:
        return {}
    now = timezone.now()
    events = [
        event
        for event in Event.objects.filter(
            by_unsuspended("created_by"),
            status=Status.PUBLISHED,
            visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS],
            hidden_at__isnull=True,
            starts_at__gt=now,
            starts_at__lte=now + HORIZON,
        )
        .exclude(type=EventType.CLINIC)
        .filter(Q(published_at__gte=since) | Q(starts_at__lte=now + SOON))
        .with_seats()
        .order_by("starts_at", "pk")[:100]
        if event.registration_is_open(now) and event.seats_left() != 0
    ]
    if not events:
        return {}
    ids = [event.pk for event in events]
    taken = set(
        Registration.objects.filter(user__in=users, event__in=ids)
        .exclude(status=Registration.Status.CANCELLED)
        .values_list("user_id", "event_id")
    )
    taken |= set(
        EventHost.objects.filter(user__in=users, event__in=ids).values_list("user_id", "event_id")
    )
    sections = {}
    for user in users:
        profile = getattr(user, "profile", None)
        region = profile.region if profile else ""
        matches = [
            event
            for event in events
            if (user.pk, event.pk) not in taken
            and (event.scope == Scope.GLOBAL or (region and event.region == region))
        ]
        if not matches:
            continue
        with translation.override(user.language or settings.LANGUAGE_CODE):
            section = DigestSection(title=_("Upcoming events with seats left"))
            for event in matches[:MAX_ITEMS]:
                section.items.append(
                    DigestItem(
                        title=event.title,
                        url=settings.SITE_URL + event.get_absolute_url(),
                        meta=_meta(event, user),
                        action_url=action_url(user, "register_event", event.pk),
                        action_label=_("Register"),
                    )
                )
        sections[user.pk] = section
    return sections


def _describe_register(object_id, user):
    event = Event.objects.listed_for(user).filter(pk=object_id, status=Status.PUBLISHED).first()
    if event is None:
        raise LookupError(object_id)
    start = timezone.localtime(event.starts_at, _zone(user.timezone))
    return _("Register for “%(title)s”, %(when)s.") % {
        "title": event.title,
        "when": date_format(start, "DATETIME_FORMAT"),
    }


def _run_register(user, object_id):
    event = Event.objects.listed_for(user).get(pk=object_id)
    try:
        registration = registration_create(event=event, user=user)
    except ValidationError as error:
        return " ".join(error.messages)
    except PermissionDenied:
        return _("This event is not open to you.")
    if registration.status == Registration.Status.CONFIRMED:
        return _("You are registered for “%(title)s”. The calendar file is in your email.") % {
            "title": event.title
        }
    return _("“%(title)s” is full: you are number %(position)d on the waitlist.") % {
        "title": event.title,
        "position": waitlist_position(registration) or 0,
    }


REGISTER_ACTION = Action(
    name="register_event",
    label=gettext_lazy("Register for an event"),
    describe=_describe_register,
    run=_run_register,
)


def personal_data(user) -> dict:
    """The member's part of events, for "download all your data"."""
    return {
        "event_registrations": [
            {
                "event": r.event.title,
                "starts": r.event.starts_at.isoformat(),
                "status": r.status,
                "registered": r.registered_at.isoformat(),
                "attended": r.attended,
                "reminders": r.wants_reminders,
            }
            for r in user.event_registrations.select_related("event").order_by("pk")
        ],
        "event_feedback": [
            {"event": f.event.title, "rating": f.rating, "comment": f.comment}
            for f in Feedback.objects.filter(author=user).select_related("event")
        ],
        "clinic_bookings": [
            {
                "event": b.event.title,
                "slot": b.slot.starts_at.isoformat(),
                "innovation": b.innovation.title,
                "question": b.question,
                "advice": b.advice,
            }
            for b in Booking.objects.filter(member=user).select_related(
                "event", "slot", "innovation"
            )
        ],
        "events_hosted": [
            h.event.title for h in EventHost.objects.filter(user=user).select_related("event")
        ],
    }
