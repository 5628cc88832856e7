"""The mentorship page (private to the pair and staff): goals, sessions, end date, ending,
feedback. Forms with errors are shown again with what was typed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innovations.models import Innovation
from mentoring.access import mentorship_for_viewer
from mentoring.forms import EndDateForm, EndForm, FeedbackForm, GoalForm, SessionForm
from mentoring.models import Feedback, Goal, Mentorship, Role, Session
from mentoring.reasons import describe
from mentoring.services import mentorships


def _queryset():
    return Mentorship.objects.select_related(
        "mentor__profile", "mentee__profile", "innovation", "programme", "request"
    ).prefetch_related(
        Prefetch("goal_items", queryset=Goal.objects.order_by("created_at", "pk")),
        Prefetch("sessions", queryset=Session.objects.select_related("logged_by")),
        Prefetch("feedback", queryset=Feedback.objects.select_related("author")),
    )


def visible_feedback(mentorship: Mentorship, viewer) -> list[Feedback]:
    """Staff read all feedback; each author their own; the mentor reads the mentee's. The
    mentor's note about the mentee is never shown to the mentee."""
    shown = []
    for feedback in mentorship.feedback.all():
        if (
            viewer.is_staff
            or feedback.author_id == viewer.pk
            or (feedback.role == Role.MENTEE and viewer.pk == mentorship.mentor_id)
        ):
            shown.append(feedback)
    return shown


def _render(request, mentorship, **forms):
    viewer = request.user
    context = {
        "mentorship": mentorship,
        "role": mentorship.role_of(viewer),
        "partner": mentorship.partner_of(viewer) if mentorship.is_party(viewer) else None,
        "is_party": mentorship.is_party(viewer),
        "goals": list(mentorship.goal_items.all()),
        "asked_for": mentorships.goal_lines(mentorship.goals, checklist=False),
        "sessions": list(mentorship.sessions.all()),
        "feedback": visible_feedback(mentorship, viewer),
        "gave_feedback": any(f.author_id == viewer.pk for f in mentorship.feedback.all()),
        "reasons": describe(
            (mentorship.request.reasons if mentorship.request else None)
            or (mentorship.match.reasons if mentorship.match_id else [])
        ),
        "innovation_link": mentorship.innovation_id is not None
        and Innovation.objects.visible_to(viewer).filter(pk=mentorship.innovation_id).exists(),
        "goal_form": forms.get("goal_form") or GoalForm(),
        "session_form": forms.get("session_form") or SessionForm(),
        "end_date_form": forms.get("end_date_form")
        or EndDateForm(
            mentorship=mentorship, initial={"agreed_end_date": mentorship.agreed_end_date}
        ),
    }
    return render(request, "mentoring/mentorship_detail.html", context)


def detail(request, pk):
    mentorship = mentorship_for_viewer(pk, request.user, queryset=_queryset())
    return _render(request, mentorship)


def _act(request, action, success=""):
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if success:
            messages.success(request, success)


@require_POST
def goal_add(request, pk):
    mentorship = mentorship_for_viewer(pk, request.user, queryset=_queryset())
    form = GoalForm(request.POST)
    if not form.is_valid():
        return _render(request, mentorship, goal_form=form)
    _act(
        request,
        lambda: mentorships.goal_add(
            mentorship=mentorship, by=request.user, text=form.cleaned_data["text"]
        ),
        _("Goal added."),
    )
    return redirect(mentorship.get_absolute_url() + "#goals")


@require_POST
def goal_toggle(request, pk, goal_pk):
    mentorship = mentorship_for_viewer(pk, request.user)
    goal = get_object_or_404(Goal, pk=goal_pk, mentorship=mentorship)
    _act(request, lambda: mentorships.goal_toggle(goal=goal, by=request.user))
    return redirect(mentorship.get_absolute_url() + "#goals")


@require_POST
def session_add(request, pk):
    mentorship = mentorship_for_viewer(pk, request.user, queryset=_queryset())
    form = SessionForm(request.POST)
    if not form.is_valid():
        return _render(request, mentorship, session_form=form)
    try:
        mentorships.session_log(mentorship=mentorship, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return _render(request, mentorship, session_form=form)
    messages.success(request, _("Session logged."))
    return redirect(mentorship.get_absolute_url() + "#sessions")


@require_POST
def end_date(request, pk):
    mentorship = mentorship_for_viewer(pk, request.user, queryset=_queryset())
    form = EndDateForm(request.POST, mentorship=mentorship)
    if not form.is_valid():
        return _render(request, mentorship, end_date_form=form)
    _act(
        request,
        lambda: mentorships.end_date_set(
            mentorship=mentorship,
            by=request.user,
            agreed_end_date=form.cleaned_data["agreed_end_date"],
        ),
        _("End date saved."),
    )
    return redirect(mentorship)


@require_POST
def complete(request, pk):
    mentorship = mentorship_for_viewer(pk, request.user)
    try:
        mentorships.mentorship_complete(mentorship=mentorship, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(mentorship)
    messages.success(request, _("Congratulations on completing your mentorship!"))
    return redirect("mentoring:feedback", pk=mentorship.pk)


def end(request, pk):
    """End early, with a reason for the partner."""
    mentorship = mentorship_for_viewer(pk, request.user)
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            mentorships.mentorship_end(
                mentorship=mentorship, by=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The mentorship has ended. Your partner is told why."))
            return redirect("mentoring:feedback", pk=mentorship.pk)
    return render(request, "mentoring/end_form.html", {"mentorship": mentorship, "form": form})


def feedback(request, pk):
    mentorship = mentorship_for_viewer(pk, request.user)
    if not mentorship.is_party(request.user):
        return redirect(mentorship)  # staff read feedback, they do not give it
    role = mentorship.role_of(request.user)
    given = Feedback.objects.filter(mentorship=mentorship, author=request.user).exists()
    form = FeedbackForm(request.POST or None, role=role)
    if request.method == "POST" and not given and form.is_valid():
        try:
            mentorships.feedback_give(
                mentorship=mentorship,
                by=request.user,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect(mentorship)
    return render(
        request,
        "mentoring/feedback_form.html",
        {"mentorship": mentorship, "form": form, "given": given, "role": role},
    )
