"""Programmes (cohorts): apply in the window; answer the pairing staff offer afterwards."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentoring.access import match_for_viewer, programme_for_viewer, require_member
from mentoring.forms import ProgrammeApplicationForm
from mentoring.models import MentorProfile, ProgrammeApplication, Role
from mentoring.reasons import describe
from mentoring.services import programmes


def programme(request, slug):
    """The programme, its window, and the member's application (404 for non-members)."""
    programme = programme_for_viewer(slug, request.user)
    application = ProgrammeApplication.objects.filter(
        programme=programme, user=request.user
    ).first()
    initial = {}
    if application is not None:
        initial = {
            "role": application.role,
            "goals": application.goals,
            "topics": ", ".join(application.topics),
            "themes": application.themes,
            "capacity": application.capacity,
        }
    form = ProgrammeApplicationForm(request.POST or None, initial=initial)
    if request.method == "POST":
        require_member(request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                programmes.programme_apply(
                    programme=programme,
                    user=request.user,
                    role=data["role"],
                    goals=data["goals"],
                    topics=data["topics"],
                    themes=data["themes"],
                    capacity=data["capacity"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your application is saved. We will write once the pairs are made."),
                )
                return redirect(programme)
        messages.error(request, _("Please correct the errors below; nothing has been saved yet."))
    return render(
        request,
        "mentoring/programme_detail.html",
        {
            "programme": programme,
            "application": application,
            "form": form,
            "is_open": programme.is_open(),
            "has_mentor_profile": MentorProfile.objects.filter(user=request.user).exists(),
            "Role": Role,
        },
    )


@require_POST
def programme_withdraw(request, slug):
    programme = programme_for_viewer(slug, request.user)
    try:
        programmes.programme_withdraw(programme=programme, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect(programme)


def match(request, pk):
    """A pairing offered in a programme: the two people (and staff) accept or decline."""
    match = match_for_viewer(pk, request.user)
    viewer = request.user
    is_party = match.is_party(viewer)
    if request.method == "POST":
        if not is_party:
            return redirect(match)
        accept = request.POST.get("decision") == "accept"
        try:
            programmes.match_respond(match=match, by=viewer, accept=accept)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Thank you. We tell you as soon as your partner answers too.")
                if accept
                else _("Thank you for letting us know."),
            )
        return redirect(match)
    match.refresh_from_db()
    accepted = (
        match.mentor_accepted_at if viewer.pk == match.mentor_id else match.mentee_accepted_at
    )
    return render(
        request,
        "mentoring/match_detail.html",
        {
            "match": match,
            "is_party": is_party,
            "is_mentor": viewer.pk == match.mentor_id,
            "partner": match.mentee if viewer.pk == match.mentor_id else match.mentor,
            "accepted": accepted,
            "reasons": describe(match.reasons),
            "mentorship": getattr(match, "mentorship", None),
        },
    )
