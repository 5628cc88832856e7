"""What hosts do: invite members, mark attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events import access
from events.access import event_for_viewer
from events.forms import AttendanceForm, InviteForm
from events.models import Registration
from events.services.hosting import attendance_mark
from events.services.invitations import invitation_create
from events.views.detail import detail_context, detail_queryset
from members.models import User


def _managed(request, slug):
    event = event_for_viewer(slug, request.user, detail_queryset())
    if not access.can_manage(request.user, event):
        raise PermissionDenied
    return event


@login_required
@require_POST
def invite(request, slug):
    event = _managed(request, slug)
    form = InviteForm(request.POST)
    invited = []
    if form.is_valid():
        names = form.cleaned_data["usernames"]
        people = {
            user.username: user for user in User.objects.approved().filter(username__in=names)
        }
        unknown = [name for name in names if name not in people]
        if unknown:
            form.add_error(
                "usernames",
                _("No member has these usernames: %(names)s.") % {"names": ", ".join(unknown)},
            )
        else:
            for name in names:
                try:
                    invitation_create(event=event, by=request.user, user=people[name])
                except ValidationError as error:
                    form.add_error("usernames", error)
                else:
                    invited.append(str(people[name]))
            if invited:
                messages.success(request, _("Invited: %(names)s.") % {"names": ", ".join(invited)})
            if not form.errors:
                return redirect(event.get_absolute_url() + "#hosting")
    if not invited:
        messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    return render(request, "events/detail.html", detail_context(request, event, invite_form=form))


@login_required
def attendance(request, slug):
    event = _managed(request, slug)
    registrations = list(
        event.registrations.filter(status=Registration.Status.CONFIRMED)
        .select_related("user")
        .order_by(Coalesce("user__display_name", "guest_name"), "pk")
    )
    form = AttendanceForm(request.POST or None, registrations=registrations)
    if request.method == "POST" and form.is_valid():
        try:
            came = attendance_mark(
                event=event, by=request.user, attended_ids=form.cleaned_data["attended"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Attendance saved: %(came)d of %(total)d came.")
                % {"came": came, "total": len(registrations)},
            )
            return redirect(event)
    return render(
        request,
        "events/attendance.html",
        {"event": event, "form": form, "registrations": registrations},
    )
