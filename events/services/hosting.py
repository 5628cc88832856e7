"""What the event's managers do: save and cancel events (the admin's save), mark attendance,
and email the registrants. A change of anything a calendar shows raises the SEQUENCE, and a
new time or place is told to the people registered."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.access import can_manage
from events.models import RESERVED_SLUGS, Event, Invitation, Registration, Reminder, Status
from events.services._shared import (
    CONFIRMED,
    REACHABLE,
    WAITLISTED,
    calendar_for,
    lock_event,
    notify_emailed,
    person_of,
    send_event_email,
)
from events.services.invitations import tell_invited
from events.services.registration import promote_waitlist
from network.moderation import audit
from network.utils import unique_slug

# What a calendar client shows: a change to any of these raises the SEQUENCE.
CALENDAR_FIELDS = [
    "title", "summary", "starts_at", "ends_at", "timezone", "venue", "online_url", "status",
]  # fmt: skip

# A change to any of these is told to the registrants.
TIME_FIELDS = ["starts_at", "ends_at", "timezone"]
PLACE_FIELDS = ["venue", "online_url"]


@transaction.atomic
def event_save(*, event: Event, by) -> Event:
    """Create or update an event (the admin's save). A change of anything a calendar shows
    raises the SEQUENCE; a change of time or place is told to the registrants; cancelling
    tells them too; more seats promote the waitlist."""
    now = timezone.now()
    if not event.slug:
        event.slug = unique_slug(Event, event.title, reserved=RESERVED_SLUGS)
    stored = Event.objects.select_for_update().filter(pk=event.pk).first() if event.pk else None
    if stored is None and event.created_by_id is None and by is not None:
        event.created_by = by
    changed = []
    if stored is not None:
        changed = [
            name for name in CALENDAR_FIELDS if getattr(stored, name) != getattr(event, name)
        ]
        event.sequence = stored.sequence + (1 if changed else 0)
    if event.status == Status.PUBLISHED and event.published_at is None:
        event.published_at = now
    cancelled_now = event.status == Status.CANCELLED and (
        stored is None or stored.status != Status.CANCELLED
    )
    if cancelled_now:
        event.cancelled_at = now
    event.full_clean(exclude=["innovations", "materials"])
    event.save()
    before = stored.status if stored is not None else None
    if event.status != before and event.status in (Status.PUBLISHED, Status.CANCELLED):
        # Publishing and cancelling are decisions: in the audit log, whoever took them where.
        audit(actor=by, action=f"event_{event.status}", target=event,
              before={"status": before}, after={"status": event.status})  # fmt: skip
    if stored is None:
        return event
    if cancelled_now:
        _tell_cancelled(event)
        return event
    if stored.status == Status.DRAFT and event.status == Status.PUBLISHED:
        # Invitations sent while it was a draft were kept quiet: now they go out.
        for invitation in event.invitations.filter(
            status=Invitation.Status.PENDING, user__is_active=True
        ).select_related("user", "invited_by"):
            tell_invited(invitation)
    moved = [name for name in TIME_FIELDS if name in changed]
    relocated = [name for name in PLACE_FIELDS if name in changed]
    if moved:
        # Reminders were for the old time: they go again at the new one.
        Reminder.objects.filter(registration__event=event).delete()
    if (moved or relocated) and event.status == Status.PUBLISHED and not event.is_over(now):
        _tell_changed(event, moved=bool(moved), venue="venue" in relocated)
    if event.status == Status.PUBLISHED and (
        event.capacity is None or (stored.capacity or 0) < event.capacity
    ):
        promote_waitlist(event)
    return event


def _tell_changed(event: Event, *, moved: bool, venue: bool) -> None:
    """Tell registrants of a new time or place (the waitlist too, unless only the link
    changed); confirmed attendees get the updated calendar file with the link."""
    registrations = event.registrations.select_related("user").filter(
        REACHABLE, status__in=[CONFIRMED, WAITLISTED] if (moved or venue) else [CONFIRMED]
    )
    for registration in registrations:
        confirmed = registration.status == CONFIRMED
        if not registration.is_guest:
            notify_emailed(
                registration.user,
                kind="event_changed",
                message=gettext_lazy("“%(title)s” has a new time or place."),
                params={"title": event.title},
                url=event.get_absolute_url(),
            )
        send_event_email(
            person_of(registration),
            "event_changed",
            event=event,
            context={"moved": moved, "link": event.online_url if confirmed else "",
                     "registration": registration},
            calendar=calendar_for(event, with_link=True) if confirmed else None,
        )  # fmt: skip


def _tell_cancelled(event: Event) -> None:
    registrations = event.registrations.select_related("user", "event").filter(
        REACHABLE, status__in=[CONFIRMED, WAITLISTED]
    )
    people = {r.user for r in registrations if not r.is_guest}
    people |= {b.member for b in event.bookings.select_related("member")}
    for registration in registrations:
        if registration.is_guest:
            send_event_email(
                person_of(registration), "event_cancelled", event=event,
                calendar=calendar_for(event, with_link=False),
            )  # fmt: skip
    for user in sorted(people, key=lambda u: u.pk):
        notify_emailed(
            user,
            kind="event_cancelled",
            message=gettext_lazy("“%(title)s” is cancelled."),
            params={"title": event.title},
            url=event.get_absolute_url(),
        )
        # The same UID with a higher SEQUENCE and STATUS:CANCELLED removes it from calendars.
        send_event_email(
            user, "event_cancelled", event=event, calendar=calendar_for(event, with_link=False)
        )


@transaction.atomic
def event_cancel(*, event: Event, by) -> Event:
    event = lock_event(event)
    if event.status == Status.CANCELLED:
        return event
    event.status = Status.CANCELLED
    return event_save(event=event, by=by)


@transaction.atomic
def attendance_mark(*, event: Event, by, attended_ids) -> int:
    """Hosts tick who came; everyone else confirmed is marked absent. Returns who came."""
    if not can_manage(by, event):
        raise PermissionDenied
    if not event.has_started():
        raise ValidationError(_("Attendance can be marked once the event has started."))
    confirmed = Registration.objects.filter(event=event, status=CONFIRMED)
    ids = {int(pk) for pk in attended_ids}
    came = confirmed.filter(pk__in=ids).update(attended=True)
    confirmed.exclude(pk__in=ids).update(attended=False)
    return came


@transaction.atomic
def registrants_email(*, event: Event, by, subject: str, message: str, waitlist: bool) -> int:
    """Email everyone registered (and the waitlist if asked); returns how many."""
    statuses = [CONFIRMED, WAITLISTED] if waitlist else [CONFIRMED]
    registrations = event.registrations.filter(REACHABLE, status__in=statuses).select_related(
        "user", "event"
    )
    count = 0
    for registration in registrations:
        send_event_email(
            person_of(registration),
            "event_message",
            event=event,
            context={"subject": subject, "message": message, "registration": registration},
        )
        count += 1
    audit(actor=by, action="event_registrants_emailed", target=event, reason=subject,
          after={"recipients": count})  # fmt: skip
    return count
