"""Writes with side effects for events: saving and cancelling events, registration with a
waitlist that never overbooks, invitations, attendance and feedback, clinic slots, bookings
and advice, reminders that go out once, and the private calendar feed token.

Capacity holds under concurrency because every write that changes who holds a seat first
locks the event's row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite serialises writers)
and recounts inside the transaction.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.access import bookable_innovations, can_give_feedback, can_manage, is_host
from events.calendars import booking_calendar, event_calendar
from events.models import (
    RESERVED_SLUGS,
    Booking,
    CalendarToken,
    ClinicSlot,
    Event,
    EventType,
    Feedback,
    Invitation,
    Registration,
    Reminder,
    Status,
    Visibility,
)
from network.emails import build_message, delivery_message_id, render_email
from network.jobs import enqueue
from network.notifications import notify
from network.utils import unique_slug

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED

# What a calendar client shows: a change to any of these raises the SEQUENCE.
CALENDAR_FIELDS = [
    "title", "summary", "starts_at", "ends_at", "timezone", "venue", "online_url", "status",
]  # fmt: skip
# A change to any of these is told to the registrants.
TIME_FIELDS = ["starts_at", "ends_at", "timezone"]
PLACE_FIELDS = ["venue", "online_url"]
REMINDER_LEADS = {Reminder.Kind.DAY: timedelta(hours=24), Reminder.Kind.HOUR: timedelta(hours=1)}
# A reminder row claimed by a run that died is taken over after this long.
STALE_CLAIM = timedelta(minutes=15)


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


def _lock(event: Event) -> Event:
    """The event's row, locked until the transaction ends (PostgreSQL)."""
    return Event.objects.select_for_update().get(pk=event.pk)


# --- emails and notifications ---------------------------------------------------------------
def _event_url(event: Event, language: str) -> str:
    """The event's address in the reader's language (/fr/..., /es/...)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return settings.SITE_URL + event.get_absolute_url()


def _email(user, template: str, *, event: Event, context=None, calendar=None) -> None:
    """A transactional email about ``event`` in the member's language and time zone, with an
    optional .ics built by ``calendar()`` in that language. Leaves after commit."""
    language = user.language or settings.LANGUAGE_CODE
    message = render_email(
        template,
        {"member": user, "event": event, "url": _event_url(event, language), **(context or {})},
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


def _notify_emailed(user, *, kind: str, message, params: dict, url: str) -> None:
    """An in-app notification whose email is the one sent beside it (never a second one)."""
    notify(recipient=user, kind=kind, message=message, params=params, url=url, emailed=True)


def _calendar_for(event: Event, *, with_link: bool):
    return lambda: event_calendar(event, with_link=with_link)


def _tell_registered(registration: Registration) -> None:
    event, user = registration.event, registration.user
    if registration.status == CONFIRMED:
        _email(
            user,
            "event_registered",
            event=event,
            context={"link": event.online_url, "registration": registration},
            calendar=_calendar_for(event, with_link=True),
        )
    else:
        _email(
            user,
            "event_waitlisted",
            event=event,
            context={"position": waitlist_position(registration), "registration": registration},
        )


# --- events -----------------------------------------------------------------------------------
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
            _tell_invited(invitation)
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
        _promote(event)
    return event


def _tell_changed(event: Event, *, moved: bool, venue: bool) -> None:
    """Tell registrants of a new time or place (the waitlist too, unless only the link
    changed); confirmed attendees get the updated calendar file with the link."""
    registrations = event.registrations.select_related("user").filter(
        status__in=[CONFIRMED, WAITLISTED] if (moved or venue) else [CONFIRMED],
        user__is_active=True,
    )
    for registration in registrations:
        user = registration.user
        confirmed = registration.status == CONFIRMED
        _notify_emailed(
            user,
            kind="event_changed",
            message=gettext_lazy("“%(title)s” has a new time or place."),
            params={"title": event.title},
            url=event.get_absolute_url(),
        )
        _email(
            user,
            "event_changed",
            event=event,
            context={"moved": moved, "link": event.online_url if confirmed else "",
                     "registration": registration},
            calendar=_calendar_for(event, with_link=True) if confirmed else None,
        )  # fmt: skip


def _tell_cancelled(event: Event) -> None:
    people = {
        r.user for r in event.registrations.select_related("user").filter(
            status__in=[CONFIRMED, WAITLISTED], user__is_active=True
        )
    }  # fmt: skip
    people |= {b.member for b in event.bookings.select_related("member")}
    for user in sorted(people, key=lambda u: u.pk):
        _notify_emailed(
            user,
            kind="event_cancelled",
            message=gettext_lazy("“%(title)s” is cancelled."),
            params={"title": event.title},
            url=event.get_absolute_url(),
        )
        # The same UID with a higher SEQUENCE and STATUS:CANCELLED removes it from calendars.
        _email(user, "event_cancelled", event=event, calendar=_calendar_for(event, with_link=False))


@transaction.atomic
def event_cancel(*, event: Event, by) -> Event:
    event = _lock(event)
    if event.status == Status.CANCELLED:
        return event
    event.status = Status.CANCELLED
    return event_save(event=event, by=by)


# --- registration -------------------------------------------------------------------------------
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
    event = _lock(event)
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
    _tell_registered(registration)
    return registration


@transaction.atomic
def registration_cancel(*, event: Event, user) -> Registration | None:
    """Give up a seat or a waitlist place; a freed seat goes to the first on the waitlist."""
    event = _lock(event)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is None or registration.status == CANCELLED:
        return registration
    if event.has_started():
        raise ValidationError(_("The event has started; it can no longer be cancelled."))
    held_seat = registration.status == CONFIRMED
    registration.status = CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    registration.reminders.filter(sent_at__isnull=True).delete()
    if held_seat:
        _promote(event)
    return registration


def _promote(event: Event) -> list[Registration]:
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
        _notify_emailed(
            registration.user,
            kind="event_promoted",
            message=gettext_lazy("A seat opened: you are registered for “%(title)s”."),
            params={"title": event.title},
            url=event.get_absolute_url(),
        )
        _email(
            registration.user,
            "event_promoted",
            event=event,
            context={"link": event.online_url, "registration": registration},
            calendar=_calendar_for(event, with_link=True),
        )
    return promoted


@transaction.atomic
def reminders_set(*, event: Event, user, wanted: bool) -> Registration:
    registration = Registration.objects.select_for_update().get(event=event, user=user)
    registration.wants_reminders = wanted
    registration.save(update_fields=["wants_reminders"])
    return registration


# --- invitations ------------------------------------------------------------------------------
@transaction.atomic
def invitation_create(*, event: Event, by, user) -> Invitation:
    """Invite a member (how private workshops fill). Inviting twice changes nothing."""
    if not can_manage(by, event):
        raise PermissionDenied
    if not user.is_member:
        raise ValidationError(_("Only approved members can be invited."))
    if is_host(user, event):
        raise ValidationError(_("%(name)s is already on the programme.") % {"name": user})
    if event.status == Status.CANCELLED or event.is_over():
        raise ValidationError(_("This event is over or cancelled."))
    invitation, created = Invitation.objects.get_or_create(
        event=event, user=user, defaults={"invited_by": by}
    )
    if created and event.status == Status.PUBLISHED:
        _tell_invited(invitation)
    return invitation


def _tell_invited(invitation: Invitation) -> None:
    event, user = invitation.event, invitation.user
    _notify_emailed(
        user,
        kind="event_invitation",
        message=gettext_lazy("You are invited to “%(title)s”."),
        params={"title": event.title},
        url=event.get_absolute_url(),
    )
    _email(user, "event_invitation", event=event, context={"invitation": invitation})


@transaction.atomic
def invitation_respond(*, event: Event, user, accept: bool) -> Invitation:
    """Accepting registers the invitee (a seat, or the waitlist); declining gives it up."""
    invitation = Invitation.objects.select_for_update().filter(event=event, user=user).first()
    if invitation is None:
        raise PermissionDenied
    if accept:
        registration_create(event=event, user=user)
    else:
        registration_cancel(event=event, user=user)
    invitation.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return invitation


# --- after the event --------------------------------------------------------------------------
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
def feedback_save(*, event: Event, author, rating: int, comment: str) -> Feedback:
    """An attendee rates the event and comments; saving again replaces their feedback."""
    if not can_give_feedback(author, event):
        raise PermissionDenied
    feedback, _created = Feedback.objects.update_or_create(
        event=event, author=author, defaults={"rating": rating, "comment": comment}
    )
    return feedback


# --- clinics -------------------------------------------------------------------------------------
def _check_clinic(event: Event) -> None:
    if event.type != EventType.CLINIC:
        raise ValidationError(_("Slots belong to innovation clinics."))
    if event.status == Status.CANCELLED:
        raise ValidationError(_("This clinic is cancelled."))


@transaction.atomic
def slot_create(*, event: Event, by, starts_at, ends_at, online_url: str = "", expert=None):
    """An expert (a host of the clinic) publishes a time members can book."""
    if not can_manage(by, event):
        raise PermissionDenied
    _check_clinic(event)
    expert = expert or by
    if not is_host(expert, event):
        raise ValidationError(_("Only the clinic's experts offer slots."))
    if ends_at <= starts_at:
        raise ValidationError(_("The end must come after the start."))
    if starts_at <= timezone.now():
        raise ValidationError(_("A slot must start in the future."))
    return ClinicSlot.objects.create(
        event=event, expert=expert, starts_at=starts_at, ends_at=ends_at, online_url=online_url
    )


@transaction.atomic
def slot_delete(*, slot: ClinicSlot, by) -> None:
    slot = ClinicSlot.objects.select_for_update().get(pk=slot.pk)
    if not (by.is_staff or slot.expert_id == by.pk):
        raise PermissionDenied
    if Booking.objects.filter(slot=slot).exists():
        raise ValidationError(_("This slot is booked; the booking must be cancelled first."))
    slot.delete()


@transaction.atomic
def booking_create(*, slot: ClinicSlot, member, innovation, question: str) -> Booking:
    """Book one slot for one of the member's innovations. One booking per slot, and one
    slot per member and clinic."""
    slot = ClinicSlot.objects.select_for_update().select_related("event", "expert").get(pk=slot.pk)
    event = slot.event
    if not (member.is_authenticated and member.is_member):
        raise PermissionDenied
    if not Event.objects.visible_to(member).filter(pk=event.pk, status=Status.PUBLISHED).exists():
        raise PermissionDenied
    if slot.expert_id == member.pk:
        raise ValidationError(_("You cannot book your own slot."))
    if slot.starts_at <= timezone.now():
        raise ValidationError(_("This slot has passed."))
    if not bookable_innovations(member).filter(pk=innovation.pk).exists():
        raise ValidationError(_("Choose one of your own innovations."))
    if Booking.objects.filter(slot=slot).exists():
        raise ValidationError(_("Someone has just booked this slot; please choose another."))
    if Booking.objects.filter(event=event, member=member).exists():
        raise ValidationError(_("You already have a slot in this clinic."))
    try:
        with transaction.atomic():
            booking = Booking.objects.create(
                event=event, slot=slot, member=member, innovation=innovation, question=question
            )
    except IntegrityError:
        raise ValidationError(
            _("Someone has just booked this slot; please choose another.")
        ) from None
    notify(
        recipient=slot.expert,
        kind="clinic_booked",
        message=gettext_lazy("%(member)s booked your slot in “%(title)s”."),
        params={"member": str(member), "title": event.title},
        url=booking.get_absolute_url(),
    )

    def calendar():
        return booking_calendar(booking)

    _email(member, "event_booked", event=event, context={"booking": booking}, calendar=calendar)
    return booking


@transaction.atomic
def booking_cancel(*, booking: Booking, by) -> None:
    booking = Booking.objects.select_related("slot", "event").get(pk=booking.pk)
    if not (by.is_staff or by.pk in (booking.member_id, booking.slot.expert_id)):
        raise PermissionDenied
    if booking.slot.starts_at <= timezone.now():
        raise ValidationError(_("This slot has started; it can no longer be cancelled."))
    other = booking.slot.expert if by.pk == booking.member_id else booking.member
    event = booking.event
    booking.delete()
    notify(
        recipient=other,
        kind="clinic_booking_cancelled",
        message=gettext_lazy("A clinic booking in “%(title)s” was cancelled."),
        params={"title": event.title},
        url=event.get_absolute_url(),
    )


@transaction.atomic
def advice_save(*, booking: Booking, by, advice: str) -> Booking:
    """After the slot, the expert writes advice; the innovation's team is told."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    slot = booking.slot
    if not (by.is_staff or slot.expert_id == by.pk):
        raise PermissionDenied
    if slot.starts_at > timezone.now():
        raise ValidationError(_("Advice can be written once the slot has started."))
    first = not booking.advice_at
    booking.advice = advice
    booking.advice_at = timezone.now()
    booking.save(update_fields=["advice", "advice_at"])
    if first:
        innovation = booking.innovation
        people = {booking.member, *innovation.team_users()}
        for person in sorted(people, key=lambda u: u.pk):
            if person.is_active and person.pk != by.pk:
                notify(
                    recipient=person,
                    kind="clinic_advice",
                    message=gettext_lazy("The expert's advice on “%(innovation)s” is ready."),
                    params={"innovation": innovation.title},
                    url=booking.get_absolute_url(),
                )
    return booking


# --- messages from the managers -------------------------------------------------------------
@transaction.atomic
def registrants_email(*, event: Event, by, subject: str, message: str, waitlist: bool) -> int:
    """Email everyone registered (and the waitlist if asked); returns how many."""
    from network.moderation import audit

    statuses = [CONFIRMED, WAITLISTED] if waitlist else [CONFIRMED]
    registrations = event.registrations.filter(
        status__in=statuses, user__is_active=True
    ).select_related("user")
    count = 0
    for registration in registrations:
        _email(
            registration.user,
            "event_message",
            event=event,
            context={"subject": subject, "message": message, "registration": registration},
        )
        count += 1
    audit(actor=by, action="event_registrants_emailed", target=event, reason=subject,
          after={"recipients": count})  # fmt: skip
    return count


# --- reminders -------------------------------------------------------------------------------
def _due_registrations(kind: str, now):
    lead = REMINDER_LEADS[kind]
    # The day-before reminder is skipped once the hour-before one is due.
    not_before = now + REMINDER_LEADS[Reminder.Kind.HOUR] if kind == Reminder.Kind.DAY else now
    return (
        Registration.objects.filter(
            status=CONFIRMED,
            wants_reminders=True,
            user__is_active=True,
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


def _reminder_message(reminder: Reminder):
    user = reminder.recipient
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
            "url": _event_url(event, user.language)
            if booking is None
            else settings.SITE_URL + booking.get_absolute_url(),
        },
        language=user.language,
        zone=user.timezone or "UTC",
    )
    # The same Message-ID if a lost worker's run hands it over again (see delivery_message_id).
    message_id = delivery_message_id(user.pk, "reminder", str(reminder.pk))
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
            if not (reminder.recipient.is_active and _still_due(reminder, now)):
                continue  # marked: it is no longer wanted, and never will be for this time
            _reminder_message(reminder).send()
        sent += 1
    return sent


# --- personal calendar feed ------------------------------------------------------------------
def calendar_token_for(user) -> CalendarToken:
    token, _created = CalendarToken.objects.get_or_create(user=user)
    return token


@transaction.atomic
def calendar_token_revoke(*, user) -> CalendarToken:
    """A new secret address; the old one stops working at once."""
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user)
