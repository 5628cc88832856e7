"""The showcase and the detail page run a fixed number of queries, whatever the data."""

import pytest

from innovations.models import Adoption, Comment, Endorsement, TeamMember, Update
from tests.factories import InnovationFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def populate(count):
    people = UserFactory.create_batch(3)
    innovations = []
    for index in range(count):
        innovation = InnovationFactory(
            organisation=OrganisationFactory(),
            facets={"theme": ["digital-skills", "green-skills"], "country": ["KE", "GH"],
                    "region": ["africa"], "sdg": ["4"], "target": ["youth"],
                    "seeking": ["partners"]},
        )  # fmt: skip
        innovation.tags.set([f"tag{index}", "shared"])
        Endorsement.objects.create(innovation=innovation, user=people[index % 3])
        Adoption.objects.create(
            innovation=innovation, organisation_name="X", country="KE", status="confirmed"
        )
        innovations.append(innovation)
    return innovations


@pytest.mark.parametrize("count", [2, 40])
def test_showcase_query_count_is_constant(client, django_assert_num_queries, count):
    populate(count)
    client.force_login(UserFactory())
    # session, user, last-active stamp, unread count, paginator count, page, facets prefetch,
    # adoption counts, 9 facet counts
    with django_assert_num_queries(17):
        response = client.get("/innovations/?sort=endorsed")
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == min(count, 20)


@pytest.mark.parametrize("count", [2, 40])
def test_detail_query_count_is_constant(client, django_assert_num_queries, count):
    innovations = populate(count)
    innovation = innovations[0]
    people = UserFactory.create_batch(count)
    for index, person in enumerate(people):
        TeamMember.objects.create(innovation=innovation, user=person)
        Comment.objects.create(innovation=innovation, author=person, body=f"Comment {index}")
        Update.objects.create(innovation=innovation, author=person, title=f"Update {index}")
        Adoption.objects.create(
            innovation=innovation,
            organisation_name=f"Org {index}",
            country="GH",
            status="confirmed",
        )
    client.force_login(innovation.owner)
    # session, user, last-active stamp, unread count, innovation (+3 prefetches), comments,
    # updates, adoptions, interests, related, events presenting it
    with django_assert_num_queries(14):
        response = client.get(innovation.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["related"]) == min(count - 1, 4)
