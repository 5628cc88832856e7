"""Innovation clinics: experts publish slots, members book one for an innovation, the
expert leaves advice that only the innovation's team sees."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import access
from events.access import event_for_viewer, viewer_zone
from events.forms import AdviceForm, BookingForm, SlotForm
from events.models import Booking, ClinicSlot, EventType, Status
from events.services import clinics
from events.views.detail import detail_context, detail_queryset


def _clinic(request, slug):
    event = event_for_viewer(slug, request.user, detail_queryset())
    if event.type != EventType.CLINIC:
        raise Http404
    return event


@login_required
@require_POST
def slot_create(request, slug):
    event = _clinic(request, slug)
    if not access.can_manage(request.user, event):
        raise PermissionDenied
    form = SlotForm(request.POST)
    # The times typed are in the clinic's own zone.
    with timezone.override(event.zone):
        valid = form.is_valid()
    if valid:
        starts_at = form.cleaned_data["starts_at"]
        try:
            clinics.slot_create(
                event=event,
                by=request.user,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=form.cleaned_data["minutes"]),
                online_url=form.cleaned_data["online_url"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your slot is published."))
            return redirect(event.get_absolute_url() + "#slots")
    messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    return render(request, "events/detail.html", detail_context(request, event, slot_form=form))


@login_required
@require_POST
def slot_delete(request, slug, pk):
    event = _clinic(request, slug)
    slot = get_object_or_404(ClinicSlot, pk=pk, event=event)
    try:
        clinics.slot_delete(slot=slot, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The slot is removed."))
    return redirect(event.get_absolute_url() + "#slots")


@login_required
def book(request, slug, pk):
    event = _clinic(request, slug)
    if not request.user.is_member:
        raise PermissionDenied
    slot = get_object_or_404(ClinicSlot.objects.select_related("expert"), pk=pk, event=event)
    innovations = access.bookable_innovations(request.user)
    form = BookingForm(request.POST or None, innovations=innovations)
    if request.method == "POST" and form.is_valid():
        try:
            booking = clinics.booking_create(
                slot=slot,
                member=request.user,
                innovation=form.cleaned_data["innovation"],
                question=form.cleaned_data["question"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your slot is booked. The calendar file is in your email."))
            return redirect(booking)
    return render(
        request,
        "events/booking_form.html",
        {
            "event": event,
            "slot": slot,
            "form": form,
            "has_innovations": innovations.exists(),
            "zone": viewer_zone(request),
            "open": event.status == Status.PUBLISHED and not hasattr(slot, "booking"),
        },
    )


def _booking_for_viewer(request, slug, pk) -> Booking:
    """The booking page: the booker, the expert, the innovation's team and staff; 404 for
    everyone else."""
    event = _clinic(request, slug)
    booking = get_object_or_404(
        Booking.objects.select_related("slot__expert", "member", "innovation__owner", "event"),
        pk=pk,
        event=event,
    )
    if not access.can_see_booking(request.user, booking):
        raise Http404
    return booking


@login_required
def booking(request, slug, pk):
    booking = _booking_for_viewer(request, slug, pk)
    expert = booking.slot.expert_id == request.user.pk or request.user.is_staff
    form = None
    if expert and booking.slot.starts_at <= timezone.now():
        form = AdviceForm(request.POST or None, instance=booking)
        if request.method == "POST" and form.is_valid():
            try:
                clinics.advice_save(
                    booking=booking, by=request.user, advice=form.cleaned_data["advice"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your advice is saved; the team is told."))
                return redirect(booking)
    elif request.method == "POST":
        raise PermissionDenied
    event = booking.event
    return render(
        request,
        "events/booking.html",
        {
            "event": event,
            "booking": booking,
            "form": form,
            "zone": viewer_zone(request),
            "sees_link": request.user.pk in (booking.member_id, booking.slot.expert_id)
            and event.status == Status.PUBLISHED,
            "can_cancel": request.user.pk in (booking.member_id, booking.slot.expert_id)
            and booking.slot.starts_at > timezone.now(),
        },
    )


@login_required
@require_POST
def booking_cancel(request, slug, pk):
    booking = _booking_for_viewer(request, slug, pk)
    event = booking.event
    try:
        clinics.booking_cancel(booking=booking, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(booking)
    messages.success(request, _("The booking is cancelled; the slot is free again."))
    return redirect(event.get_absolute_url() + "#slots")
