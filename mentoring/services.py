"""Writes with side effects for mentoring: mentors, requests, mentorships, programmes, scans.

Every function is keyword-only and atomic. Those that depend on the time take ``now`` (the
scans too), so that tests drive a controllable clock; by default it is ``timezone.now()``.
"""

import calendar
import re
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovations.models import Innovation
from members.models import Block, Profile, User, approved_q, visible_levels
from mentoring import matching, ranking
from mentoring.access import require_member
from mentoring.models import (
    CHECKIN_GAP,
    MAX_CAPACITY,
    REQUEST_LIFETIME,
    Availability,
    Feedback,
    Goal,
    Match,
    MentorFacet,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    Programme,
    ProgrammeApplication,
    Reminder,
    Role,
    Session,
)
from mentoring.reasons import stored
from network.links import action_url
from network.moderation import audit
from network.notifications import notify, notify_by_email

KIND = "mentoring"
MAX_GOALS = 10
BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s*")


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _absolute(url: str) -> str:
    return settings.SITE_URL + url


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months (the 31st becomes the month's last day)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def goal_lines(text: str, *, checklist: bool = True) -> list[str]:
    """One goal per non-empty line of ``text``, list markers removed. For the checklist a
    mentorship starts with (``checklist``): at most 10 goals of 300 characters."""
    lines = [BULLET.sub("", line).strip() for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    return [line[:300] for line in lines][:MAX_GOALS] if checklist else lines


# --- mentors --------------------------------------------------------------------------------
@transaction.atomic
def mentor_profile_save(
    *,
    user,
    bio: str,
    capacity: int,
    availability: str,
    expertise: list[str],
    themes: list[str],
    languages: list[str],
    formats: list[str],
) -> MentorProfile:
    """Opt in as a mentor, or change the offer. The directory's "open to mentor" follows."""
    require_member(user)
    if not languages:
        raise ValidationError(_("Choose at least one language you can mentor in."))
    mentor = MentorProfile.objects.select_for_update().filter(user=user).first()
    if mentor is None:
        mentor = MentorProfile(user=user)
    mentor.bio = bio
    mentor.capacity = max(1, min(int(capacity), MAX_CAPACITY))
    mentor.availability = availability
    mentor.save()
    mentor.facets.all().delete()
    MentorFacet.objects.bulk_create(
        [
            MentorFacet(mentor=mentor, kind=kind, value=value)
            for kind, values in (("theme", themes), ("language", languages), ("format", formats))
            for value in dict.fromkeys(values)
        ]
    )
    mentor.expertise.set(expertise)
    Profile.objects.filter(user=user).update(open_to_mentor=availability == Availability.AVAILABLE)
    return mentor


# --- requests -------------------------------------------------------------------------------
def _request_links(request: MentoringRequest) -> dict:
    mentor = request.mentor
    return {
        "url": _absolute(request.get_absolute_url()),
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
    now = _now(now)
    require_member(mentee)
    if mentor.user_id == mentee.pk:
        raise ValidationError(_("You cannot ask yourself for mentoring."))
    block = Block.objects.between(mentee, mentor.user_id).first()
    if block is not None and block.blocker_id == mentee.pk:
        raise ValidationError(_("You blocked this member. Unblock them to ask for mentoring."))
    if block is not None:
        raise ValidationError(_("This mentor does not accept requests from you."))
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
    recipient = mentor.user
    notify_by_email(
        recipient,
        kind=KIND,
        message=gettext_lazy("%(name)s asks you for mentoring."),
        params={"name": str(mentee)},
        url=request.get_absolute_url(),
        template="mentoring_request",
        context={"request": request, "mentee": mentee, **_request_links(request)},
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
            "url": _absolute(
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
    now = _now(now)
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
    mentorship = Mentorship.objects.create(
        mentor_id=request.mentor_id,
        mentee_id=request.mentee_id,
        request=request,
        innovation_id=request.innovation_id,
        goals=request.goals,
        language=request.language,
        started_at=now,
        agreed_end_date=add_months(timezone.localdate(now), request.duration_months),
    )
    Goal.objects.bulk_create(
        [
            Goal(mentorship=mentorship, text=text, created_at=now)
            for text in goal_lines(request.goals)
        ]
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
    now = _now(now)
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
    request.responded_at = _now(now)
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


# --- the request scan (Celery beat) ---------------------------------------------------------
def _claim(**fields) -> bool:
    """Record that a reminder goes out; False when another run already sent it."""
    try:
        with transaction.atomic():
            Reminder.objects.create(**fields)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def _remind(request_id: int, kind: str, day: int, now: datetime) -> bool:
    request = (
        MentoringRequest.objects.select_related("mentor", "mentee")
        .filter(pk=request_id, status=MentoringRequest.Status.PENDING)
        .first()
    )
    if request is None or not _claim(kind=kind, request=request, sent_at=now):
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
                 "url": _absolute(request.get_absolute_url())},
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
    now = _now(now)
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


# --- mentorships ----------------------------------------------------------------------------
def _party(mentorship: Mentorship, by) -> Mentorship:
    """The mentorship as stored now (locked for this transaction), if ``by`` is one of the
    pair; staff read mentorships but do not write in them."""
    if not mentorship.is_party(by):
        raise PermissionDenied
    return Mentorship.objects.select_for_update().get(pk=mentorship.pk)


def _active_party(mentorship: Mentorship, by) -> Mentorship:
    mentorship = _party(mentorship, by)
    if not mentorship.is_active:
        raise ValidationError(_("This mentorship has ended."))
    return mentorship


@transaction.atomic
def goal_add(*, mentorship: Mentorship, by, text: str, now: datetime | None = None) -> Goal:
    mentorship = _active_party(mentorship, by)
    if mentorship.goal_items.count() >= 30:
        raise ValidationError(_("Up to 30 goals, please."))
    return Goal.objects.create(mentorship=mentorship, text=text, created_at=_now(now))


@transaction.atomic
def goal_toggle(*, goal: Goal, by, now: datetime | None = None) -> Goal:
    _active_party(goal.mentorship, by)
    goal.done = not goal.done
    goal.done_at = _now(now) if goal.done else None
    goal.save(update_fields=["done", "done_at"])
    return goal


@transaction.atomic
def session_log(
    *,
    mentorship: Mentorship,
    by,
    held_on: date,
    notes: str,
    next_steps: str,
    now: datetime | None = None,
) -> Session:
    mentorship = _active_party(mentorship, by)
    session = Session.objects.create(
        mentorship=mentorship,
        held_on=held_on,
        notes=notes,
        next_steps=next_steps,
        logged_by=by,
        created_at=_now(now),
    )
    notify(
        recipient=mentorship.partner_of(by),
        kind=KIND,
        message=gettext_lazy("%(name)s logged your session of %(date)s."),
        params={"name": str(by), "date": held_on.isoformat()},
        url=mentorship.get_absolute_url() + "#sessions",
    )
    return session


@transaction.atomic
def end_date_set(*, mentorship: Mentorship, by, agreed_end_date: date) -> Mentorship:
    mentorship = _active_party(mentorship, by)
    mentorship.agreed_end_date = agreed_end_date
    mentorship.save(update_fields=["agreed_end_date"])
    return mentorship


def _close(mentorship, *, by, status, reason, now):
    mentorship = _party(mentorship, by)
    if mentorship.status == status:
        return mentorship
    if not mentorship.is_active:
        raise ValidationError(_("This mentorship has ended."))
    mentorship.status = status
    mentorship.ended_at = now
    mentorship.ended_by = by
    mentorship.end_reason = reason
    mentorship.save(update_fields=["status", "ended_at", "ended_by", "end_reason"])
    feedback_url = reverse("mentoring:feedback", kwargs={"pk": mentorship.pk})
    ended_early = status == Mentorship.Status.ENDED
    for person in (mentorship.mentor, mentorship.mentee):
        partner = mentorship.partner_of(person)
        if ended_early and person.pk != by.pk:
            message = gettext_lazy("%(name)s ended your mentorship early. Tell us how it went.")
        elif ended_early:
            message = gettext_lazy("Your mentorship with %(name)s has ended. Tell us how it went.")
        else:
            message = gettext_lazy("Your mentorship with %(name)s is complete. How did it go?")
        notify_by_email(
            person,
            kind=KIND,
            message=message,
            params={"name": str(partner)},
            url=feedback_url,
            template="mentoring_closed",
            context={
                "mentorship": mentorship,
                "partner": partner,
                "ended_early": ended_early,
                "by_partner": person.pk != by.pk,
                "reason": reason if person.pk != by.pk else "",
                "is_mentor": person.pk == mentorship.mentor_id,
                "feedback_url": _absolute(feedback_url),
            },
        )
    return mentorship


@transaction.atomic
def mentorship_complete(*, mentorship: Mentorship, by, now: datetime | None = None) -> Mentorship:
    """Either side marks it complete; both are asked for feedback."""
    return _close(mentorship, by=by, status=Mentorship.Status.COMPLETED, reason="", now=_now(now))


@transaction.atomic
def mentorship_end(
    *, mentorship: Mentorship, by, reason: str, now: datetime | None = None
) -> Mentorship:
    """Either side ends it early, with a reason the other side is told."""
    if not reason.strip():
        raise ValidationError(_("Tell your partner why, in a sentence or two."))
    return _close(mentorship, by=by, status=Mentorship.Status.ENDED, reason=reason, now=_now(now))


@transaction.atomic
def feedback_give(
    *, mentorship: Mentorship, by, rating: int, comment: str, now: datetime | None = None
) -> Feedback:
    """Each side's feedback, once. The mentor's is read by staff only."""
    mentorship = _party(mentorship, by)
    if mentorship.is_active:
        raise ValidationError(_("Feedback comes when the mentorship ends."))
    try:
        with transaction.atomic():
            return Feedback.objects.create(
                mentorship=mentorship,
                author=by,
                role=mentorship.role_of(by),
                rating=rating,
                comment=comment,
                created_at=_now(now),
            )
    except IntegrityError:
        raise ValidationError(_("You already gave your feedback. Thank you!")) from None


def checkins_scan(*, now: datetime | None = None) -> int:
    """A gentle check-in to both sides of every active mentorship with no session logged for
    14 days: once per 14 days of silence (a unique Reminder per silence and period)."""
    now = _now(now)
    cutoff = now - CHECKIN_GAP
    quiet = (
        Mentorship.objects.active()
        .filter(started_at__lte=cutoff)
        .annotate(last_session=Max("sessions__held_on"))
        .filter(Q(last_session__isnull=True) | Q(last_session__lte=cutoff.date()))
    )
    sent = 0
    for mentorship in quiet.select_related("mentor", "mentee"):
        started = timezone.localdate(mentorship.started_at)
        since = max(filter(None, [mentorship.last_session, started]))
        days = (timezone.localdate(now) - since).days
        if days < CHECKIN_GAP.days:
            continue
        period = days // CHECKIN_GAP.days
        sent += _checkin(mentorship, key=f"{since.isoformat()}/{period}", days=days, now=now)
    return sent


@transaction.atomic
def _checkin(mentorship: Mentorship, *, key: str, days: int, now: datetime) -> bool:
    if not _claim(kind=Reminder.Kind.CHECKIN, mentorship=mentorship, key=key, sent_at=now):
        return False
    url = mentorship.get_absolute_url()
    for person in (mentorship.mentor, mentorship.mentee):
        partner = mentorship.partner_of(person)
        notify_by_email(
            person,
            kind=KIND,
            message=gettext_lazy(
                "How is your mentorship with %(name)s going? Log your next session."
            ),
            params={"name": str(partner)},
            url=url + "#sessions",
            template="mentoring_checkin",
            context={"mentorship": mentorship, "partner": partner, "days": days,
                     "url": _absolute(url)},
        )  # fmt: skip
    return True


# --- programmes -----------------------------------------------------------------------------
@transaction.atomic
def programme_apply(
    *,
    programme: Programme,
    user,
    role: str,
    goals: str,
    topics: list[str],
    themes: list[str],
    capacity: int = 1,
    now: datetime | None = None,
) -> ProgrammeApplication:
    """Apply (or change one's application) while the window is open."""
    require_member(user)
    if not programme.is_open(_now(now)):
        raise ValidationError(_("Applications to this programme are closed."))
    if role == Role.MENTOR:
        mentor = MentorProfile.objects.filter(user=user).first()
        if mentor is None:
            raise ValidationError(_("Create your mentor profile first, then apply as a mentor."))
        capacity = max(1, min(int(capacity), mentor.capacity))
    else:
        capacity = 1
    application, _created = ProgrammeApplication.objects.update_or_create(
        programme=programme,
        user=user,
        defaults={
            "role": role,
            "goals": goals,
            "topics": list(dict.fromkeys(topics)),
            "themes": list(dict.fromkeys(themes)),
            "capacity": capacity,
        },
        create_defaults={
            "role": role,
            "goals": goals,
            "topics": list(dict.fromkeys(topics)),
            "themes": list(dict.fromkeys(themes)),
            "capacity": capacity,
            "created_at": _now(now),
        },
    )
    return application


@transaction.atomic
def programme_withdraw(*, programme: Programme, user, now: datetime | None = None) -> None:
    if not programme.is_open(_now(now)):
        raise ValidationError(_("Applications to this programme are closed."))
    ProgrammeApplication.objects.filter(programme=programme, user=user).delete()


LIVE_MATCH = [Match.Status.PROPOSED, Match.Status.OFFERED, Match.Status.ACCEPTED]


def programme_candidates(programme: Programme, *, now: datetime | None = None):
    """The engine's input for a programme: mentees and mentors (with the places they still
    have in it) as the engine sees them, and the pairs it must not propose (blocks, pairs
    already mentoring). Staff run it, so every profile field is used."""
    now = _now(now)
    applications = list(
        programme.applications.filter(approved_q("user__"))
        .select_related("user")
        .order_by("created_at", "pk")
    )
    settled = set(
        programme.matches.filter(
            status__in=[Match.Status.OFFERED, Match.Status.ACCEPTED]
        ).values_list("mentee_id", flat=True)
    )
    taken = dict(
        programme.matches.filter(status__in=[Match.Status.OFFERED, Match.Status.ACCEPTED])
        .values_list("mentor_id")
        .annotate(n=Count("pk"))
    )
    mentee_apps = [a for a in applications if a.role == Role.MENTEE and a.user_id not in settled]
    mentor_apps = {a.user_id: a for a in applications if a.role == Role.MENTOR}
    mentors = list(
        ranking.card_queryset(
            MentorProfile.objects.listed().filter(user__in=list(mentor_apps))
        ).order_by("user_id")
    )
    features = ranking.members_features(
        [a.user for a in mentee_apps],
        topics={a.user_id: a.topics for a in mentee_apps},
        themes={a.user_id: a.themes for a in mentee_apps},
        now=now,
    )
    mentees = [features[a.user_id] for a in mentee_apps]
    mentor_features = []
    for mentor in mentors:
        free = max(0, mentor.capacity - mentor.load()) - taken.get(mentor.pk, 0)
        places = max(0, min(mentor_apps[mentor.pk].capacity, free))
        mentor_features.append(
            ranking.mentor_features(mentor, levels=(), now=now, trusted=True, capacity=places)
        )
    people = [a.user_id for a in mentee_apps] + list(mentor_apps)
    forbidden = Block.objects.among(people)
    forbidden |= set(
        Mentorship.objects.active()
        .filter(mentee__in=[a.user_id for a in mentee_apps])
        .values_list("mentee_id", "mentor_id")
    )
    forbidden |= {(person, person) for person in people}
    return mentees, mentor_features, forbidden


@transaction.atomic
def programme_run_matching(*, programme: Programme, by, now: datetime | None = None) -> list[Match]:
    """Run the engine once the window has closed: the proposed pairs (seen by staff only)
    replace the previous proposal; pairs already offered or accepted stay."""
    now = _now(now)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if not programme.has_closed(now):
        raise ValidationError(_("Run the matching once applications have closed."))
    programme.matches.filter(status=Match.Status.PROPOSED).delete()
    mentees, mentors, forbidden = programme_candidates(programme, now=now)
    pairs = matching.assign(mentees, mentors, forbidden)
    matches = Match.objects.bulk_create(
        [
            Match(
                programme=programme,
                mentee_id=pair.mentee_id,
                mentor_id=pair.mentor_id,
                score=pair.score,
                reasons=stored(pair.reasons),
                created_at=now,
            )
            for pair in pairs
        ]
    )
    audit(actor=by, action="programme_matched", target=programme,
          after={"proposed": len(matches), "mentees": len(mentees)})  # fmt: skip
    return matches


@transaction.atomic
def match_adjust(
    *, programme: Programme, by, assignments: dict[int, int | None], now: datetime | None = None
) -> None:
    """Staff change proposed pairs: ``{mentee id: mentor id or None}``. A pair must share a
    language and not be blocked; a mentor never gets more than their places."""
    now = _now(now)
    mentees, mentors, forbidden = programme_candidates(programme, now=now)
    mentees = {m.id: m for m in mentees}
    mentors = {m.id: m for m in mentors}
    programme.matches.filter(status=Match.Status.PROPOSED, mentee__in=list(assignments)).delete()
    load = dict(
        programme.matches.filter(status=Match.Status.PROPOSED)
        .values_list("mentor_id")
        .annotate(n=Count("pk"))
    )
    names = {user.pk: str(user) for user in User.objects.filter(pk__in=list(assignments))}
    created = []
    for mentee_id, mentor_id in assignments.items():
        if mentor_id is None or mentee_id not in mentees:
            continue
        mentor = mentors.get(mentor_id)
        result = matching.score(mentees[mentee_id], mentor) if mentor else None
        if result is None or (mentee_id, mentor_id) in forbidden:
            raise ValidationError(
                _("%(name)s cannot be paired with this mentor (no shared language, or a block).")
                % {"name": names.get(mentee_id, mentee_id)}
            )
        load[mentor_id] = load.get(mentor_id, 0) + 1
        if load[mentor_id] > mentor.capacity:
            raise ValidationError(
                _("A mentor would get more mentees than their %(places)s places.")
                % {"places": mentor.capacity}
            )
        created.append(
            Match(programme=programme, mentee_id=mentee_id, mentor_id=mentor_id,
                  score=result.total, reasons=stored(result.reasons), created_at=now)
        )  # fmt: skip
    Match.objects.bulk_create(created)


@transaction.atomic
def programme_confirm(*, programme: Programme, by, now: datetime | None = None) -> int:
    """Staff confirm the proposal: both sides of every proposed pair are asked to accept."""
    now = _now(now)
    matches = list(
        programme.matches.select_for_update(of=("self",))
        .filter(status=Match.Status.PROPOSED)
        .select_related("mentor", "mentee")
    )
    for match in matches:
        match.status = Match.Status.OFFERED
        match.offered_at = now
        match.save(update_fields=["status", "offered_at"])
        for person, partner, role in (
            (match.mentor, match.mentee, Role.MENTOR),
            (match.mentee, match.mentor, Role.MENTEE),
        ):
            notify_by_email(
                person,
                kind=KIND,
                message=gettext_lazy("%(programme)s: we matched you with %(name)s. Do you accept?"),
                params={"programme": programme.title, "name": str(partner)},
                url=match.get_absolute_url(),
                template="mentoring_offer",
                context={
                    "match": match,
                    "programme": programme,
                    "partner": partner,
                    "is_mentor": role == Role.MENTOR,
                    "url": _absolute(match.get_absolute_url()),
                    "accept_url": action_url(person, "mentoring_accept_match", match.pk),
                },
            )
    programme.matched_at = now
    programme.save(update_fields=["matched_at"])
    audit(actor=by, action="programme_offers_sent", target=programme,
          after={"offered": len(matches)})  # fmt: skip
    return len(matches)


@transaction.atomic
def match_respond(*, match: Match, by, accept: bool, now: datetime | None = None) -> Match:
    """One side answers an offer. When both accept, the mentorship starts; when one
    declines, the other is told (and staff can pair them again)."""
    now = _now(now)
    match = (
        Match.objects.select_for_update(of=("self",))
        .select_related("programme", "mentor", "mentee")
        .get(pk=match.pk)
    )
    if by.pk not in (match.mentor_id, match.mentee_id):
        raise PermissionDenied
    field = "mentor_accepted_at" if by.pk == match.mentor_id else "mentee_accepted_at"
    if match.status == Match.Status.ACCEPTED or (
        accept and match.status == Match.Status.OFFERED and getattr(match, field)
    ):
        return match
    if match.status != Match.Status.OFFERED:
        raise ValidationError(_("This offer is no longer open."))
    partner = match.mentee if by.pk == match.mentor_id else match.mentor
    if not accept:
        match.status = Match.Status.DECLINED
        match.declined_by = by
        match.save(update_fields=["status", "declined_by"])
        notify(
            recipient=partner,
            kind=KIND,
            message=gettext_lazy(
                "%(name)s cannot take part in this pairing. The programme team will be in touch."
            ),
            params={"name": str(by)},
            url=match.get_absolute_url(),
        )
        return match
    setattr(match, field, now)
    fields = [field]
    if match.mentor_accepted_at and match.mentee_accepted_at:
        match.status = Match.Status.ACCEPTED
        fields.append("status")
        mentorship = Mentorship.objects.create(
            mentor_id=match.mentor_id,
            mentee_id=match.mentee_id,
            match=match,
            programme=match.programme,
            goals=_application_goals(match),
            started_at=now,
            agreed_end_date=add_months(timezone.localdate(now), match.programme.duration_months),
        )
        Goal.objects.bulk_create(
            [Goal(mentorship=mentorship, text=text, created_at=now)
             for text in goal_lines(mentorship.goals)]
        )  # fmt: skip
        for person in (match.mentor, match.mentee):
            notify(
                recipient=person,
                kind=KIND,
                message=gettext_lazy("Your mentorship with %(name)s has started."),
                params={
                    "name": str(match.mentee if person.pk == match.mentor_id else match.mentor)
                },
                url=mentorship.get_absolute_url(),
            )
    match.save(update_fields=fields)
    return match


def _application_goals(match: Match) -> str:
    application = ProgrammeApplication.objects.filter(
        programme_id=match.programme_id, user_id=match.mentee_id
    ).first()
    return application.goals if application else ""
