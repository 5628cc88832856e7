import pytest

from tests.factories import ApplicantFactory, StaffFactory, UserFactory


@pytest.fixture
def contributor(db):
    return UserFactory(display_name="Cora Contributor")


@pytest.fixture
def roles(contributor):
    """Every role a visibility test walks: a viewer (or None) per name."""
    return {
        "visitor": None,
        "applicant": ApplicantFactory(),
        "member": UserFactory(),
        "contributor": contributor,
        "moderator": StaffFactory(),
    }


def as_role(client, roles, role):
    client.logout()
    if roles[role] is not None:
        client.force_login(roles[role])
    return client
