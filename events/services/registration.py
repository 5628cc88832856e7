"""Registration with a waitlist that never overbooks: register, cancel, the waitlist moving up,
and the reminders a registrant wants.

Capacity holds under concurrency because every write that changes who holds a seat first
locks the event's row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite serialises writers)
and recounts inside the transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.access import is_host
from events.models import Event, EventType, Invitation, Registration, Status, Visibility
from events.services._shared import (
    CANCELLED,
    CONFIRMED,
    PENDING,
    WAITLISTED,
    calendar_for,
    lock_event,
    notify_emailed,
    person_of,
    send_event_email,
)


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != WAITLISTED:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, status=WAITLISTED).filter(
        Q(registered_at__lt=registration.registered_at)
        | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def confirmed_count(event: Event) -> int:
    return Registration.objects.filter(event=event, status=CONFIRMED).count()


def tell_registered(registration: Registration) -> None:
    event, user = registration.event, person_of(registration)
    if registration.status == CONFIRMED:
        send_event_email(
            user,
            "event_registered",
            event=event,
            context={"link": event.online_url, "registration": registration},
            calendar=calendar_for(event, with_link=True),
        )
    else:
        send_event_email(
            user,
            "event_waitlisted",
            event=event,
            context={"position": waitlist_position(registration), "registration": registration},
        )


def _check_can_register(user, event: Event) -> None:
    if not (user and user.is_authenticated and user.is_member):
        raise PermissionDenied
    if not Event.objects.visible_to(user).filter(pk=event.pk).exists():
        raise PermissionDenied
    if (
        event.visibility == Visibility.PRIVATE
        and not Invitation.objects.filter(event=event, user=user).exists()
        and not Registration.objects.filter(event=event, user=user).exists()
    ):
        raise PermissionDenied
    if is_host(user, event):
        raise ValidationError(_("You are on this event's programme; no need to register."))
    if event.type == EventType.CLINIC:
        raise ValidationError(_("In a clinic, book one of the experts' slots instead."))
    now = timezone.now()
    if event.status != Status.PUBLISHED:
        raise ValidationError(_("This event is not open for registration."))
    if event.registration_opens_at and now < event.registration_opens_at:
        raise ValidationError(_("Registration has not opened yet."))
    if now >= event.registration_closes():
        raise ValidationError(_("Registration is closed."))


@transaction.atomic
def registration_create(*, event: Event, user, wants_reminders: bool = True) -> Registration:
    """Register ``user``: a seat if one is free, else the back of the waitlist.

    Registering again while registered or waitlisted changes nothing.
    """
    event = lock_event(event)
    _check_can_register(user, event)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.status != CANCELLED:
        return registration
    now = timezone.now()
    full = event.capacity is not None and confirmed_count(event) >= event.capacity
    if registration is None:
        registration = Registration(event=event, user=user)
    registration.status = WAITLISTED if full else CONFIRMED
    registration.registered_at = now
    registration.confirmed_at = None if full else now
    registration.cancelled_at = None
    registration.attended = None
    registration.wants_reminders = wants_reminders
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # Another request of the same member won (the unique constraint): theirs stands.
        return Registration.objects.get(event=event, user=user)
    Invitation.objects.filter(event=event, user=user).exclude(
        status=Invitation.Status.ACCEPTED
    ).update(status=Invitation.Status.ACCEPTED, responded_at=now)
    tell_registered(registration)
    return registration


@transaction.atomic
def registration_cancel(*, event: Event, user) -> Registration | None:
    """Give up a seat or a waitlist place; a freed seat goes to the first on the waitlist."""
    event = lock_event(event)
    return cancel_locked(event, Registration.objects.filter(event=event, user=user).first())


def cancel_locked(event: Event, registration: Registration | None) -> Registration | None:
    """Cancel a member's or a guest's registration. Call with the event locked."""
    if registration is None or registration.status == CANCELLED:
        return registration
    if registration.status == PENDING:  # never held a seat
        registration.status, registration.cancelled_at = CANCELLED, timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        return registration
    if event.has_started():
        raise ValidationError(_("The event has started; it can no longer be cancelled."))
    held_seat = registration.status == CONFIRMED
    registration.status = CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    registration.reminders.filter(sent_at__isnull=True).delete()
    if held_seat:
        promote_waitlist(event)
    return registration


def promote_waitlist(event: Event) -> list[Registration]:
    """Fill free seats from the waitlist, first come first served. Call with the event locked."""
    if event.status != Status.PUBLISHED or event.has_started():
        return []
    waiting = Registration.objects.filter(event=event, status=WAITLISTED).order_by(
        "registered_at", "pk"
    )
    if event.capacity is not None:
        free = event.capacity - confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting.select_related("user"))
    now = timezone.now()
    for registration in promoted:
        registration.status = CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        registration.event = event
        if not registration.is_guest:
            notify_emailed(
                registration.user,
                kind="event_promoted",
                message=gettext_lazy("A seat opened: you are registered for “%(title)s”."),
                params={"title": event.title},
                url=event.get_absolute_url(),
            )
        send_event_email(
            person_of(registration),
            "event_promoted",
            event=event,
            context={"link": event.online_url, "registration": registration},
            calendar=calendar_for(event, with_link=True),
        )
    return promoted


@transaction.atomic
def reminders_set(*, event: Event, user, wanted: bool) -> Registration:
    registration = Registration.objects.select_for_update().get(event=event, user=user)
    registration.wants_reminders = wanted
    registration.save(update_fields=["wants_reminders"])
    return registration
