"""Innovation clinics: the experts' slots, members' bookings of them, and the advice after."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.access import bookable_innovations, can_manage, is_host
from events.calendars import booking_calendar
from events.models import Booking, ClinicSlot, Event, EventType, Status
from events.services._shared import send_event_email
from network.notifications import notify


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

    send_event_email(
        member, "event_booked", event=event, context={"booking": booking}, calendar=calendar
    )
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
