from datetime import UTC, datetime

import pytest

from members.models import SpokenLanguage
from tests.factories import (
    ApplicantFactory,
    MentorProfileFactory,
    StaffFactory,
    UserFactory,
)

# The controllable clock: services and scans take ``now=``.
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def speaks(user, *codes):
    for code in codes:
        SpokenLanguage.objects.get_or_create(profile=user.profile, code=code)
    return user


@pytest.fixture
def mentor(db):
    """An available mentor (capacity 2), English and French, apprenticeships and RPL."""
    user = speaks(UserFactory(display_name="Marta Mentor"), "en", "fr")
    return MentorProfileFactory(
        user=user, languages=["en", "fr"], expertise=["apprenticeships", "rpl"],
        themes=["green-skills"],
    )  # fmt: skip


@pytest.fixture
def mentee(db):
    user = speaks(UserFactory(display_name="Emeka Mentee"), "en")
    user.profile.interests.set(["apprenticeships"])
    return user


@pytest.fixture
def other_mentor(db):
    user = speaks(UserFactory(display_name="Otto Other"), "en")
    return MentorProfileFactory(user=user, expertise=["financing"])


@pytest.fixture
def roles(mentor, mentee, other_mentor):
    """Every role a visibility test walks: a viewer (or None) per name."""
    return {
        "visitor": None,
        "applicant": ApplicantFactory(),
        "member": UserFactory(),
        "mentee": mentee,
        "mentor": mentor.user,
        "other_mentor": other_mentor.user,
        "staff": StaffFactory(),
    }


def as_role(client, roles, role):
    client.logout()
    if roles[role] is not None:
        client.force_login(roles[role])
    return client
