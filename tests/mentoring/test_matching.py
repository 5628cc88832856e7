"""The matching engine (a pure module): scores and reasons, and an assignment that equals brute
force on hundreds of random small instances and keeps every capacity and language rule."""

import itertools
import random

import pytest

from mentoring import matching
from mentoring.matching import Mentee, Mentor, assign, score, score_matrix

# No database: the engine is pure.

LANGUAGES = ["en", "fr", "es", "ar"]
TAGS = ["apprenticeships", "rpl", "digital skills", "green skills", "financing", "gender"]
THEMES = ["digital-skills", "green-skills", "lifelong-learning", "financing-skills"]
REGIONS = ["africa", "americas", "arab-states", ""]
OFFSETS = [-5, -3, 0, 1, 2, 3, 5.5, 9, None]
TYPES = ["tvet", "government", "ngo", "academia"]


def random_person(rng):
    return {
        "languages": frozenset(rng.sample(LANGUAGES, rng.choice([0, 1, 1, 2, 2, 3]))),
        "themes": frozenset(rng.sample(THEMES, rng.randint(0, 2))),
        "region": rng.choice(REGIONS),
        "utc_offset": rng.choice(OFFSETS),
        "organisation_types": frozenset(rng.sample(TYPES, rng.randint(0, 2))),
    }


def random_instance(rng):
    mentees = [
        Mentee(id=f"e{i}", interests=frozenset(rng.sample(TAGS, rng.randint(0, 3))),
               **random_person(rng))
        for i in range(rng.randint(1, 6))
    ]  # fmt: skip
    mentors = [
        Mentor(id=f"m{j}", expertise=frozenset(rng.sample(TAGS, rng.randint(0, 4))),
               capacity=rng.randint(0, 3), **random_person(rng))
        for j in range(rng.randint(1, 3))
    ]  # fmt: skip
    forbidden = {
        (e.id, m.id) for e in mentees for m in mentors if rng.random() < 0.1
    }  # blocks, pairs already mentoring
    return mentees, mentors, forbidden


def brute_force(mentees, mentors, forbidden):
    """The best (number matched, total score) over every possible assignment."""
    options = []
    for mentee in mentees:
        allowed = [None]
        for index, mentor in enumerate(mentors):
            result = score(mentee, mentor)
            if result is not None and (mentee.id, mentor.id) not in forbidden:
                allowed.append((index, result.total))
        options.append(allowed)
    best = (0, 0)
    for choice in itertools.product(*options):
        used = [0] * len(mentors)
        matched = total = 0
        for option in choice:
            if option is not None:
                used[option[0]] += 1
                matched += 1
                total += option[1]
        if all(used[j] <= mentors[j].capacity for j in range(len(mentors))):
            best = max(best, (matched, total))
    return best


def check_rules(pairs, mentees, mentors, forbidden):
    by_id = {m.id: m for m in mentors}
    mentee_by_id = {m.id: m for m in mentees}
    assert len({pair.mentee_id for pair in pairs}) == len(pairs)  # each mentee at most once
    for mentor in mentors:
        assert sum(pair.mentor_id == mentor.id for pair in pairs) <= mentor.capacity
    for pair in pairs:
        mentee, mentor = mentee_by_id[pair.mentee_id], by_id[pair.mentor_id]
        assert mentee.languages & mentor.languages  # a shared language, always
        assert (pair.mentee_id, pair.mentor_id) not in forbidden
        assert pair.score == score(mentee, mentor).total


def test_assignment_equals_brute_force_on_300_random_instances():
    rng = random.Random(20240611)
    compared = contested = 0
    for _ in range(300):
        mentees, mentors, forbidden = random_instance(rng)
        pairs = assign(mentees, mentors, forbidden)
        check_rules(pairs, mentees, mentors, forbidden)
        best = brute_force(mentees, mentors, forbidden)
        assert (len(pairs), matching.total_score(pairs)) == best
        compared += 1
        contested += 0 < best[0] < len(mentees)  # someone left out: the choice mattered
    assert compared == 300
    assert contested >= 150


def test_one_more_matched_pair_beats_any_gain_in_score():
    # m1 could give Ana a great score, but then Ben (who only speaks French) is left out.
    ana = Mentee(id="ana", languages=frozenset({"en", "fr"}), interests=frozenset({"rpl"}),
                 themes=frozenset({"green-skills"}), region="africa")  # fmt: skip
    ben = Mentee(id="ben", languages=frozenset({"fr"}))
    m1 = Mentor(id="m1", languages=frozenset({"en", "fr"}), expertise=frozenset({"RPL"}),
                themes=frozenset({"green-skills"}), region="africa", capacity=1)  # fmt: skip
    m2 = Mentor(id="m2", languages=frozenset({"en"}), capacity=1)
    pairs = assign([ana, ben], [m1, m2])
    assert {(p.mentee_id, p.mentor_id) for p in pairs} == {("ana", "m2"), ("ben", "m1")}


def test_no_shared_language_is_never_matched_even_with_free_places():
    mentee = Mentee(id=1, languages=frozenset({"ar"}), interests=frozenset({"rpl"}))
    mentor = Mentor(id=2, languages=frozenset({"en"}), expertise=frozenset({"rpl"}), capacity=5)
    assert score(mentee, mentor) is None
    assert assign([mentee], [mentor]) == []
    assert score_matrix([mentee], [mentor]).tolist() == [[-1]]


def test_capacity_is_respected_and_nobody_is_left_out_who_could_be_matched():
    mentees = [Mentee(id=i, languages=frozenset({"en"})) for i in range(7)]
    mentors = [
        Mentor(id="a", languages=frozenset({"en"}), capacity=3),
        Mentor(id="b", languages=frozenset({"en"}), capacity=2),
        Mentor(id="c", languages=frozenset({"en"}), capacity=0),
    ]
    pairs = assign(mentees, mentors)
    assert len(pairs) == 5
    assert sum(p.mentor_id == "a" for p in pairs) == 3
    assert sum(p.mentor_id == "b" for p in pairs) == 2
    assert not any(p.mentor_id == "c" for p in pairs)


def test_score_and_reasons():
    mentee = Mentee(
        id=1,
        languages=frozenset({"fr", "en"}),
        interests=frozenset({"Apprenticeships", "rpl", "financing", "gender"}),
        themes=frozenset({"green-skills", "digital-skills"}),
        region="africa",
        utc_offset=1,
        organisation_types=frozenset({"tvet"}),
    )
    mentor = Mentor(
        id=2,
        languages=frozenset({"fr"}),
        expertise=frozenset({"apprenticeships", "RPL", "financing", "gender", "other"}),
        themes=frozenset({"green-skills"}),
        region="africa",
        utc_offset=3,
        organisation_types=frozenset({"government"}),
    )
    result = score(mentee, mentor)
    # language 10 + expertise 3 × 10 (capped) + theme 6 + region 8 + 2 hours apart 6 + 4
    assert result.total == 64
    assert [(r.kind, r.points) for r in result.reasons] == [
        ("language", 10), ("expertise", 30), ("region", 8), ("theme", 6), ("timezone", 6),
        ("organisation", 4),
    ]  # fmt: skip
    assert result.reasons[0].values == ("fr",)
    assert result.reasons[1].values == ("apprenticeships", "financing", "gender", "RPL")
    assert result.reasons[4].values == (2,)


def test_a_score_reads_as_a_share_of_the_best_match_and_in_words():
    assert matching.MAX_SCORE == 76
    assert [matching.out_of_100(total) for total in (0, 10, 38, 76)] == [0, 13, 50, 100]
    # The floors of the words: 60 of 100 is strong, 35 good, anything less some common ground.
    assert [matching.strength(total) for total in (10, 26, 27, 45, 46, 76)] == [
        "some", "some", "good", "good", "strong", "strong"
    ]  # fmt: skip


def test_time_zone_closeness_goes_around_the_clock():
    assert matching.hours_apart(-11, 12) == 1
    assert matching.hours_apart(5.5, 0) == 5.5
    assert matching.hours_apart(None, 3) is None
    assert [matching.timezone_points(h) for h in (0, 2, 2.5, 5, 6, None)] == [6, 6, 3, 3, 0, 0]


@pytest.mark.parametrize("seed", range(5))
def test_matrix_scores_equal_pair_scores(seed):
    rng = random.Random(seed)
    mentees = [Mentee(id=i, interests=frozenset(rng.sample(TAGS, 3)), **random_person(rng))
               for i in range(30)]  # fmt: skip
    mentors = [Mentor(id=j, expertise=frozenset(rng.sample(TAGS, 3)), **random_person(rng))
               for j in range(20)]  # fmt: skip
    matrix = score_matrix(mentees, mentors)
    for i, mentee in enumerate(mentees):
        for j, mentor in enumerate(mentors):
            result = score(mentee, mentor)
            assert matrix[i][j] == (-1 if result is None else result.total)


def test_rank_puts_the_best_first_and_leaves_out_no_shared_language():
    mentee = Mentee(id=0, languages=frozenset({"es"}), interests=frozenset({"rpl"}))
    low = Mentor(id="low", languages=frozenset({"es"}))
    high = Mentor(id="high", languages=frozenset({"es"}), expertise=frozenset({"rpl"}))
    other = Mentor(id="other", languages=frozenset({"en"}), expertise=frozenset({"rpl"}))
    assert [m.id for m, _s in matching.rank(mentee, [low, other, high])] == ["high", "low"]


def test_empty_inputs():
    assert assign([], [Mentor(id=1, languages=frozenset({"en"}))]) == []
    assert assign([Mentee(id=1, languages=frozenset({"en"}))], []) == []
