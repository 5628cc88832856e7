"""iCalendar files (RFC 5545, through the icalendar library): one event's file, a clinic
booking's, and a member's personal feed.

Every file carries a VTIMEZONE for the zones it uses, DTSTART/DTEND with TZID in the event's
own zone, a UID that never changes (the event's ``calendar_uid``), a SEQUENCE raised on each
change, and the URL of the event's page. The online meeting link goes in only when the
caller says the person may see it (confirmed attendees, hosts, the clinic's booker).
"""

from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from events.access import sees_meeting_link
from events.models import Booking, Event, Status

PRODID = "-//Skills Innovation Network//Events//EN"


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def event_uid(event: Event) -> str:
    return f"event-{event.calendar_uid}@{_domain()}"


def booking_uid(booking: Booking) -> str:
    return f"clinic-booking-{booking.pk}-{booking.event.calendar_uid}@{_domain()}"


def _description(event: Event, *, link: str, extra: str = "") -> str:
    lines = []
    if event.status == Status.CANCELLED:
        lines.append(_("This event is cancelled."))
    if extra:
        lines.append(extra)
    if event.summary:
        lines.append(event.summary)
    if link:
        lines.append(_("Join online: %(link)s") % {"link": link})
    elif event.online_url:
        lines.append(_("The meeting link is on the event's page for confirmed attendees."))
    lines.append(settings.SITE_URL + event.get_absolute_url())
    return "\n\n".join(lines)


def _location(event: Event, link: str) -> str:
    if event.venue:
        return event.venue
    if link:
        return link
    return _("Online") if event.online_url else ""


def event_component(event: Event, *, with_link: bool, tentative: bool = False) -> icalendar.Event:
    """The VEVENT of ``event``; the meeting link only ``with_link``."""
    link = event.online_url if with_link else ""
    if event.status == Status.CANCELLED:
        status = "CANCELLED"
    elif tentative:
        status = "TENTATIVE"
    else:
        status = "CONFIRMED"
    component = icalendar.Event.new(
        uid=event_uid(event),
        summary=event.title,
        start=event.starts_at.astimezone(event.zone),
        end=event.ends_at.astimezone(event.zone),
        stamp=event.updated_at,
        created=event.created_at,
        last_modified=event.updated_at,
        sequence=event.sequence,
        status=status,
        url=settings.SITE_URL + event.get_absolute_url(),
        location=_location(event, link) or None,
        description=_description(event, link=link),
        categories=[str(event.get_type_display())],
    )
    return component


def booking_component(booking: Booking) -> icalendar.Event:
    """The VEVENT of a clinic booking: the slot's time, for the booker and the expert."""
    event = booking.event
    slot = booking.slot
    link = slot.meeting_url()
    extra = _("Clinic slot with %(expert)s about “%(innovation)s”.") % {
        "expert": slot.expert,
        "innovation": booking.innovation.title,
    }
    return icalendar.Event.new(
        uid=booking_uid(booking),
        summary=_("Clinic: %(title)s") % {"title": event.title},
        start=slot.starts_at.astimezone(event.zone),
        end=slot.ends_at.astimezone(event.zone),
        stamp=booking.created_at,
        created=booking.created_at,
        sequence=event.sequence,
        status="CANCELLED" if event.status == Status.CANCELLED else "CONFIRMED",
        url=settings.SITE_URL + event.get_absolute_url(),
        location=_location(event, link) or None,
        description=_description(event, link=link, extra=extra),
    )


def build_calendar(components, *, uid: str, name: str = "", feed: bool = False) -> bytes:
    """A VCALENDAR holding ``components``, with the VTIMEZONEs they need."""
    calendar = icalendar.Calendar.new(
        uid=uid,
        prodid=PRODID,
        method="PUBLISH",
        calscale="GREGORIAN",
        name=name or None,  # NAME, and X-WR-CALNAME for Google and Apple
        refresh_interval=timedelta(hours=1) if feed else None,
    )
    if feed:
        calendar.add("x-published-ttl", "PT1H")
    starts = []
    for component in components:
        calendar.add_component(component)
        starts.append(component.start)
        starts.append(component.end)
    if starts:
        # Transitions around the dates used, not fifty years of them: files stay small.
        calendar.add_missing_timezones(
            first_date=min(starts).date() - timedelta(days=31),
            last_date=max(starts).date() + timedelta(days=366),
        )
    return calendar.to_ical()


def event_calendar(event: Event, *, with_link: bool) -> bytes:
    return build_calendar(
        [event_component(event, with_link=with_link)], uid=f"calendar-{event_uid(event)}"
    )


def booking_calendar(booking: Booking) -> bytes:
    return build_calendar([booking_component(booking)], uid=f"calendar-{booking_uid(booking)}")


# How far back the personal feed goes.
FEED_PAST = timedelta(days=180)


def personal_calendar(user) -> bytes:
    """The member's events: what they registered for (waitlisted as tentative), host, or
    booked in a clinic — only events they may still see."""
    since = timezone.now() - FEED_PAST
    visible = Event.objects.visible_to(user).filter(ends_at__gte=since)
    registrations = {
        r.event_id: r
        for r in user.event_registrations.filter(event__in=visible).exclude(status="cancelled")
    }
    hosting = set(user.hosted_events.filter(event__in=visible).values_list("event_id", flat=True))
    events = visible.filter(pk__in=set(registrations) | hosting).order_by("starts_at", "pk")
    components = []
    for event in events:
        registration = registrations.get(event.pk)
        if event.pk not in hosting and event.status == Status.DRAFT:
            continue
        components.append(
            event_component(
                event,
                with_link=sees_meeting_link(
                    user, event, registration=registration, hosting=event.pk in hosting
                ),
                tentative=registration is not None
                and registration.status == "waitlisted"
                and event.pk not in hosting,
            )
        )
    bookings = (
        Booking.objects.filter(event__in=visible, member=user)
        | Booking.objects.filter(event__in=visible, slot__expert=user)
    ).select_related("event", "slot__expert", "innovation")
    components += [booking_component(booking) for booking in bookings]
    return build_calendar(
        components,
        uid=f"feed-{user.pk}@{_domain()}",
        name=_("%(site)s: my events") % {"site": settings.SITE_NAME},
        feed=True,
    )
