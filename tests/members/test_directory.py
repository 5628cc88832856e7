import pytest
from django.utils import timezone

from members.models import SpokenLanguage
from tests.factories import AffiliationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def make_member(name, *, country="KE", expertise=(), languages=("en",), org_type="tvet",
                mentor=False, visibility="members"):  # fmt: skip
    user = UserFactory(display_name=name)
    profile = user.profile
    profile.country = country
    profile.open_to_mentor = mentor
    profile.visibility = visibility
    profile.save()
    profile.expertise.set(list(expertise))
    for code in languages:
        SpokenLanguage.objects.create(profile=profile, code=code)
    AffiliationFactory(user=user, organisation=OrganisationFactory(type=org_type, country=country))
    return user


def names(response):
    return [member.display_name for member in response.context["page_obj"]]


@pytest.fixture
def people():
    return [
        make_member("Alice", country="KE", expertise=["apprenticeships", "digital"], languages=["en", "sw"]),
        make_member("Bruno", country="BR", expertise=["digital"], languages=["pt", "es"], org_type="academia"),
        make_member("Chloé", country="SN", expertise=["apprenticeships"], languages=["fr"], mentor=True),
        make_member("Dana", country="KE", expertise=["apprenticeships", "digital"], languages=["en"], org_type="government"),
    ]  # fmt: skip


@pytest.fixture
def viewer_client(client):
    client.force_login(UserFactory(display_name="Zed Viewer"))
    return client


@pytest.mark.parametrize(
    "query, expected",
    [
        ("country=KE", ["Alice", "Dana"]),
        ("region=africa", ["Alice", "Chloé", "Dana"]),
        ("region=africa&expertise=digital", ["Alice", "Dana"]),
        ("expertise=apprenticeships&expertise=digital", ["Alice", "Dana"]),
        ("expertise=apprenticeships&expertise=digital&language=sw", ["Alice"]),
        ("organisation_type=academia", ["Bruno"]),
        ("organisation_type=government&country=KE", ["Dana"]),
        ("open_to_mentor=true", ["Chloé"]),
        ("language=fr&open_to_mentor=true", ["Chloé"]),
        ("q=brun", ["Bruno"]),
        ("q=digital&country=KE", ["Alice", "Dana"]),
        ("country=SN&language=en", []),
    ],
)
def test_directory_filters_combine(viewer_client, people, query, expected):
    response = viewer_client.get(f"/members/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


def test_directory_facet_counts_follow_the_other_filters(viewer_client, people):
    response = viewer_client.get("/members/?country=KE")
    facets = response.context["facets"]
    assert {o["value"]: o["count"] for o in facets["country"]} == {"BR": 1, "KE": 2, "SN": 1}
    assert {o["value"]: o["count"] for o in facets["expertise"]} == {
        "apprenticeships": 2,
        "digital": 2,
    }
    assert {o["value"]: o["count"] for o in facets["language"]} == {"en": 2, "sw": 1}


def test_directory_sorts(viewer_client, people):
    people[1].last_active = timezone.now()
    people[1].save()
    # The viewer is active right now; Bruno was active a moment before.
    assert names(viewer_client.get("/members/?sort=active"))[:2] == ["Zed Viewer", "Bruno"]
    assert names(viewer_client.get("/members/?sort=newest"))[:2] == ["Dana", "Chloé"]


def test_directory_pages_by_24(viewer_client):
    for index in range(30):
        make_member(f"Person {index:02d}")
    first = viewer_client.get("/members/")
    assert len(first.context["page_obj"]) == 24
    assert len(viewer_client.get("/members/?page=2").context["page_obj"]) == 7


@pytest.mark.parametrize("query", ["page=abc", "country=XX", "expertise=nope", "sort=evil", "x=1"])
def test_directory_survives_bad_query_strings(viewer_client, people, query):
    assert viewer_client.get(f"/members/?{query}").status_code == 200


@pytest.mark.parametrize("count", [2, 40])
def test_directory_query_count_is_constant(viewer_client, django_assert_num_queries, count):
    for index in range(count):
        make_member(f"Person {index}", expertise=["digital", f"tag{index}"])
    # session, viewer, notifications badge, expertise choices, count, page, 2 prefetches,
    # tag prefetch, 6 facet queries
    with django_assert_num_queries(15):
        response = viewer_client.get("/members/?sort=name")
    assert response.status_code == 200


def test_cards_shared_by_viewers_with_the_same_levels_show_an_edit_at_once(client):
    """Directory cards are rendered once for every viewer with the same visibility levels:
    a country shown to members stays hidden from visitors, and an edit shows at once."""
    amina = make_member("Amina Diallo", country="KE", expertise=["solar"], visibility="public")
    amina.profile.country_visibility = "members"
    amina.profile.save()
    client.force_login(UserFactory())
    page = client.get("/members/").content.decode()
    assert "Amina Diallo" in page and "Kenya" in page
    client.logout()
    page = client.get("/members/").content.decode()
    assert "Amina Diallo" in page and "Kenya" not in page

    amina.profile.headline = "Trains solar installers"
    amina.profile.save()
    assert "Trains solar installers" in client.get("/members/").content.decode()
    client.force_login(UserFactory())
    assert "Trains solar installers" in client.get("/members/").content.decode()
