import pytest

from tests.factories import ApplicantFactory, StaffFactory, UserFactory


@pytest.fixture
def member(db):
    return UserFactory(display_name="Mercy Member")


@pytest.fixture
def other_member(db):
    return UserFactory(display_name="Omar Other")


@pytest.fixture
def applicant(db):
    return ApplicantFactory(display_name="Ana Applicant")


@pytest.fixture
def moderator(db):
    return StaffFactory(display_name="Mo Moderator")


def login(client, user):
    client.force_login(user)
    return client
