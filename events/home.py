"""The events' part of the home page: the upcoming count, the next events, and a member's
own upcoming events (declared in ``events.content``)."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.access import my_event_ids
from events.models import Event, Registration

MAX_ITEMS = 5
NEXT = 3


def upcoming_count(viewer) -> int:
    return Event.objects.listed_for(viewer).published().upcoming().count()


def next_events(request) -> dict | None:
    events = list(
        Event.objects.listed_for(request.user).published().upcoming().order_by("starts_at")[:NEXT]
    )
    return {"events": events} if events else None


def my_events_section(request) -> dict | None:
    user = request.user
    mine = my_event_ids(user)
    if not mine:  # most members: no need to build the visibility query
        return None
    waitlisted = Registration.objects.filter(
        event=OuterRef("pk"), user=user, status=Registration.Status.WAITLISTED
    )
    events = list(
        Event.objects.listed_for(user)
        .upcoming()
        .filter(pk__in=mine)
        .annotate(on_waitlist=Exists(waitlisted))
        .order_by("starts_at", "pk")[:MAX_ITEMS]
    )
    items = []
    for event in events:
        # Dates in the member's zone (the middleware activated it).
        meta = date_format(timezone.localtime(event.starts_at), "DATETIME_FORMAT")
        if event.status == "cancelled":
            meta += " · " + _("Cancelled")
        elif event.on_waitlist:
            meta += " · " + _("On the waitlist")
        items.append({"title": event.title, "url": event.get_absolute_url(), "meta": meta})
    if not items:
        return None
    return {
        "title": _("My upcoming events"),
        "items": items,
        "url": reverse("events:listing") + "?when=mine",
    }
