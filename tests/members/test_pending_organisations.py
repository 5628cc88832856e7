"""Nothing public from strangers: an organisation named at sign-up waits, seen by its applicant
and staff alone, until a moderator approves the applicant, or merges it into the organisation
it duplicates."""

import pytest

from innovations.models import Innovation
from members import services
from members.models import Affiliation, Organisation
from network.models import AuditEntry
from tests.factories import (
    ApplicantFactory,
    InnovationFactory,
    OrganisationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NAME = "Zanzibar Spice Skills Hub"


@pytest.fixture
def applicant(client):
    client.post(
        "/accounts/signup/",
        {
            "email": "amani@example.org", "password1": "a-strong-passphrase-42",
            "password2": "a-strong-passphrase-42", "display_name": "Amani", "organisation": "",
            "new_organisation_name": NAME, "organisation_type": "tvet", "role": "Director",
            "country": "TZ", "motivation": "We train spice farmers' children.", "website": "",
        },
    )  # fmt: skip
    client.logout()
    applicant = Affiliation.objects.get(organisation__name=NAME).user
    assert Organisation.objects.get(name=NAME).pending
    return applicant


def seen(client, organisation) -> dict:
    return {
        "page": client.get(f"/organisations/{organisation.slug}/").status_code == 200,
        "list": NAME in client.get("/organisations/").content.decode(),
        "search": NAME in client.get("/search/", {"q": "zanzibar spice"}).content.decode(),
        "sign-up choices": NAME in client.get("/accounts/signup/").content.decode(),
    }


NOWHERE = {"page": False, "list": False, "search": False, "sign-up choices": False}


def test_a_pending_organisation_is_invisible_to_visitors_members_and_search(client, applicant):
    organisation = Organisation.objects.get(name=NAME)
    assert seen(client, organisation) == NOWHERE
    client.force_login(UserFactory())
    assert seen(client, organisation) | {"sign-up choices": False} == NOWHERE
    client.force_login(ApplicantFactory())
    assert seen(client, organisation)["page"] is False
    # Its applicant and staff see it.
    client.force_login(applicant)
    assert client.get(f"/organisations/{organisation.slug}/").status_code == 200
    client.force_login(StaffFactory())
    assert client.get(f"/organisations/{organisation.slug}/").status_code == 200


def test_approving_the_applicant_makes_their_organisation_seen(client, applicant):
    services.application_approve(user=applicant, moderator=StaffFactory())
    organisation = Organisation.objects.get(name=NAME)
    assert not organisation.pending
    assert AuditEntry.objects.filter(action="organisation_approved").exists()
    page = seen(client, organisation)
    assert (page["page"], page["list"], page["search"]) == (True, True, True)


def test_a_duplicate_is_merged_into_the_organisation_it_repeats(client, applicant):
    moderator = StaffFactory()
    duplicate = Organisation.objects.get(name=NAME)
    existing = OrganisationFactory(name="Zanzibar Spice Skills Hub (ZSSH)")
    innovation = InnovationFactory(organisation=duplicate)
    client.force_login(moderator)
    response = client.post(
        "/admin/members/organisation/",
        {"action": "merge", "_selected_action": [duplicate.pk], "into": existing.pk},
    )
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    assert Affiliation.objects.get(user=applicant).organisation == existing
    assert Innovation.objects.get(pk=innovation.pk).organisation == existing
    assert AuditEntry.objects.get(action="organisation_merged").object_id == str(existing.pk)
