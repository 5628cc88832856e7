import pytest

from innovations.models import TeamMember
from tests.factories import ApplicantFactory, InnovationFactory, StaffFactory, UserFactory


@pytest.fixture
def owner(db):
    return UserFactory(display_name="Olu Owner")


@pytest.fixture
def teammate(db):
    return UserFactory(display_name="Tara Team")


@pytest.fixture
def roles(owner, teammate):
    """Every role a visibility test walks: a viewer (or None) per name."""
    return {
        "visitor": None,
        "applicant": ApplicantFactory(),
        "member": UserFactory(),
        "owner": owner,
        "team": teammate,
        "moderator": StaffFactory(),
    }


@pytest.fixture
def make_innovation(owner, teammate):
    def make(**kwargs):
        innovation = InnovationFactory(owner=owner, **kwargs)
        TeamMember.objects.create(innovation=innovation, user=teammate)
        return innovation

    return make
