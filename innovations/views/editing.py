"""Writing an innovation: create, edit, submit, archive, team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovations import proposals, services
from innovations.access import can_edit, innovation_for_viewer
from innovations.forms import InnovationForm, TeamAddForm, TeamRemoveForm
from innovations.models import Innovation, Status
from members.models import User


def _member_required(request):
    if not request.user.is_member:
        raise PermissionDenied


@login_required
def create(request):
    _member_required(request)
    return _edit(request, None)


@login_required
def edit(request, slug):
    innovation = innovation_for_viewer(slug, request.user)
    if not can_edit(request.user, innovation):
        raise PermissionDenied
    return _edit(request, innovation)


def _edit(request, innovation):
    # A change waiting for a moderator is what the team goes on editing.
    waiting = proposals.proposal_of(innovation) if innovation is not None else None
    form = InnovationForm(
        request.POST or None,
        request.FILES or None,
        instance=innovation,
        user=request.user,
        proposed=waiting.data if waiting else None,
    )
    if request.method == "POST":
        if form.is_valid():
            innovation = services.innovation_save(
                innovation=innovation,
                editor=request.user,
                fields=form.model_fields(),
                facets=form.facets(),
                tags=form.cleaned_data["tags"],
                cover=form.cleaned_data.get("cover_upload"),
                remove_cover=form.cleaned_data.get("remove_cover", False),
            )
            if request.POST.get("action") == "submit":
                try:
                    services.innovation_submit(innovation=innovation, by=request.user)
                except ValidationError as error:
                    messages.warning(
                        request, _("Your draft is saved. %(problem)s") % {"problem": error.message}
                    )
                    return redirect("innovations:edit", slug=innovation.slug)
                messages.success(
                    request,
                    _("Submitted. A moderator will review it; we will tell you the outcome."),
                )
            elif proposals.proposal_of(innovation):
                messages.success(
                    request,
                    _("Saved. Your changes will show once a moderator has looked at them; "
                      "until then the innovation stays as it was published."),
                )  # fmt: skip
            else:
                messages.success(request, _("Saved."))
            return redirect(innovation)
        messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    return render(
        request,
        "innovations/form.html",
        {
            "form": form,
            "innovation": innovation,
            "missing": services.missing_for_submission(innovation) if innovation else [],
        },
    )


@login_required
@require_POST
def submit(request, slug):
    innovation = innovation_for_viewer(slug, request.user)
    try:
        services.innovation_submit(innovation=innovation, by=request.user)
    except ValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Submitted. A moderator will review it; we will tell you the outcome.")
        )
    return redirect(innovation)


@login_required
@require_POST
def archive(request, slug):
    innovation = innovation_for_viewer(slug, request.user)
    services.innovation_archive(innovation=innovation, by=request.user)
    messages.success(request, _("Archived. It no longer appears in the showcase."))
    return redirect(innovation)


@login_required
@require_POST
def team(request, slug):
    innovation = innovation_for_viewer(slug, request.user)
    if innovation.owner_id != request.user.pk and not request.user.is_staff:
        raise PermissionDenied
    if "remove" in request.POST:
        removal = TeamRemoveForm(request.POST)
        if not removal.is_valid():
            messages.error(request, _("Choose a member of the team to remove."))
            return redirect(innovation)
        member = get_object_or_404(
            User, pk=removal.cleaned_data["remove"], innovation_teams__innovation=innovation
        )
        services.team_remove(innovation=innovation, by=request.user, member=member)
        messages.success(request, _("%(name)s left the team.") % {"name": member})
        return redirect(innovation)
    form = TeamAddForm(request.POST)
    if form.is_valid():
        member = User.objects.approved().filter(username=form.cleaned_data["username"]).first()
        if member is None:
            messages.error(request, _("No member has this username."))
        else:
            try:
                services.team_add(
                    innovation=innovation,
                    by=request.user,
                    member=member,
                    role=form.cleaned_data["role"],
                )
            except ValidationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("%(name)s is on the team.") % {"name": member})
    else:
        messages.error(request, _("Enter the member's username."))
    return redirect(innovation)


@login_required
def mine(request):
    """My innovations, in every status (the owner's and team's view)."""
    innovations = Innovation.objects.of_team(request.user).order_by("-updated_at")
    return render(request, "innovations/mine.html", {"innovations": innovations, "Status": Status})
