"""The library, a resource's page and a collection run a fixed number of queries."""

import pytest

from tests.factories import (
    CollectionFactory,
    CollectionItemFactory,
    InnovationFactory,
    OrganisationFactory,
    ResourceFactory,
    UsefulMarkFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def populate(count):
    resources = []
    for index in range(count):
        resource = ResourceFactory(
            organisation=OrganisationFactory(),
            access="members" if index % 2 else "public",
            year=2015 + index % 8,
            language=["en", "fr", "es"][index % 3],
            themes=["digital-skills", "green-skills"],
            download_count=index,
        )
        resource.tags.set([f"tag{index}", "shared"])
        resources.append(resource)
    collection = CollectionFactory(slug="shelf")
    for position, resource in enumerate(resources):
        CollectionItemFactory(collection=collection, resource=resource, position=position)
    CollectionFactory(slug="other-shelf")
    CollectionItemFactory(collection=CollectionFactory(), resource=resources[0])
    return resources


@pytest.mark.parametrize("count", [2, 40])
def test_library_query_count_is_constant(client, django_assert_num_queries, count):
    populate(count)
    client.force_login(UserFactory())
    # session, user, last-active stamp, unread count, paginator count, page, themes prefetch,
    # 6 facet counts, collections
    with django_assert_num_queries(14):
        response = client.get("/resources/?sort=downloads")
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == min(count, 20)


@pytest.mark.parametrize("count", [2, 40])
def test_filtered_library_query_count_is_constant(client, django_assert_num_queries, count):
    populate(count)
    # a visitor: paginator count, page, themes prefetch, 6 facet counts
    with django_assert_num_queries(9):
        response = client.get("/resources/?theme=digital-skills&q=Resource&page=2")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 40])
def test_detail_query_count_is_constant(client, django_assert_num_queries, count):
    resources = populate(count)
    original = resources[0]
    for index, resource in enumerate(resources[1:]):
        resource.translation_of = original
        resource.language = f"l{index}"
        resource.save()
        UsefulMarkFactory(resource=original, note=f"Note {index}")
    original.innovations.set(InnovationFactory.create_batch(count))
    client.force_login(UserFactory())
    # session, user, last-active stamp, unread count, resource (+ themes, tags), useful count,
    # notes, versions, innovations, events, collections
    with django_assert_num_queries(13):
        response = client.get(original.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["versions"]) == count - 1
    assert len(response.context["innovations"]) == count


@pytest.mark.parametrize("count", [2, 40])
def test_collection_query_count_is_constant(client, django_assert_num_queries, count):
    populate(count)
    client.force_login(UserFactory())
    # session, user, last-active stamp, unread count, collection, items, themes prefetch
    with django_assert_num_queries(7):
        response = client.get("/resources/collections/shelf/")
    assert response.status_code == 200
    assert len(response.context["items"]) == count
