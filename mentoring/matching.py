"""Mentor–mentee matching: scores that explain themselves, and an optimal assignment.

A pure module: no Django, no database. Callers describe people with :class:`Mentee` and
:class:`Mentor` (plain values: language codes, tag names, theme codes, an ILO region, a UTC
offset in hours, organisation types) and get back numbers with their reasons.

The score of a pair (integers, so that optima compare exactly):

===========================  ==============================================================
shared language              **required**: without one the pair is not allowed; 10 points
shared expertise             10 points per tag the mentor offers and the mentee wants, up to 3
shared themes                6 points per theme, up to 3
same ILO region              8 points
time-zone closeness          6 points within 2 hours, 3 within 5 hours (around the clock)
across organisation types    4 points when both name organisation types and share none
===========================  ==============================================================

:func:`assign` finds the assignment that first matches as many mentees as the language rule
and the mentors' capacities allow, and among those the one with the highest total score:
each allowed pair is worth ``BIG + score`` with ``BIG`` larger than any possible total score,
so one more matched pair always outweighs any gain in score. The mentors' capacities are
expanded into slots (a mentor with capacity 3 is three identical columns) and the resulting
rectangular assignment problem is solved with ``scipy.optimize.linear_sum_assignment``.

numpy and scipy are imported inside the functions that use them, not at the top: they take
seconds to load, and only the programme matching (a staff action) needs them, so the web and
worker processes that import this module for its scores never load them.
"""

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

LANGUAGE_POINTS = 10
EXPERTISE_POINTS = 10
EXPERTISE_CAP = 3
THEME_POINTS = 6
THEME_CAP = 3
REGION_POINTS = 8
# (at most this many hours apart, points), closest first.
TIMEZONE_STEPS = ((2.0, 6), (5.0, 3))
ORGANISATION_POINTS = 4
MAX_SCORE = (
    LANGUAGE_POINTS
    + EXPERTISE_POINTS * EXPERTISE_CAP
    + THEME_POINTS * THEME_CAP
    + REGION_POINTS
    + TIMEZONE_STEPS[0][1]
    + ORGANISATION_POINTS
)


# A pair's strength as people read it: (at least this many of 100, strength), strongest first.
STRENGTHS = ((60, "strong"), (35, "good"), (0, "some"))


def out_of_100(total: int) -> int:
    """A pair's score on the scale people read: its share of the best possible score."""
    return round(100 * total / MAX_SCORE)


def strength(total: int) -> str:
    """A score in words: "strong", "good" or "some" (common ground: a language, little else)."""
    share = out_of_100(total)
    return next(name for floor, name in STRENGTHS if share >= floor)


def _folded(values: Iterable[str]) -> frozenset[str]:
    return frozenset(value.strip().casefold() for value in values if value and value.strip())


@dataclass(frozen=True)
class Mentee:
    """Someone looking for a mentor. ``interests`` are the expertise tags they want."""

    id: Hashable
    languages: frozenset[str] = frozenset()
    interests: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    region: str = ""
    utc_offset: float | None = None
    organisation_types: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Mentor:
    """Someone offering mentoring, with ``capacity`` free places."""

    id: Hashable
    languages: frozenset[str] = frozenset()
    expertise: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()
    region: str = ""
    utc_offset: float | None = None
    organisation_types: frozenset[str] = frozenset()
    capacity: int = 1


@dataclass(frozen=True)
class Reason:
    """Why a pair scores: ``kind`` is one of language, expertise, theme, region, timezone,
    organisation; ``values`` are the shared languages, tags or themes, the region, or the
    hours apart."""

    kind: str
    points: int
    values: tuple = ()


@dataclass(frozen=True)
class Score:
    total: int
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Pair:
    mentee_id: Hashable
    mentor_id: Hashable
    score: int
    reasons: tuple[Reason, ...]


def hours_apart(a: float | None, b: float | None) -> float | None:
    """Hours between two UTC offsets, the short way around the clock (0 to 12)."""
    if a is None or b is None:
        return None
    difference = abs(a - b) % 24
    return min(difference, 24 - difference)


def timezone_points(hours: float | None) -> int:
    if hours is None:
        return 0
    for limit, points in TIMEZONE_STEPS:
        if hours <= limit:
            return points
    return 0


def score(mentee: Mentee, mentor: Mentor) -> Score | None:
    """The pair's score and its reasons, best reason first; None when they share no language."""
    languages = sorted(_folded(mentee.languages) & _folded(mentor.languages))
    if not languages:
        return None
    reasons = [Reason("language", LANGUAGE_POINTS, tuple(languages))]
    wanted = _folded(mentee.interests)
    expertise = sorted(
        {tag.strip() for tag in mentor.expertise if tag.strip().casefold() in wanted},
        key=str.casefold,
    )
    # Two spellings of one tag on the mentor's side count once.
    expertise = list({tag.casefold(): tag for tag in expertise}.values())
    if expertise:
        points = EXPERTISE_POINTS * min(len(expertise), EXPERTISE_CAP)
        reasons.append(Reason("expertise", points, tuple(expertise)))
    themes = sorted(frozenset(mentee.themes) & frozenset(mentor.themes))
    if themes:
        reasons.append(Reason("theme", THEME_POINTS * min(len(themes), THEME_CAP), tuple(themes)))
    if mentee.region and mentee.region == mentor.region:
        reasons.append(Reason("region", REGION_POINTS, (mentor.region,)))
    hours = hours_apart(mentee.utc_offset, mentor.utc_offset)
    points = timezone_points(hours)
    if points:
        reasons.append(Reason("timezone", points, (hours,)))
    if (
        mentee.organisation_types
        and mentor.organisation_types
        and not frozenset(mentee.organisation_types) & frozenset(mentor.organisation_types)
    ):
        values = tuple(sorted(mentee.organisation_types)) + tuple(sorted(mentor.organisation_types))
        reasons.append(Reason("organisation", ORGANISATION_POINTS, values))
    # The language reason stays first (it is the rule); the others by weight.
    reasons[1:] = sorted(reasons[1:], key=lambda reason: -reason.points)
    return Score(total=sum(reason.points for reason in reasons), reasons=tuple(reasons))


def rank(mentee: Mentee, mentors: Iterable[Mentor]) -> list[tuple[Mentor, Score]]:
    """Allowed mentors for ``mentee``, best score first (ties keep the given order)."""
    scored = [(mentor, score(mentee, mentor)) for mentor in mentors]
    allowed = [(mentor, result) for mentor, result in scored if result is not None]
    return sorted(allowed, key=lambda item: -item[1].total)


# --- the whole population at once --------------------------------------------------------
def _indicator(rows: Sequence[frozenset[str]], vocabulary: dict[str, int]):
    import numpy as np  # lazy: see the module's docstring

    matrix = np.zeros((len(rows), max(len(vocabulary), 1)), dtype=np.float64)
    for index, values in enumerate(rows):
        for value in values:
            position = vocabulary.get(value)
            if position is not None:
                matrix[index, position] = 1.0
    return matrix


def _overlap(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]):
    """How many values each left row shares with each right row (an integer matrix)."""
    import numpy as np  # lazy: see the module's docstring

    vocabulary = {}
    for values in right:
        for value in values:
            vocabulary.setdefault(value, len(vocabulary))
    counts = _indicator(left, vocabulary) @ _indicator(right, vocabulary).T
    return np.rint(counts).astype(np.int64)


def score_matrix(
    mentees: Sequence[Mentee], mentors: Sequence[Mentor], forbidden: Collection[tuple] = ()
):
    """Every pair's score as an integer matrix (mentees × mentors); -1 where not allowed
    (no shared language, or a ``(mentee id, mentor id)`` pair in ``forbidden``).

    The same numbers as :func:`score`, computed with array operations so that thousands of
    people are scored in well under a second.
    """
    import numpy as np  # lazy: see the module's docstring

    shared_languages = _overlap(
        [_folded(m.languages) for m in mentees], [_folded(m.languages) for m in mentors]
    )
    expertise = _overlap(
        [_folded(m.interests) for m in mentees],
        [_folded(m.expertise) for m in mentors],
    )
    themes = _overlap(
        [frozenset(m.themes) for m in mentees], [frozenset(m.themes) for m in mentors]
    )
    organisations = _overlap(
        [frozenset(m.organisation_types) for m in mentees],
        [frozenset(m.organisation_types) for m in mentors],
    )
    total = LANGUAGE_POINTS + EXPERTISE_POINTS * np.minimum(expertise, EXPERTISE_CAP)
    total = total + THEME_POINTS * np.minimum(themes, THEME_CAP)
    regions_left = np.array([m.region or "" for m in mentees], dtype=object)
    regions_right = np.array([m.region or "" for m in mentors], dtype=object)
    same_region = (regions_left[:, None] == regions_right[None, :]) & (regions_left[:, None] != "")
    total = total + REGION_POINTS * same_region
    left = np.array([np.nan if m.utc_offset is None else m.utc_offset for m in mentees])
    right = np.array([np.nan if m.utc_offset is None else m.utc_offset for m in mentors])
    with np.errstate(invalid="ignore"):
        difference = np.abs(left[:, None] - right[None, :]) % 24
        hours = np.minimum(difference, 24 - difference)
        points = np.zeros(hours.shape, dtype=np.int64)
        for limit, step_points in reversed(TIMEZONE_STEPS):
            points = np.where(hours <= limit, step_points, points)
    total = total + points
    has_left = np.array([bool(m.organisation_types) for m in mentees])
    has_right = np.array([bool(m.organisation_types) for m in mentors])
    across = has_left[:, None] & has_right[None, :] & (organisations == 0)
    total = total + ORGANISATION_POINTS * across
    result = np.where(shared_languages > 0, total, -1).astype(np.int64)
    if forbidden:
        mentee_index = {m.id: i for i, m in enumerate(mentees)}
        mentor_index = {m.id: j for j, m in enumerate(mentors)}
        for mentee_id, mentor_id in forbidden:
            i, j = mentee_index.get(mentee_id), mentor_index.get(mentor_id)
            if i is not None and j is not None:
                result[i, j] = -1
    return result


def assign(
    mentees: Sequence[Mentee], mentors: Sequence[Mentor], forbidden: Collection[tuple] = ()
) -> list[Pair]:
    """The optimal assignment: most mentees matched, then the highest total score.

    Every pair shares a language, is not in ``forbidden`` (``(mentee id, mentor id)`` pairs:
    blocks, people already paired) and no mentor gets more mentees than their capacity.
    Returns the pairs (with their score and reasons) in the order of ``mentees``.
    """
    import numpy as np  # lazy: see the module's docstring
    from scipy.optimize import linear_sum_assignment

    mentees = list(mentees)
    mentors = [mentor for mentor in mentors if mentor.capacity > 0]
    if not mentees or not mentors:
        return []
    weights = score_matrix(mentees, mentors, forbidden)
    allowed = weights >= 0
    # Only mentees with some allowed mentor take part, and a mentor never needs more slots
    # than the mentees they could take: a smaller problem with the same optimum.
    rows = np.flatnonzero(allowed.any(axis=1))
    if rows.size == 0:
        return []
    reachable = allowed[rows].sum(axis=0)
    slots = np.repeat(
        np.arange(len(mentors)),
        [min(mentor.capacity, int(n)) for mentor, n in zip(mentors, reachable, strict=True)],
    )
    big = MAX_SCORE * min(rows.size, slots.size) + 1
    profit = np.where(allowed[rows], weights[rows] + big, 0)[:, slots].astype(np.float64)
    chosen_rows, chosen_slots = linear_sum_assignment(profit, maximize=True)
    pairs = {}
    for row, slot in zip(chosen_rows, chosen_slots, strict=True):
        mentee_index, mentor_index = int(rows[row]), int(slots[slot])
        if allowed[mentee_index, mentor_index]:
            pairs[mentee_index] = mentor_index
    result = []
    for mentee_index in sorted(pairs):
        mentee, mentor = mentees[mentee_index], mentors[pairs[mentee_index]]
        explained = score(mentee, mentor)
        result.append(Pair(mentee.id, mentor.id, explained.total, explained.reasons))
    return result


def total_score(pairs: Iterable[Pair]) -> int:
    return sum(pair.score for pair in pairs)
