"""Mentoring requests: a member asks a mentor, who accepts (the mentorship starts) or declines;
the member withdraws or forwards the request to another mentor. The hourly scan reminds
mentors on day 3 and day 7 and expires requests after 10 days."""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovations.models import Innovation
from members import contact
from members.models import User, visible_levels
from mentoring import matching, ranking
from mentoring.access import require_member
from mentoring.models import (
    REQUEST_LIFETIME,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    Reminder,
)
from mentoring.reasons import stored
from mentoring.services._shared import KIND, absolute_url, claim_reminder, now_or_default
from mentoring.services.mentorships import mentorship_start
from network.links import action_url
from network.notifications import notify, notify_by_email


def _request_links(request: MentoringRequest) -> dict:
    mentor = request.mentor
    return {
        "url": absolute_url(request.get_absolute_url()),
        "accept_url": action_url(mentor, "mentoring_accept_request", request.pk),
        "decline_url": action_url(mentor, "mentoring_decline_request", request.pk),
    }


def request_score(
    *, mentee, mentor: MentorProfile, topics, themes, language: str, now: datetime
) -> matching.Score | None:
    """Why this mentor for this request: the engine's score, from what the mentee may see of
    the mentor's profile, in the request's language."""
    features = ranking.member_features(
        mentee, topics=topics, themes=themes, languages={language}, now=now
    )
    return matching.score(
        features, ranking.mentor_features(mentor, levels=visible_levels(mentee), now=now)
    )


@transaction.atomic
def request_create(
    *,
    mentee,
    mentor: MentorProfile,
    goals: str,
    topics: list[str],
    innovation=None,
    duration_months: int,
    language: str,
    now: datetime | None = None,
) -> MentoringRequest:
    """A member asks a mentor. Only mentors who are available, below capacity, and have not
    blocked the member (nor been blocked by them) can be asked."""
    now = now_or_default(now)
    require_member(mentee)
    if mentor.user_id == mentee.pk:
        raise ValidationError(_("You cannot ask yourself for mentoring."))
    # Blocks either way first, whatever else: neither learns more of the other.
    reason = contact.refusal(mentee, [mentor.user])
    if reason:
        raise ValidationError(reason)
    mentor = (
        ranking.card_queryset(MentorProfile.objects.visible_to(mentee)).filter(pk=mentor.pk).first()
    )
    if mentor is None:
        raise PermissionDenied
    if not mentor.is_accepting:
        raise ValidationError(_("This mentor is not taking new mentees at the moment."))
    if language not in mentor.languages:
        raise ValidationError(_("Choose a language this mentor offers."))
    if (
        innovation is not None
        and not Innovation.objects.of_team(mentee).filter(pk=innovation.pk).exists()
    ):
        raise ValidationError(_("Choose one of your own innovations."))
    if Mentorship.objects.active().filter(mentor_id=mentor.user_id, mentee=mentee).exists():
        raise ValidationError(_("This mentor is already mentoring you."))
    contact.admit(sender=mentee, recipients=[mentor.user], kind="mentoring")
    themes = innovation.facet_values("theme") if innovation is not None else []
    result = request_score(
        mentee=mentee, mentor=mentor, topics=topics, themes=themes, language=language, now=now
    )
    try:
        with transaction.atomic():
            request = MentoringRequest.objects.create(
                mentee=mentee,
                mentor_id=mentor.user_id,
                goals=goals,
                innovation=innovation,
                duration_months=duration_months,
                language=language,
                score=result.total if result else 0,
                reasons=stored(result.reasons) if result else [],
                created_at=now,
            )
    except IntegrityError:
        raise ValidationError(
            _("You already asked this mentor. Their answer will come soon.")
        ) from None
    request.topics.set(topics)
    contact.tell(
        mentor.user,
        kind=KIND,
        message=gettext_lazy("%(name)s asks you for mentoring."),
        params={"name": str(mentee)},
        url=request.get_absolute_url(),
        template="mentoring_request",
        context={"request": request, "mentee": mentee, **_request_links(request)},
        at_once=True,
    )
    return request


def _locked_request(request: MentoringRequest, *, by) -> MentoringRequest:
    """The request as stored now, locked, when ``by`` is its mentor.

    The mentor's row is locked first: every answer of one mentor then runs one at a time,
    in the same lock order (mentor, then requests), so that two acceptances cannot both take
    the last place, nor deadlock while the winner declines the others."""
    if by.pk != request.mentor_id:
        raise PermissionDenied
    User.objects.select_for_update().filter(pk=by.pk).first()
    return MentoringRequest.objects.select_for_update().get(pk=request.pk)


def _answered(request: MentoringRequest, *, accepted: bool) -> None:
    mentee = request.mentee
    notify_by_email(
        mentee,
        kind=KIND,
        message=gettext_lazy("%(name)s accepted your mentoring request.")
        if accepted
        else gettext_lazy("%(name)s cannot mentor you this time. See who else could."),
        params={"name": str(request.mentor)},
        url=request.get_absolute_url(),
        template="mentoring_answered",
        context={
            "request": request,
            "mentor": request.mentor,
            "accepted": accepted,
            "url": absolute_url(
                request.mentorship.get_absolute_url() if accepted else request.get_absolute_url()
            ),
        },
    )


@transaction.atomic
def request_accept(
    *, request: MentoringRequest, by, message: str = "", now: datetime | None = None
) -> Mentorship:
    """The mentor says yes: the mentorship starts, with the request's goals as its checklist.
    When this fills the mentor's last place, their other open requests are declined, so
    those members can ask someone else at once."""
    now = now_or_default(now)
    request = _locked_request(request, by=by)
    if request.status == MentoringRequest.Status.ACCEPTED:
        return request.mentorship  # a second click
    if request.status != MentoringRequest.Status.PENDING:
        raise ValidationError(_("This request is no longer waiting for an answer."))
    mentor = MentorProfile.objects.filter(user=by).first()
    capacity = mentor.capacity if mentor is not None else 1
    load = Mentorship.objects.active().filter(mentor=by).count()
    if load >= capacity:
        raise ValidationError(
            _(
                "All your places are taken (%(count)s of %(capacity)s). Raise your capacity "
                "or finish a mentorship before accepting."
            )
            % {"count": load, "capacity": capacity}
        )
    request.status = MentoringRequest.Status.ACCEPTED
    request.response = message
    request.responded_at = now
    request.save(update_fields=["status", "response", "responded_at"])
    mentorship = mentorship_start(
        mentor_id=request.mentor_id,
        mentee_id=request.mentee_id,
        request=request,
        innovation_id=request.innovation_id,
        goals=request.goals,
        language=request.language,
        months=request.duration_months,
        now=now,
    )
    _answered(request, accepted=True)
    if load + 1 >= capacity:
        for other in MentoringRequest.objects.pending().filter(mentor=by).exclude(pk=request.pk):
            _decline(other, message="", now=now, became_full=True)
    return mentorship


def _decline(request, *, message, now, became_full=False):
    updated = MentoringRequest.objects.filter(
        pk=request.pk, status=MentoringRequest.Status.PENDING
    ).update(
        status=MentoringRequest.Status.DECLINED,
        response=message,
        responded_at=now,
        mentor_became_full=became_full,
    )
    if updated:
        request.refresh_from_db()
        _answered(request, accepted=False)
    return updated


@transaction.atomic
def request_decline(
    *, request: MentoringRequest, by, message: str = "", now: datetime | None = None
) -> MentoringRequest:
    """The mentor says no (kindly); the member is shown the next best mentors."""
    now = now_or_default(now)
    request = _locked_request(request, by=by)
    if request.status == MentoringRequest.Status.DECLINED:
        return request
    if request.status != MentoringRequest.Status.PENDING:
        raise ValidationError(_("This request is no longer waiting for an answer."))
    _decline(request, message=message, now=now)
    request.refresh_from_db()
    return request


@transaction.atomic
def request_withdraw(*, request: MentoringRequest, by, now: datetime | None = None) -> None:
    if by.pk != request.mentee_id:
        raise PermissionDenied
    request = MentoringRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != MentoringRequest.Status.PENDING:
        raise ValidationError(_("This request is no longer waiting for an answer."))
    request.status = MentoringRequest.Status.WITHDRAWN
    request.responded_at = now_or_default(now)
    request.save(update_fields=["status", "responded_at"])


@transaction.atomic
def request_forward(
    *, request: MentoringRequest, mentor: MentorProfile, by, now: datetime | None = None
) -> MentoringRequest:
    """One click after a decline or an expiry: the same request, to another mentor."""
    if by.pk != request.mentee_id:
        raise PermissionDenied
    if not request.is_closed_without_mentor:
        raise ValidationError(_("This request is still open."))
    return request_create(
        mentee=by,
        mentor=mentor,
        goals=request.goals,
        topics=list(request.topics.names()),
        innovation=request.innovation,
        duration_months=request.duration_months,
        language=request.language,
        now=now,
    )


@transaction.atomic
def _remind(request_id: int, kind: str, day: int, now: datetime) -> bool:
    request = (
        MentoringRequest.objects.select_related("mentor", "mentee")
        .filter(pk=request_id, status=MentoringRequest.Status.PENDING)
        .first()
    )
    if request is None or not claim_reminder(kind=kind, request=request, sent_at=now):
        return False
    mentor = request.mentor
    notify_by_email(
        mentor,
        kind=KIND,
        message=gettext_lazy("%(name)s is waiting for your answer about mentoring."),
        params={"name": str(request.mentee)},
        url=request.get_absolute_url(),
        template="mentoring_reminder",
        context={"request": request, "mentee": request.mentee, "day": day,
                 **_request_links(request)},
    )  # fmt: skip
    return True


@transaction.atomic
def _expire(request_id: int, now: datetime) -> bool:
    updated = MentoringRequest.objects.filter(
        pk=request_id, status=MentoringRequest.Status.PENDING
    ).update(status=MentoringRequest.Status.EXPIRED, responded_at=now)
    if not updated:
        return False
    request = MentoringRequest.objects.select_related("mentor", "mentee").get(pk=request_id)
    mentee = request.mentee
    notify_by_email(
        mentee,
        kind=KIND,
        message=gettext_lazy(
            "Your request to %(name)s expired without an answer. See who else could mentor you."
        ),
        params={"name": str(request.mentor)},
        url=request.get_absolute_url(),
        template="mentoring_expired",
        context={"request": request, "mentor": request.mentor,
                 "url": absolute_url(request.get_absolute_url())},
    )  # fmt: skip
    notify(
        recipient=request.mentor,
        kind=KIND,
        message=gettext_lazy("The mentoring request from %(name)s expired."),
        params={"name": str(mentee)},
        url=request.get_absolute_url(),
    )
    return True


def requests_scan(*, now: datetime | None = None) -> dict[str, int]:
    """Find due work among unanswered requests: expire those 10 days old, remind the mentor
    on day 3 and day 7. Each reminder goes out once (a unique Reminder row), whatever the
    number of runs; a run that starts late sends only the latest reminder due."""
    now = now_or_default(now)
    pending = MentoringRequest.objects.pending()
    expired = sum(
        _expire(pk, now)
        for pk in pending.filter(created_at__lte=now - REQUEST_LIFETIME).values_list(
            "pk", flat=True
        )
    )
    live = pending.filter(created_at__gt=now - REQUEST_LIFETIME)
    day_7 = live.filter(created_at__lte=now - timedelta(days=7)).exclude(
        reminders__kind=Reminder.Kind.REQUEST_DAY_7
    )
    day_3 = live.filter(
        created_at__lte=now - timedelta(days=3), created_at__gt=now - timedelta(days=7)
    ).exclude(reminders__kind=Reminder.Kind.REQUEST_DAY_3)
    reminded = sum(
        _remind(pk, Reminder.Kind.REQUEST_DAY_7, 7, now)
        for pk in day_7.values_list("pk", flat=True)
    ) + sum(
        _remind(pk, Reminder.Kind.REQUEST_DAY_3, 3, now)
        for pk in day_3.values_list("pk", flat=True)
    )
    return {"expired": expired, "reminded": reminded}
