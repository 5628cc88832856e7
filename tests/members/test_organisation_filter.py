"""The organisations' list is filtered by a country typed by name, as the forms take one."""

import re

import pytest

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(db):
    OrganisationFactory(name="Alpha", country="KE")
    OrganisationFactory(name="Gamma", country="JO")


def listed(client, query, prefix=""):
    response = client.get(f"{prefix}/organisations/?{query}", HTTP_ACCEPT_LANGUAGE=prefix[1:])
    return [organisation.name for organisation in response.context["page_obj"]]


@pytest.mark.parametrize(
    "prefix, typed", [("", "Jordan"), ("", "jo"), ("/fr", "Jordanie"), ("/es", "jordania")]
)
def test_organisations_are_found_by_a_country_typed_by_name_or_code(
    client, organisations, prefix, typed
):
    assert listed(client, f"country={typed}", prefix) == ["Gamma"]


def test_the_chosen_country_shows_by_name_and_an_unknown_one_filters_nothing(client, organisations):
    html = client.get("/organisations/?country=JO").content.decode()
    assert re.search(r'<input type="text" name="country" value="Jordan"', html)
    assert listed(client, "country=Atlantis") == ["Alpha", "Gamma"]
