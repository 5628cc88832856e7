"""Who is listed, written once (``User.objects.listed_for``): a suspended member, a profile
hidden after reports, a profile hidden from the directory and an applicant appear in no list,
count, facet or choice — the directory, its filters, the organisations' list and page,
search, the mentor list, the weekly digest and the open-data exports — for any viewer; and
every count agrees with its list."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from innovations.digest import new_innovations_section
from members.models import SpokenLanguage, User
from tests.factories import (
    AffiliationFactory,
    ApplicantFactory,
    InnovationFactory,
    MentorProfileFactory,
    OrganisationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

VIEWERS = ("visitor", "applicant", "member", "staff")


def _person(factory, name, skill, organisation, *, visibility="public", **fields):
    user = factory(display_name=name, **fields)
    profile = user.profile
    profile.visibility = visibility
    for field in ("organisation", "country", "expertise", "bio", "links"):
        setattr(profile, f"{field}_visibility", "public")
    profile.country = "KE"
    profile.open_to_mentor = True
    profile.save()
    profile.expertise.set([skill])
    SpokenLanguage.objects.create(profile=profile, code="sw")
    AffiliationFactory(user=user, organisation=organisation)
    return user


@pytest.fixture
def world():
    organisation = OrganisationFactory(name="Mombasa Polytechnic", slug="mombasa-poly")
    listed = {
        "Lina Listed": _person(UserFactory, "Lina Listed", "welding", organisation),
        # Members-only: listed for members and staff, not for visitors and applicants.
        "Mona Members": _person(
            UserFactory, "Mona Members", "welding", organisation, visibility="members"
        ),
    }
    unlisted = {
        "Sam Suspended": _person(
            UserFactory, "Sam Suspended", "suspended-skill", organisation,
            is_active=False, suspended_at=timezone.now(),
        ),
        "Hana Hidden": _person(UserFactory, "Hana Hidden", "reported-skill", organisation),
        "Vera Veiled": _person(
            UserFactory, "Vera Veiled", "veiled-skill", organisation, visibility="hidden"
        ),
        "Abe Applicant": _person(ApplicantFactory, "Abe Applicant", "applicant-skill", organisation),
    }  # fmt: skip
    hidden = unlisted["Hana Hidden"].profile
    hidden.hidden_at = timezone.now()
    hidden.save()
    for user in [*listed.values(), *unlisted.values()]:
        MentorProfileFactory(user=user)
    return organisation, listed, unlisted


def _client(client, role):
    if role == "visitor":
        return client
    factory = {"applicant": ApplicantFactory, "member": UserFactory, "staff": StaffFactory}[role]
    client.force_login(factory(display_name=f"The {role}"))
    return client


def _expected(listed, role):
    names = {"Lina Listed"}
    if role in ("member", "staff"):
        names.add("Mona Members")
    return names


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("role", VIEWERS)
def test_directory_lists_and_counts_only_listed_members(client, world, role):
    _organisation, listed, unlisted = world
    client = _client(client, role)
    html = _page(client, "/members/?q=a")
    expected = _expected(listed, role)
    for name in expected:
        assert name in html
    for name in unlisted:
        assert name not in html
    response = client.get("/members/")
    page = response.context["page_obj"]
    # The viewer is listed too when a member: count people, not pages.
    shown = {str(user) for user in page.object_list}
    assert expected <= shown
    assert not shown & set(unlisted)
    assert (
        page.paginator.count
        == len(shown)
        == User.objects.listed_for(response.wsgi_request.user).count()
    )


@pytest.mark.parametrize("role", VIEWERS)
def test_directory_facets_and_expertise_choices_come_from_listed_members_only(client, world, role):
    _organisation, listed, unlisted = world
    client = _client(client, role)
    response = client.get("/members/")
    facets = response.context["facets"]
    expected = len(_expected(listed, role))
    choices = {value for value, _label in response.context["filter"].expertise_choices}
    assert choices == {"welding"}
    assert {o["value"]: o["count"] for o in facets["expertise"]} == {"welding": expected}
    assert {o["value"]: o["count"] for o in facets["country"]} == {"KE": expected}
    assert {o["value"]: o["count"] for o in facets["region"]} == {"africa": expected}
    assert {o["value"]: o["count"] for o in facets["organisation_type"]} == {"tvet": expected}
    assert {o["value"]: o["count"] for o in facets["language"]} == {"sw": expected}
    assert facets["mentors"] == expected
    # A hidden member's skill finds nobody, not even as a refused choice that echoes it.
    html = _page(client, "/members/?expertise=suspended-skill")
    for name in unlisted:
        assert name not in html


@pytest.mark.parametrize("role", VIEWERS)
def test_organisations_count_and_list_only_listed_members(client, world, role):
    organisation, listed, unlisted = world
    client = _client(client, role)
    expected = _expected(listed, role)
    html = _page(client, "/organisations/")
    count = len(expected)
    assert re.search(rf"{count} members?\b", html)
    page = _page(client, f"/organisations/{organisation.slug}/")
    for name in expected:
        assert name in page
    for name in unlisted:
        assert name not in page
    # The count on the list is the number of people the page names.
    assert page.count('class="link-list"') >= 1
    assert sum(page.count(name) for name in expected) >= count


@pytest.mark.parametrize("role", VIEWERS)
def test_search_finds_only_listed_members(client, world, role):
    _organisation, listed, unlisted = world
    client = _client(client, role)
    for name in [*listed, *unlisted]:
        response = client.get("/search/", {"q": name, "type": "members"})
        found = name in _expected(listed, role)
        group = next(g for g in response.context["groups"] if g["source"].key == "members")
        assert [item["title"] for item in group["items"]] == ([name] if found else []), name
        assert group["count"] == (1 if found else 0)
        # The page names the member only as a result (the query itself is echoed once).
        assert response.content.decode().count(f">{name}</a>") == (1 if found else 0)


@pytest.mark.parametrize("role", ["member", "staff"])
def test_mentor_list_shows_no_suspended_hidden_or_applicant_mentor(client, world, role):
    _organisation, _listed, _unlisted = world
    client = _client(client, role)
    html = _page(client, "/mentoring/mentors/")
    assert "Lina Listed" in html
    for name in ("Sam Suspended", "Hana Hidden", "Abe Applicant"):
        assert name not in html


def test_profile_pages_follow_the_same_rule(client, world):
    _organisation, listed, unlisted = world
    for name, user in unlisted.items():
        assert client.get(user.get_absolute_url()).status_code == 404, name
    client.force_login(UserFactory())
    for name in ("Sam Suspended", "Hana Hidden", "Abe Applicant"):
        assert client.get(unlisted[name].get_absolute_url()).status_code == 404, name
    # Hidden from the directory, not from members who have the link.
    assert client.get(unlisted["Vera Veiled"].get_absolute_url()).status_code == 200
    assert client.get(listed["Mona Members"].get_absolute_url()).status_code == 200


@pytest.mark.parametrize("role", VIEWERS)
def test_digests_and_open_data_leave_out_the_work_of_a_suspended_member(client, world, role):
    """The weekly digest and the open-data exports (the same for every viewer, staff too) show
    a suspended member's innovations no more than the showcase does to members (the same
    anti-join, ``members.models.by_unsuspended``)."""
    _organisation, listed, unlisted = world
    for owner in (listed["Lina Listed"], unlisted["Sam Suspended"]):
        InnovationFactory(owner=owner, title=f"Work of {owner.display_name}").tags.add("kilns")
    reader = UserFactory()
    reader.profile.interests.set(["kilns"])
    digest = new_innovations_section([reader], timezone.now() - timedelta(days=7))[reader.pk]
    assert [item.title for item in digest.items] == ["Work of Lina Listed"]
    client = _client(client, role)
    for path in ("/innovations/export.csv", "/innovations/export.json"):
        response = client.get(path)
        assert response.status_code == 200
        page = b"".join(response).decode()  # the exports are streamed
        assert "Work of Lina Listed" in page, path
        assert "Work of Sam Suspended" not in page, path
