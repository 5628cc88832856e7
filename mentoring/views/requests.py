"""Asking a mentor, answering, withdrawing, and asking the next one in one click."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovations.models import Innovation
from mentoring import ranking
from mentoring.access import request_for_viewer, require_member
from mentoring.forms import RequestForm, RespondForm
from mentoring.models import MentoringRequest, MentorProfile
from mentoring.reasons import describe
from mentoring.services.mentorships import goal_lines
from mentoring.services.requests import (
    request_accept,
    request_create,
    request_decline,
    request_forward,
    request_withdraw,
)


def _mentor_to_ask(user, username) -> MentorProfile:
    """A mentor the member may see (no block either way, not hidden), or 404."""
    return get_object_or_404(
        ranking.card_queryset(MentorProfile.objects.visible_to(user).listed()),
        user__username=username,
    )


@login_required
def ask(request, username):
    require_member(request.user)
    mentor = _mentor_to_ask(request.user, username)
    if mentor.user_id == request.user.pk:
        raise PermissionDenied
    form = RequestForm(request.POST or None, mentee=request.user, mentor=mentor)
    if request.method == "POST" and mentor.is_accepting:
        if form.is_valid():
            try:
                created = request_create(mentee=request.user, mentor=mentor, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your request is with %(name)s. They have 10 days to answer.")
                    % {"name": mentor.user},
                )
                return redirect(created)
        messages.error(request, _("Please correct the errors below; nothing has been sent yet."))
    return render(request, "mentoring/request_form.html", {"form": form, "mentor": mentor})


def _detail_context(request, mentoring_request, respond_form=None):
    viewer = request.user
    is_mentee = viewer.pk == mentoring_request.mentee_id
    is_mentor = viewer.pk == mentoring_request.mentor_id
    innovation = mentoring_request.innovation
    next_best = []
    if is_mentee and mentoring_request.is_closed_without_mentor:
        next_best = ranking.next_best_mentors(mentoring_request)
    return {
        "mentoring_request": mentoring_request,
        "is_mentee": is_mentee,
        "is_mentor": is_mentor,
        "respond_form": respond_form or RespondForm(),
        "reasons": describe(mentoring_request.reasons),
        "goal_list": goal_lines(mentoring_request.goals, checklist=False),
        "innovation_link": innovation is not None
        and Innovation.objects.visible_to(viewer).filter(pk=innovation.pk).exists(),
        "next_best": next_best,
        "mentorship": getattr(mentoring_request, "mentorship", None),
    }


def detail(request, pk):
    """The request, for its mentee, its mentor and staff (404 for anyone else)."""
    mentoring_request = request_for_viewer(pk, request.user, queryset=_detail_queryset())
    return render(
        request, "mentoring/request_detail.html", _detail_context(request, mentoring_request)
    )


def _detail_queryset():
    return MentoringRequest.objects.select_related(
        "mentee__profile", "mentor__profile", "innovation"
    ).prefetch_related("topics")


@login_required
@require_POST
def respond(request, pk):
    mentoring_request = request_for_viewer(pk, request.user, queryset=_detail_queryset())
    if request.user.pk != mentoring_request.mentor_id:
        raise PermissionDenied
    form = RespondForm(request.POST)
    if form.is_valid():
        accept = request.POST.get("decision") == "accept"
        try:
            if accept:
                mentorship = request_accept(
                    request=mentoring_request, by=request.user, message=form.cleaned_data["message"]
                )
            else:
                request_decline(
                    request=mentoring_request, by=request.user, message=form.cleaned_data["message"]
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if accept:
                messages.success(
                    request,
                    _("You accepted. Your mentorship page is ready for your first session."),
                )
                return redirect(mentorship)
            messages.success(request, _("You declined. We suggest other mentors to the member."))
            return redirect(mentoring_request)
    return render(
        request,
        "mentoring/request_detail.html",
        _detail_context(request, mentoring_request, respond_form=form),
    )


@login_required
@require_POST
def withdraw(request, pk):
    mentoring_request = request_for_viewer(pk, request.user)
    try:
        request_withdraw(request=mentoring_request, by=request.user)
    except ValidationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your request is withdrawn."))
    return redirect(mentoring_request)


@login_required
@require_POST
def forward(request, pk, username):
    """One click: the same request to one of the next best mentors."""
    mentoring_request = request_for_viewer(pk, request.user, queryset=_detail_queryset())
    if request.user.pk != mentoring_request.mentee_id:
        raise PermissionDenied
    mentor = _mentor_to_ask(request.user, username)
    try:
        created = request_forward(request=mentoring_request, mentor=mentor, by=request.user)
    except ValidationError as error:
        messages.error(request, error.message)
        return redirect(mentoring_request)
    messages.success(
        request,
        _("Your request is with %(name)s. They have 10 days to answer.") % {"name": mentor.user},
    )
    return redirect(created)
