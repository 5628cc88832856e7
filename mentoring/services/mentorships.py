"""Active mentorships: the goals checklist they start with, goals, the sessions log, the agreed
end, completing or ending one (both sides are asked for feedback), feedback, and the gentle
check-in when no session was logged for 14 days."""

import calendar
import re
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mentoring.models import CHECKIN_GAP, Feedback, Goal, Mentorship, Reminder, Session
from mentoring.services._shared import KIND, absolute_url, claim_reminder, now_or_default
from network.notifications import notify, notify_by_email

MAX_GOALS = 10
BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s*")


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


def mentorship_start(*, months: int, now: datetime, **fields) -> Mentorship:
    """A mentorship begins (an accepted request, or a programme pairing both sides accepted):
    its end agreed ``months`` away, the lines of its ``goals`` as the checklist."""
    mentorship = Mentorship.objects.create(
        started_at=now, agreed_end_date=add_months(timezone.localdate(now), months), **fields
    )
    Goal.objects.bulk_create(
        [Goal(mentorship=mentorship, text=text, created_at=now)
         for text in goal_lines(mentorship.goals)]
    )  # fmt: skip
    return mentorship


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
    return Goal.objects.create(mentorship=mentorship, text=text, created_at=now_or_default(now))


@transaction.atomic
def goal_toggle(*, goal: Goal, by, now: datetime | None = None) -> Goal:
    _active_party(goal.mentorship, by)
    goal.done = not goal.done
    goal.done_at = now_or_default(now) if goal.done else None
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
        created_at=now_or_default(now),
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
                "feedback_url": absolute_url(feedback_url),
            },
        )
    return mentorship


@transaction.atomic
def mentorship_complete(*, mentorship: Mentorship, by, now: datetime | None = None) -> Mentorship:
    """Either side marks it complete; both are asked for feedback."""
    return _close(
        mentorship, by=by, status=Mentorship.Status.COMPLETED, reason="", now=now_or_default(now)
    )


@transaction.atomic
def mentorship_end(
    *, mentorship: Mentorship, by, reason: str, now: datetime | None = None
) -> Mentorship:
    """Either side ends it early, with a reason the other side is told."""
    if not reason.strip():
        raise ValidationError(_("Tell your partner why, in a sentence or two."))
    return _close(
        mentorship, by=by, status=Mentorship.Status.ENDED, reason=reason, now=now_or_default(now)
    )


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
                created_at=now_or_default(now),
            )
    except IntegrityError:
        raise ValidationError(_("You already gave your feedback. Thank you!")) from None


def checkins_scan(*, now: datetime | None = None) -> int:
    """A gentle check-in to both sides of every active mentorship with no session logged for
    14 days: once per 14 days of silence (a unique Reminder per silence and period)."""
    now = now_or_default(now)
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
    if not claim_reminder(kind=Reminder.Kind.CHECKIN, mentorship=mentorship, key=key, sent_at=now):
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
                     "url": absolute_url(url)},
        )  # fmt: skip
    return True
