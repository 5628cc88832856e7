"""The library page: filters, facet counts, search, sorting, pages, empty states."""

import pytest

from tests.factories import ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [resource.title for resource in response.context["page_obj"]]


def test_twenty_a_page_newest_first(client):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for index in range(25):
        ResourceFactory(title=f"R{index:02}", published_at=now - timedelta(days=index))
    first = client.get("/resources/")
    assert titles(first) == [f"R{index:02}" for index in range(20)]
    second = client.get("/resources/?page=2")
    assert titles(second) == [f"R{index:02}" for index in range(20, 25)]
    assert 'href="?page=2"' in first.content.decode()


def test_sort_by_most_downloaded(client):
    ResourceFactory(title="Rarely", download_count=2)
    ResourceFactory(title="Often", download_count=90)
    ResourceFactory(title="Sometimes", download_count=15)
    assert titles(client.get("/resources/?sort=downloads")) == ["Often", "Sometimes", "Rarely"]


def test_filters_combine_and_facets_count_the_other_filters(client):
    ResourceFactory(title="Green guide", type="guide", themes=["green-skills"], year=2020)
    ResourceFactory(title="Green report", type="report", themes=["green-skills"], language="fr")
    ResourceFactory(title="Digital guide", type="guide", themes=["digital-skills"])
    ResourceFactory(
        title="ILO link", type="video", link="https://www.ilo.org/", publisher_type="partner"
    )
    response = client.get("/resources/?theme=green-skills")
    assert sorted(titles(response)) == ["Green guide", "Green report"]
    facets = response.context["facets"]
    # Each filter's options count what the other filters leave; only options with results.
    assert [(o["value"], o["count"]) for o in facets["type"]] == [("guide", 1), ("report", 1)]
    assert [(o["value"], o["count"], o["selected"]) for o in facets["theme"]] == [
        ("digital-skills", 2, False),
        ("green-skills", 2, True),
    ]
    assert [(o["value"], o["count"]) for o in facets["year"]] == [("2024", 1), ("2020", 1)]
    response = client.get("/resources/?theme=green-skills&type=guide&year=2020&language=en")
    assert titles(response) == ["Green guide"]
    assert titles(client.get("/resources/?publisher=partner")) == ["ILO link"]


def test_text_search_looks_in_title_summary_description_and_tags(client):
    ResourceFactory(title="Apprenticeship toolkit")
    ResourceFactory(title="Other", summary="How to run apprenticeship boards")
    ResourceFactory(title="Third", description="Covers **apprenticeship** contracts")
    tagged = ResourceFactory(title="Tagged")
    tagged.tags.set(["Apprenticeship"])
    ResourceFactory(title="Unrelated")
    assert sorted(titles(client.get("/resources/?q=apprenticeship"))) == [
        "Apprenticeship toolkit", "Other", "Tagged", "Third",
    ]  # fmt: skip
    assert titles(client.get("/resources/?tag=Apprenticeship")) == ["Tagged"]


def test_bad_parameters_never_fail(client):
    ResourceFactory(title="Guide")
    for query in ("?year=abc", "?type=bogus", "?sort=bogus", "?page=999", "?page=x",
                  "?theme=nope&access=secret", "?q=" + "x" * 500):  # fmt: skip
        response = client.get("/resources/" + query)
        assert response.status_code == 200, query
    assert titles(client.get("/resources/?page=999")) == ["Guide"]


def test_empty_states(client):
    html = client.get("/resources/").content.decode()
    assert "The library is empty for now." in html
    ResourceFactory(type="guide")
    html = client.get("/resources/?type=report").content.decode()
    assert "No resource matches these filters. Try removing one." in html


def test_french_and_spanish_pages(client):
    resource = ResourceFactory(slug="guide")
    assert client.get("/fr/resources/").status_code == 200
    assert client.get("/es/resources/guide/").status_code == 200
    html = client.get("/fr/resources/").content.decode()
    assert 'href="/fr/resources/guide/"' in html
    assert resource.pk


def test_share_button_only_for_members(client):
    assert "Share a resource" not in client.get("/resources/?type=guide").content.decode()
    client.force_login(UserFactory())
    assert "Share a resource" in client.get("/resources/").content.decode()
