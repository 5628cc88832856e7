"""Programmes: members apply in a window; once it closes, staff run the matching engine, adjust
the proposed pairs and offer them; when both sides accept, the mentorship starts."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Block, User, approved_q
from mentoring import matching, ranking
from mentoring.access import require_member
from mentoring.models import (
    Match,
    MentorProfile,
    Mentorship,
    Programme,
    ProgrammeApplication,
    Role,
)
from mentoring.reasons import stored
from mentoring.services._shared import KIND, absolute_url, now_or_default
from mentoring.services.mentorships import mentorship_start
from network.links import action_url
from network.moderation import audit
from network.notifications import notify, notify_by_email


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
    if not programme.is_open(now_or_default(now)):
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
            "created_at": now_or_default(now),
        },
    )
    return application


@transaction.atomic
def programme_withdraw(*, programme: Programme, user, now: datetime | None = None) -> None:
    if not programme.is_open(now_or_default(now)):
        raise ValidationError(_("Applications to this programme are closed."))
    ProgrammeApplication.objects.filter(programme=programme, user=user).delete()


LIVE_MATCH = [Match.Status.PROPOSED, Match.Status.OFFERED, Match.Status.ACCEPTED]


def programme_candidates(programme: Programme, *, now: datetime | None = None):
    """The engine's input for a programme: mentees and mentors (with the places they still
    have in it) as the engine sees them, and the pairs it must not propose (blocks, pairs
    already mentoring). Staff run it, so every profile field is used."""
    now = now_or_default(now)
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
    now = now_or_default(now)
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
    now = now_or_default(now)
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
    now = now_or_default(now)
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
                    "url": absolute_url(match.get_absolute_url()),
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
    now = now_or_default(now)
    match = (
        Match.objects.select_for_update(of=("self",))
        .select_related("programme", "mentor", "mentee")
        .get(pk=match.pk)
    )
    if not match.is_party(by):
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
        mentorship = mentorship_start(
            mentor_id=match.mentor_id,
            mentee_id=match.mentee_id,
            match=match,
            programme=match.programme,
            goals=_application_goals(match),
            months=match.programme.duration_months,
            now=now,
        )
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
