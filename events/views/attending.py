"""What members do with an event: register, cancel, reminders, answer an invitation,
leave feedback. Every action is a POST with CSRF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import access
from events.access import event_for_viewer
from events.forms import FeedbackForm, RegisterForm
from events.models import Registration
from events.services.feedback import feedback_save
from events.services.invitations import invitation_respond
from events.services.registration import (
    registration_cancel,
    registration_create,
    reminders_set,
    waitlist_position,
)
from events.views.detail import detail_context, detail_queryset


def _error(request, error: ValidationError):
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def register(request, slug):
    event = event_for_viewer(slug, request.user)
    form = RegisterForm(request.POST)
    wants = form.is_valid() and form.cleaned_data["wants_reminders"]
    try:
        registration = registration_create(event=event, user=request.user, wants_reminders=wants)
    except ValidationError as error:
        _error(request, error)
    else:
        if registration.status == Registration.Status.CONFIRMED:
            messages.success(
                request, _("You are registered. The calendar file is in your confirmation email.")
            )
        else:
            messages.success(
                request,
                _(
                    "The event is full: you are number %(position)d on the waitlist. We will email you if a seat opens."
                )
                % {"position": waitlist_position(registration)},
            )
    return redirect(event)


@login_required
@require_POST
def cancel(request, slug):
    event = event_for_viewer(slug, request.user)
    try:
        registration = registration_cancel(event=event, user=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        if registration is not None:
            messages.success(request, _("Your registration is cancelled."))
    return redirect(event)


@login_required
@require_POST
def reminders(request, slug):
    event = event_for_viewer(slug, request.user)
    if not Registration.objects.filter(event=event, user=request.user).exists():
        raise PermissionDenied
    wanted = request.POST.get("wants_reminders") == "on"
    reminders_set(event=event, user=request.user, wanted=wanted)
    messages.success(
        request,
        _("We will email you reminders.") if wanted else _("No reminders for this event."),
    )
    return redirect(event)


@login_required
@require_POST
def invitation(request, slug):
    event = event_for_viewer(slug, request.user)
    accept = request.POST.get("answer") == "accept"
    try:
        invitation_respond(event=event, user=request.user, accept=accept)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(
            request,
            _("Thank you; see you there.") if accept else _("You declined the invitation."),
        )
    return redirect(event)


@login_required
@require_POST
def feedback(request, slug):
    event = event_for_viewer(slug, request.user, detail_queryset())
    if not access.can_give_feedback(request.user, event):
        raise PermissionDenied
    form = FeedbackForm(request.POST)
    if form.is_valid():
        created = feedback_save(event=event, author=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you for your feedback."))
        return redirect(event.get_absolute_url() + f"#feedback-{created.pk}")
    messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    return render(request, "events/detail.html", detail_context(request, event, feedback_form=form))
