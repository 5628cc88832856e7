"""What the forms for a resource offer before anything is typed: the member's organisation
when they belong to one, and a "remove the file" control only when there is a file."""

import re

import pytest

from tests.factories import AffiliationFactory, ResourceFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
CONTRIBUTE = "/resources/contribute/"


def chosen_organisations(html) -> list[int]:
    select = re.search(r'<select name="organisation".*?</select>', html, re.S).group(0)
    return [int(pk) for pk in re.findall(r'<option value="(\d+)" selected>', select)]


def test_a_member_of_one_organisation_finds_it_chosen(client):
    member = UserFactory()
    organisation = AffiliationFactory(user=member).organisation
    client.force_login(member)
    assert chosen_organisations(client.get(CONTRIBUTE).content.decode()) == [organisation.pk]


def test_a_member_of_two_organisations_chooses_one(client):
    member = UserFactory()
    AffiliationFactory(user=member)
    AffiliationFactory(user=member)
    client.force_login(member)
    assert chosen_organisations(client.get(CONTRIBUTE).content.decode()) == []


def test_staff_are_offered_to_remove_a_file_only_when_there_is_one(client):
    client.force_login(StaffFactory(is_superuser=True))
    checkbox = 'type="checkbox" name="remove_file"'
    assert checkbox not in client.get("/admin/resources/resource/add/").content.decode()
    link = ResourceFactory(link="https://www.ilo.org/guide")
    assert (
        checkbox not in client.get(f"/admin/resources/resource/{link.pk}/change/").content.decode()
    )
    stored = ResourceFactory()
    assert checkbox in client.get(f"/admin/resources/resource/{stored.pk}/change/").content.decode()
