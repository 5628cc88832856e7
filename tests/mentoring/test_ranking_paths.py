"""Find a mentor ranks from plain rows and loads only the page's cards: the same ranking,
reasons and explanations as the full path (``rank(card_queryset(...))``), so that the two
cannot drift apart."""

from itertools import cycle, islice

import pytest
from django.utils import timezone

from members.models import visible_levels
from mentoring import ranking
from mentoring.models import MentorProfile
from tests.factories import (
    AffiliationFactory,
    InnovationFactory,
    MentorProfileFactory,
    MentorshipFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.mentoring.conftest import T0, speaks

pytestmark = [pytest.mark.django_db]

LANGUAGES = [["en"], ["fr"], ["en", "es"], ["es"], ["pt"], ["fr", "en"], ["ar"]]
THEMES = [[], ["green-skills"], ["digital-skills", "green-skills"], ["digital-skills"]]
EXPERTISE = [["apprenticeships"], ["rpl", "Apprenticeships"], [], ["financing"], ["RPL"]]
COUNTRIES = ["KE", "FR", "", "BR", "NG", "IN"]
TIMEZONES = ["UTC", "Africa/Nairobi", "Europe/Paris", "America/Sao_Paulo", "Asia/Kolkata", "X/Y"]
VISIBILITY = ["public", "members", "hidden"]
ORGANISATION_TYPES = [[], ["tvet"], ["company"], ["ngo", "tvet"]]
# Shared and empty display names exercise the name tie-break (str(user): the username).
NAMES = ["Ama", "ama", "", "Zoë", "Bruno", "Ama", "Émile", "chen"]


def nth(values, index):
    return next(islice(cycle(values), index, None))


@pytest.fixture
def mentors(db):
    organisations = {kind: OrganisationFactory(type=kind) for kind in ("tvet", "company", "ngo")}
    for index in range(30):
        user = UserFactory(display_name=nth(NAMES, index), timezone=nth(TIMEZONES, index + 1))
        profile = user.profile
        profile.country = nth(COUNTRIES, index)
        profile.country_visibility = nth(VISIBILITY, index + index // 6)
        profile.organisation_visibility = nth(VISIBILITY, index // 3)
        profile.save()
        for kind in nth(ORGANISATION_TYPES, index):
            AffiliationFactory(user=user, organisation=organisations[kind])
        mentor = MentorProfileFactory(
            user=user,
            languages=nth(LANGUAGES, index),
            themes=nth(THEMES, index),
            expertise=nth(EXPERTISE, index),
            formats=["video"],
            capacity=1 + index % 3,
            availability="paused" if index % 7 == 3 else "available",
        )
        for _ in range(index % 4):
            MentorshipFactory(mentor=mentor.user)
    return MentorProfile.objects.all()


@pytest.fixture
def viewer(db):
    user = speaks(UserFactory(timezone="Africa/Nairobi"), "en", "fr")
    user.profile.country = "KE"
    user.profile.save()
    user.profile.interests.set(["apprenticeships", "rpl"])
    AffiliationFactory(user=user, organisation=OrganisationFactory(type="tvet"))
    InnovationFactory(owner=user, facets={"theme": ["green-skills", "digital-skills"]})
    return user


def summary(items):
    return [
        (item.mentor.pk, item.score, item.reasons, item.explanations, item.mentor.is_accepting)
        for item in items
    ]


def test_scoring_from_rows_ranks_exactly_like_the_full_path(mentors, viewer):
    levels = visible_levels(viewer)
    mentee = ranking.member_features(viewer, now=T0)
    base = MentorProfile.objects.visible_to(viewer).listed().exclude(user=viewer)
    full = ranking.rank(list(ranking.card_queryset(base)), mentee, levels=levels, now=T0)
    scored = ranking.score_candidates(base, mentee, levels=levels, now=T0)
    light = ranking.cards_for(base, scored)
    assert len(full) == 30
    assert summary(light) == summary(full)
    assert [item.accepting for item in scored] == [item.mentor.is_accepting for item in full]
    assert [item.name for item in scored] == [str(item.mentor.user) for item in full]
    # The set is varied enough to test something: scores, exclusions and reasons differ.
    assert len({item.score for item in full}) >= 6
    assert any(item.score is None for item in full)
    assert {reason.kind for item in full for reason in item.reasons} == {
        "language", "expertise", "theme", "region", "timezone", "organisation"
    }  # fmt: skip


def test_pages_show_the_full_ranking_in_order(client, mentors, viewer):
    from mentoring.views.mentors import PAGE_SIZE

    levels = visible_levels(viewer)
    base = MentorProfile.objects.visible_to(viewer).listed().exclude(user=viewer)
    client.force_login(viewer)
    pages = [client.get(f"/mentoring/mentors/?page={n}").context["page_obj"] for n in (1, 2)]
    # The view ranks at its own "now", moments earlier: the same UTC offsets.
    mentee = ranking.member_features(viewer)
    full = ranking.rank(
        list(ranking.card_queryset(base)), mentee, levels=levels, now=timezone.now()
    )
    assert pages[0].paginator.count == 30
    assert summary(pages[0]) == summary(full[:PAGE_SIZE])
    assert summary(pages[1]) == summary(full[PAGE_SIZE:])
    # Out of range: the last page, as before.
    last = client.get("/mentoring/mentors/?page=99").context["page_obj"]
    assert last.number == 2 and summary(last) == summary(full[PAGE_SIZE:])
