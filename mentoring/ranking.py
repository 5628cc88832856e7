"""From the database to the matching engine and back: who a member is as a mentee, who a
mentor is as the viewer may see them, and mentors ranked for a member with their reasons.

Every function runs a fixed number of queries whatever the number of mentors.
"""

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innovations.models import TEAM_PATHS, InnovationFacet
from members.models import (
    Affiliation,
    Profile,
    SpokenLanguage,
    TaggedExpertise,
    TaggedInterest,
    visible_levels,
)
from mentoring import matching
from mentoring.models import (
    Availability,
    MentorFacet,
    MentoringRequest,
    MentorProfile,
    Mentorship,
    TaggedMentorExpertise,
)
from mentoring.reasons import describe
from network.cache import shared_parts

# Every account starts on "UTC" until its member picks a time zone; members who live on UTC
# pick their city (Africa/Accra, Europe/London). So "UTC" says nothing about closeness.
UNSET_TIMEZONE = "UTC"


def utc_offset(name: str, at: datetime) -> float | None:
    """The UTC offset in hours of the time zone ``name`` at ``at`` (None if unknown or unset)."""
    if not name or name == UNSET_TIMEZONE:
        return None
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offset = at.astimezone(zone).utcoffset()
    return offset.total_seconds() / 3600 if offset is not None else None


def card_queryset(queryset):
    """What a mentor card and the mentor's matching features need, in four queries."""
    return (
        queryset.with_load()
        .select_related("user__profile")
        .prefetch_related(
            *CARD_DETAILS,
            Prefetch(
                "user__affiliations",
                queryset=Affiliation.objects.select_related("organisation").order_by("pk"),
            ),
        )
    )


# What the shared parts of a card (PARTS) read beyond the mentor, their member and profile.
CARD_DETAILS = (
    Prefetch("facets", queryset=MentorFacet.objects.order_by("kind", "value")),
    "expertise",
)


def _shows(profile, field: str, levels, trusted: bool) -> bool:
    return trusted or getattr(profile, f"{field}_visibility") in levels


def build_mentor(
    mentor_id,
    *,
    languages,
    expertise,
    themes,
    region: str,
    timezone_name: str,
    organisation_types,
    free: int,
    shows_place: bool,
    shows_organisation: bool,
    now: datetime,
) -> matching.Mentor:
    """The engine's view of a mentor from plain values, keeping only what the viewer may see
    (``shows_place``: region and time zone; ``shows_organisation``: organisation types).
    The one place both :func:`mentor_features` (model instances) and :func:`score_candidates`
    (plain rows) build a mentor, so that the two cannot diverge."""
    return matching.Mentor(
        id=mentor_id,
        languages=frozenset(languages),
        expertise=frozenset(expertise),
        themes=frozenset(themes),
        region=(region or "") if shows_place else "",
        utc_offset=utc_offset(timezone_name, now) if shows_place else None,
        organisation_types=frozenset(organisation_types) if shows_organisation else frozenset(),
        capacity=free,
    )


def mentor_features(
    mentor: MentorProfile, *, levels, now: datetime, trusted: bool = False, capacity=None
) -> matching.Mentor:
    """The mentor as the engine sees them, using only what the viewer may see of the profile
    (``levels``); ``trusted`` (staff running a programme) uses everything."""
    user = mentor.user
    profile = user.profile
    return build_mentor(
        mentor.pk,
        languages=mentor.languages,
        expertise=(tag.name for tag in mentor.expertise.all()),
        themes=mentor.themes,
        region=profile.region,
        timezone_name=user.timezone,
        organisation_types=(a.organisation.type for a in user.affiliations.all()),
        free=max(0, mentor.capacity - mentor.load()) if capacity is None else capacity,
        shows_place=_shows(profile, "country", levels, trusted),
        shows_organisation=_shows(profile, "organisation", levels, trusted),
        now=now,
    )


def members_features(
    users, *, topics=None, themes=None, now: datetime | None = None
) -> dict[int, matching.Mentee]:
    """Members as mentees, by id: their languages, what they know and want to learn (profile
    expertise and interests, plus ``topics[user_id]``), the themes of their innovations (plus
    ``themes[user_id]``), region, time zone and organisation types. Seven queries for any
    number of members."""

    now = now or timezone.now()
    users = list(users)
    ids = [user.pk for user in users]
    topics, themes = topics or {}, themes or {}
    regions = dict(Profile.objects.filter(user__in=ids).values_list("user_id", "region"))
    languages, tags, innovation_themes, organisation_types = {}, {}, {}, {}
    for user_id, code in SpokenLanguage.objects.filter(profile__user__in=ids).values_list(
        "profile__user_id", "code"
    ):
        languages.setdefault(user_id, set()).add(code)
    for model in (TaggedInterest, TaggedExpertise):
        for user_id, name in model.objects.filter(content_object__user__in=ids).values_list(
            "content_object__user_id", "tag__name"
        ):
            tags.setdefault(user_id, set()).add(name)
    for path in TEAM_PATHS:
        lookup = f"innovation__{path}"
        for user_id, value in (
            InnovationFacet.objects.filter(kind="theme", **{f"{lookup}__in": ids})
            .values_list(lookup, "value")
            .distinct()
        ):
            innovation_themes.setdefault(user_id, set()).add(value)
    for user_id, kind in Affiliation.objects.filter(user__in=ids).values_list(
        "user_id", "organisation__type"
    ):
        organisation_types.setdefault(user_id, set()).add(kind)
    return {
        user.pk: matching.Mentee(
            id=user.pk,
            languages=frozenset(languages.get(user.pk) or {user.language}),
            interests=frozenset(tags.get(user.pk, set()) | set(topics.get(user.pk, ()))),
            themes=frozenset(innovation_themes.get(user.pk, set()) | set(themes.get(user.pk, ()))),
            region=regions.get(user.pk, ""),
            utc_offset=utc_offset(user.timezone, now),
            organisation_types=frozenset(organisation_types.get(user.pk, set())),
        )
        for user in users
    }


def member_features(
    user, *, topics=(), themes=(), languages=None, now: datetime | None = None
) -> matching.Mentee:
    """One member as a mentee (see :func:`members_features`); ``languages`` replaces theirs
    (a request's language)."""
    mentee = members_features([user], topics={user.pk: topics}, themes={user.pk: themes}, now=now)[
        user.pk
    ]
    if languages is not None:
        mentee = replace(mentee, languages=frozenset(languages))
    return mentee


@dataclass
class RankedMentor:
    mentor: MentorProfile
    score: int | None
    reasons: list
    explanations: list[str]
    # The card's parts that every viewer sees alike (with_shared_parts).
    head: str = ""
    details: str = ""

    @property
    def allowed(self) -> bool:
        return self.score is not None

    @property
    def out_of_100(self) -> int | None:
        return None if self.score is None else matching.out_of_100(self.score)

    @property
    def strength(self) -> str:
        """The match in words, for the mentor's card."""
        if self.score is None:
            return ""
        return str(STRENGTH_LABELS[matching.strength(self.score)])


STRENGTH_LABELS = {
    "strong": _("Strong match"),
    "good": _("Good match"),
    "some": _("Some common ground"),
}


def _order(score: int | None, accepting: bool, name: str) -> tuple:
    """The ranking's sort key: by score, mentors with no language in common last, then those
    still accepting, then by name."""
    return (score is None, -(score or 0), not accepting, name.casefold())


def rank(mentors, mentee: matching.Mentee, *, levels, now: datetime) -> list[RankedMentor]:
    """``mentors`` (from :func:`card_queryset`) best first for ``mentee``: by score, mentors
    with no language in common last, then those still accepting, then by name."""
    ranked = []
    for mentor in mentors:
        result = matching.score(mentee, mentor_features(mentor, levels=levels, now=now))
        reasons = list(result.reasons) if result else []
        ranked.append(
            RankedMentor(
                mentor=mentor,
                score=result.total if result else None,
                reasons=reasons,
                explanations=describe(reasons),
            )
        )
    ranked.sort(
        key=lambda item: _order(item.score, item.mentor.is_accepting, str(item.mentor.user))
    )
    return ranked


@dataclass(frozen=True)
class ScoredMentor:
    """A mentor scored from plain rows, before their card is loaded (see
    :func:`score_candidates`)."""

    id: int
    score: int | None
    reasons: tuple
    accepting: bool
    name: str

    @property
    def allowed(self) -> bool:
        return self.score is not None


def score_candidates(
    queryset, mentee: matching.Mentee, *, levels, now: datetime
) -> list[ScoredMentor]:
    """Every mentor of ``queryset`` scored and ranked like :func:`rank`, from plain values
    (no model instances): four queries whatever the number of mentors. Load the cards of the
    mentors actually shown with :func:`cards_for`."""

    ids = queryset.order_by().values("pk")
    # In the queryset's own order, as card_queryset() gives them to rank(): the sort is
    # stable, so mentors tied on score, acceptance and name stay in the same order.
    rows = queryset.with_load().values_list(
        "pk",
        "capacity",
        "availability",
        "active_mentees",
        "user__display_name",
        "user__username",
        "user__timezone",
        "user__profile__region",
        "user__profile__country_visibility",
        "user__profile__organisation_visibility",
    )
    facets: dict[tuple[int, str], list[str]] = {}
    for mentor_id, kind, value in MentorFacet.objects.filter(
        mentor__in=ids, kind__in=("language", "theme")
    ).values_list("mentor_id", "kind", "value"):
        facets.setdefault((mentor_id, kind), []).append(value)
    expertise: dict[int, list[str]] = {}
    for mentor_id, name in TaggedMentorExpertise.objects.filter(content_object__in=ids).values_list(
        "content_object_id", "tag__name"
    ):
        expertise.setdefault(mentor_id, []).append(name)
    # A mentor profile's primary key is its user's id.
    organisation_types: dict[int, list[str]] = {}
    for user_id, kind in Affiliation.objects.filter(user__in=ids).values_list(
        "user_id", "organisation__type"
    ):
        organisation_types.setdefault(user_id, []).append(kind)
    scored = []
    for (
        mentor_id,
        capacity,
        availability,
        load,
        display_name,
        username,
        timezone_name,
        region,
        country_visibility,
        organisation_visibility,
    ) in rows:
        features = build_mentor(
            mentor_id,
            languages=facets.get((mentor_id, "language"), ()),
            expertise=expertise.get(mentor_id, ()),
            themes=facets.get((mentor_id, "theme"), ()),
            region=region,
            timezone_name=timezone_name,
            organisation_types=organisation_types.get(mentor_id, ()),
            free=max(0, capacity - load),
            shows_place=country_visibility in levels,
            shows_organisation=organisation_visibility in levels,
            now=now,
        )
        result = matching.score(mentee, features)
        scored.append(
            ScoredMentor(
                id=mentor_id,
                score=result.total if result else None,
                reasons=result.reasons if result else (),
                # As MentorProfile.is_accepting: available and not full.
                accepting=availability == Availability.AVAILABLE and not load >= capacity,
                # As str(user): the display name, else the username.
                name=display_name or username,
            )
        )
    scored.sort(key=lambda item: _order(item.score, item.accepting, item.name))
    return scored


def packed(scored: list[ScoredMentor]) -> list[tuple]:
    """Scored mentors as plain tuples, to keep in the cache: thousands of them load in a
    fraction of the time that as many objects take (the mentor list loads them on each page)."""
    return [
        (item.id, item.score, tuple((r.kind, r.points, r.values) for r in item.reasons),
         item.accepting, item.name)
        for item in scored
    ]  # fmt: skip


def unpacked(rows) -> list[ScoredMentor]:
    """The scored mentors of ``packed`` rows (a page of them)."""
    return [
        ScoredMentor(id=row[0], score=row[1], reasons=tuple(matching.Reason(*r) for r in row[2]),
                     accepting=row[3], name=row[4])
        for row in rows
    ]  # fmt: skip


def cards_for(queryset, scored) -> list[RankedMentor]:
    """The cards of the ``scored`` mentors among ``queryset``, in the order given, with their
    score, reasons and explanations: one query, for what is the viewer's own on a card (the
    parts every viewer sees alike come from with_shared_parts)."""
    scored = list(scored)
    if not scored:
        return []
    # The card's own parts need the mentor, their member and load; the shared parts
    # prefetch the rest only when they are rendered (with_shared_parts).
    mentors = queryset.with_load().select_related("user").filter(pk__in=[i.id for i in scored])
    by_id = {mentor.pk: mentor for mentor in mentors}
    return [
        RankedMentor(
            mentor=by_id[item.id],
            score=item.score,
            reasons=list(item.reasons),
            explanations=describe(list(item.reasons)),
        )
        for item in scored
        if item.id in by_id
    ]


PARTS = "mentoring/_mentor_card_parts.html"


def with_shared_parts(items: list[RankedMentor], levels) -> list[RankedMentor]:
    """``items`` with the parts of their cards that are the same for every viewer, the
    details for every viewer with the same visibility ``levels``, shared among them
    (network.cache.shared_parts): a card's name, bio and facts are rendered once a minute,
    not on every page of every member."""
    mentors = [item.mentor for item in items]
    for part, depends_on in (("head", None), ("details", sorted(levels))):
        rendered = shared_parts(
            f"{PARTS}#{part}", mentors, depends_on=depends_on,
            context=lambda mentor: {"mentor": mentor, "levels": levels},
            prepare=lambda missing: prefetch_related_objects(missing, "user__profile", *CARD_DETAILS),
        )  # fmt: skip
        for item, html in zip(items, rendered, strict=True):
            setattr(item, part, html)
    return items


def candidates_for(mentee_user):
    """Mentors ``mentee_user`` could ask now: accepting, visible (no block either way), not
    themselves, not already asked or mentoring them."""
    pending = MentoringRequest.objects.pending().filter(mentee=mentee_user).values("mentor")
    active = Mentorship.objects.active().filter(mentee=mentee_user).values("mentor")
    return (
        MentorProfile.objects.visible_to(mentee_user)
        .accepting()
        .exclude(user=mentee_user)
        .exclude(user__in=pending)
        .exclude(user__in=active)
    )


def suggested_mentors(user, *, limit=3, now=None) -> list[RankedMentor]:
    """The best mentors ``user`` could ask now (for the mentoring home)."""

    now = now or timezone.now()
    mentee = member_features(user, now=now)
    mentors = list(card_queryset(candidates_for(user)))
    ranked = rank(mentors, mentee, levels=visible_levels(user), now=now)
    return [item for item in ranked if item.allowed][:limit]


def next_best_mentors(request: MentoringRequest, *, limit=3, now=None) -> list[RankedMentor]:
    """After a decline or an expiry: the best mentors to ask with the same request, in the
    same language, so that asking takes one click."""

    now = now or timezone.now()
    themes = []
    if request.innovation_id:
        themes = request.innovation.facet_values("theme")
    mentee = member_features(
        request.mentee,
        topics=request.topics.names(),
        themes=themes,
        languages={request.language},
        now=now,
    )
    mentors = list(card_queryset(candidates_for(request.mentee).exclude(user=request.mentor_id)))
    ranked = rank(mentors, mentee, levels=visible_levels(request.mentee), now=now)
    return [item for item in ranked if item.allowed][:limit]
