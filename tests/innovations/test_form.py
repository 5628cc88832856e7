"""The innovation form as a member on a phone meets it: countries ticked region by region,
a "remove" control only when there is a cover to remove, their organisation chosen for them
when they belong to one; and the adoption form's country typed by name."""

import io
import re

import pytest
from PIL import Image

from innovations.models import Adoption, Innovation
from tests.factories import AffiliationFactory, InnovationFactory, UserFactory
from tests.innovations.test_workflow import full_form

pytestmark = pytest.mark.django_db
NEW = "/innovations/new/"


def ticked_countries(html) -> list[str]:
    return sorted(re.findall(r'name="countries" value="([A-Z]{2})" checked', html))


def region(html, name) -> str:
    """A region's fold: its summary (with the count of ticked countries) and its fieldset."""
    return re.search(rf"<details><summary>{name} .*?</details>", html, re.S).group(0)


def cover_file():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 60)).save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = "cover.png"
    return buffer


@pytest.fixture
def owner_client(client, owner):
    client.force_login(owner)
    return client


def test_countries_are_ticked_region_by_region_without_holding_ctrl(owner_client):
    html = owner_client.get(NEW).content.decode()
    assert "Hold Ctrl" not in html
    assert ticked_countries(html) == []
    africa = region(html, "Africa")
    assert '<legend class="visually-hidden">Africa</legend>' in africa  # the group is named
    assert '<label><input type="checkbox" name="countries" value="KE"> Kenya</label>' in africa
    assert 'value="BR"' not in africa and 'value="BR"' in region(html, "Americas")
    assert len(re.findall(r'name="countries" value="', html)) == 249  # each country once
    for name in ["Arab States", "Asia and the Pacific", "Europe and Central Asia"]:
        assert '<span class="meta"></span>' in region(html, name)  # none chosen there


def test_ticked_countries_come_back_ticked_when_editing(owner_client, owner):
    innovation = InnovationFactory(
        owner=owner, status="draft", published_at=None,
        facets={"country": ["KE", "SN"], "region": ["africa"]},
    )  # fmt: skip
    edit = f"/innovations/{innovation.slug}/edit/"
    html = owner_client.get(edit).content.decode()
    assert ticked_countries(html) == ["KE", "SN"]
    assert '<summary>Africa <span class="meta">2 chosen</span></summary>' in html
    response = owner_client.post(
        edit, full_form(title=innovation.title, countries=["BR", "KE"], action="draft")
    )
    assert response.status_code == 302
    innovation = Innovation.objects.get(pk=innovation.pk)
    assert sorted(innovation.facet_values("country")) == ["BR", "KE"]
    assert sorted(innovation.facet_values("region")) == ["africa", "americas"]
    html = owner_client.get(edit).content.decode()
    assert ticked_countries(html) == ["BR", "KE"]
    assert '<summary>Africa <span class="meta">1 chosen</span></summary>' in html
    assert '<summary>Americas <span class="meta">1 chosen</span></summary>' in html


def test_countries_are_named_in_the_page_language(owner_client):
    html = owner_client.get("/fr" + NEW, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<input type="checkbox" name="countries" value="DE"> Allemagne</label>' in html


def test_remove_the_cover_is_offered_only_when_there_is_a_cover(owner_client, owner):
    assert "Remove the cover image" not in owner_client.get(NEW).content.decode()
    draft = InnovationFactory(owner=owner, status="draft", published_at=None)
    edit = f"/innovations/{draft.slug}/edit/"
    assert "Remove the cover image" not in owner_client.get(edit).content.decode()
    owner_client.post(edit, full_form(title=draft.title, cover_upload=cover_file(), action="draft"))
    assert Innovation.objects.get(pk=draft.pk).cover
    assert "Remove the cover image" in owner_client.get(edit).content.decode()
    owner_client.post(edit, full_form(title=draft.title, remove_cover="on", action="draft"))
    assert not Innovation.objects.get(pk=draft.pk).cover
    assert "Remove the cover image" not in owner_client.get(edit).content.decode()


def test_a_cover_waiting_for_review_can_be_removed(owner_client, owner):
    """A published innovation's new cover waits for a moderator; the team may take it back."""
    published = InnovationFactory(owner=owner)
    edit = f"/innovations/{published.slug}/edit/"
    owner_client.post(edit, full_form(title=published.title, cover_upload=cover_file()))
    assert not Innovation.objects.get(pk=published.pk).cover  # not public yet
    assert "Remove the cover image" in owner_client.get(edit).content.decode()


def chosen_organisations(html) -> list[int]:
    select = re.search(r'<select name="organisation".*?</select>', html, re.S).group(0)
    return [int(pk) for pk in re.findall(r'<option value="(\d+)" selected>', select)]


def test_a_member_of_one_organisation_finds_it_chosen(client):
    member = UserFactory()
    organisation = AffiliationFactory(user=member).organisation
    client.force_login(member)
    assert chosen_organisations(client.get(NEW).content.decode()) == [organisation.pk]
    # Chosen for a new innovation only: an existing one keeps having none.
    innovation = InnovationFactory(owner=member, status="draft", published_at=None)
    edit = client.get(f"/innovations/{innovation.slug}/edit/").content.decode()
    assert chosen_organisations(edit) == []


def test_a_member_of_two_organisations_chooses_one(client):
    member = UserFactory()
    AffiliationFactory(user=member)
    AffiliationFactory(user=member)
    client.force_login(member)
    assert chosen_organisations(client.get(NEW).content.decode()) == []


@pytest.mark.parametrize("typed", ["Ghana", "ghana", "GH"])
def test_an_adoption_country_is_typed_by_name_or_code(client, typed):
    innovation = InnovationFactory()
    client.force_login(UserFactory())
    client.post(
        f"/innovations/{innovation.slug}/adoptions/",
        {"organisation_name": "Volta TVET", "country": typed, "adaptation": ""},
    )
    assert str(Adoption.objects.get().country) == "GH"


def test_an_unknown_adoption_country_is_refused_with_a_message(client):
    innovation = InnovationFactory()
    client.force_login(UserFactory())
    response = client.post(
        f"/innovations/{innovation.slug}/adoptions/",
        {"organisation_name": "Volta TVET", "country": "Westeros", "adaptation": "In Twi zq"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose a country from the list, or type its name in full." in html
    # Nothing typed is lost: the form comes back with it.
    assert 'value="Volta TVET"' in html
    assert "In Twi zq" in html
    assert not Adoption.objects.exists()


def test_adoptions_are_reported_on_a_page_of_their_own(client):
    """The innovation's page links to the form rather than carrying it (and its list of every
    country) to every member who reads it; the team records, others report."""
    innovation = InnovationFactory()
    adoption_url = f"/innovations/{innovation.slug}/adoptions/"
    client.force_login(UserFactory())
    page = client.get(innovation.get_absolute_url()).content.decode()
    assert f'href="{adoption_url}"' in page
    assert "Report an adoption" in page
    assert 'name="organisation_name"' not in page
    form = client.get(adoption_url).content.decode()
    assert 'name="organisation_name"' in form
    assert "The team confirms an adoption before it shows in the ledger." in form

    client.force_login(innovation.owner)
    assert "Record an adoption" in client.get(adoption_url).content.decode()
    response = client.post(
        adoption_url, {"organisation_name": "Volta TVET", "country": "GH", "adaptation": ""}
    )
    assert response.url == innovation.get_absolute_url() + "#adoptions"
    assert Adoption.objects.get().organisation_name == "Volta TVET"
