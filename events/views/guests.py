"""Registering for a public event without an account: the form, and the guest's own page
(from the signed link in their emails) to confirm, get the calendar file and the meeting link,
cancel, or apply for membership with the form filled in."""

from allauth.core import ratelimit
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from events.access import event_for_viewer
from events.calendars import event_calendar
from events.forms import GuestRegisterForm
from events.models import Registration
from events.services._shared import registration_for_token
from events.services.guests import guest_cancel, guest_confirm, guest_register
from events.services.registration import waitlist_position
from members.invitations import prefill_token
from network.utils import keyed_by_address


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, slug):
    event = event_for_viewer(slug, None)  # what a visitor may see: public events only
    if not event.guests_allowed:
        raise Http404
    if request.user.is_authenticated:
        return redirect(event)  # members register on the event's page
    form = GuestRegisterForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not ratelimit.consume(request, action="event_guest", key=data["email"].lower()):
            form.add_error(
                None, _("Too many registrations from here. Please try again in an hour.")
            )
            status = 429
        else:
            try:
                guest_register(
                    event=event, name=data["name"], email=data["email"],
                    organisation=data["organisation"], country=data["country"],
                    language=translation.get_language(), wants_reminders=data["wants_reminders"],
                )  # fmt: skip
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(reverse("events:guest_register", args=[event.slug]) + "?sent=1")
    context = {
        "event": event,
        "form": form,
        "open": event.takes_guests(),
        "sent": request.GET.get("sent") == "1",
        "retention_days": settings.GUEST_RETENTION_DAYS,
    }
    return render(request, "events/guest_register.html", context, status=status)


def _registration(slug, token) -> Registration:
    registration = registration_for_token(token)
    if registration is None or registration.event.slug != slug:
        raise Http404
    return registration


@require_http_methods(["GET", "POST"])
def guest(request, slug, token):
    registration = _registration(slug, token)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "confirm":
                registration = guest_confirm(registration=registration)
                if registration.status == Registration.Status.CONFIRMED:
                    messages.success(request, _("Your seat is confirmed. See you there!"))
                else:
                    messages.success(request, _("The event is full: you are on the waitlist."))
            elif action == "cancel":
                guest_cancel(registration=registration)
                messages.success(request, _("Your registration is cancelled."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return keyed_by_address(redirect(request.path))
    event = registration.event
    confirmed = registration.status == Registration.Status.CONFIRMED
    context = {
        "registration": registration,
        "event": event,
        "token": token,
        "confirmed": confirmed,
        "link": event.online_url if confirmed else "",
        "waitlist_position": waitlist_position(registration),
        "apply_url": reverse("account_signup") + "?prefill=" + _prefill(registration),
    }
    return keyed_by_address(render(request, "events/guest.html", context))


def _prefill(registration: Registration) -> str:
    return prefill_token(
        display_name=registration.guest_name,
        email=registration.guest_email,
        new_organisation_name=registration.guest_organisation,
        country=str(registration.guest_country or ""),
    )


@require_safe
def guest_calendar(request, slug, token):
    """The calendar file with the meeting link: a confirmed seat only."""
    registration = _registration(slug, token)
    if registration.status != Registration.Status.CONFIRMED:
        raise Http404
    response = HttpResponse(
        event_calendar(registration.event, with_link=True), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="{registration.event.slug}.ics"'
    return keyed_by_address(response)
