"""The showcase and the detail page run a fixed number of queries, whatever the data."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from innovations.models import (
    Adoption,
    Comment,
    Endorsement,
    Innovation,
    TeamMember,
    Update,
    VisitorInterest,
    VisitorReply,
)
from innovations.views.showcase import card_queryset, related_innovations
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
    # adoption counts, 10 facet counts, the language versions folded into their originals
    with django_assert_num_queries(19):
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
        visit = VisitorInterest.objects.create(
            innovation=innovation, name=f"Visitor {index}", email=f"v{index}@x.example",
            purpose="support", message="Funding?", state="sent",
        )  # fmt: skip
        VisitorReply.objects.create(interest=visit, author=person, body="Gladly.")
    client.force_login(innovation.owner)
    # session, user, last-active stamp, unread count, innovation (+3 prefetches), comments,
    # updates, adoptions, interests, visitors' interest (+ their replies), related, events
    # presenting it, its other languages
    with django_assert_num_queries(17):
        response = client.get(innovation.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["related"]) == min(count - 1, 4)


@pytest.mark.postgres
def test_a_members_newest_innovations_read_down_the_listed_index():
    """A member's home lists the newest published innovations. Drafts have no published_at,
    which sorts first newest-first: the partial index of the listed ones leaves them out, so
    the newest are read first instead of after every draft (100,000 rows: 17 ms to 0.1 ms)."""
    owner = UserFactory()
    Innovation.objects.bulk_create(
        [Innovation(title=f"Draft {i}", slug=f"draft-{i}", owner=owner, status="draft")
         for i in range(3000)]
        + [Innovation(title=f"Published {i}", slug=f"published-{i}", owner=owner,
                      status="published", published_at=f"2026-01-{1 + i % 28:02d}T00:00:00Z")
           for i in range(3000)],
        batch_size=2000,
    )  # fmt: skip
    member = UserFactory()
    listed = Innovation.objects.listed_for(member).exclude(featured=True)
    queryset = card_queryset(listed).order_by("-published_at")[:3]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE innovations_innovation")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "innovation_listed_recent_idx" in plan, plan
    assert all(innovation.title.startswith("Published") for innovation in queryset)


def test_related_innovations_rank_the_most_in_common_then_the_newest(client):
    """Two themes and a tag in common come before one; among equals, the newest first; an
    innovation with nothing in common is never related."""

    def made(title, themes, tags, days_ago):
        innovation = InnovationFactory(
            title=title,
            facets={"theme": themes},
            published_at=timezone.now() - timedelta(days=days_ago),
        )
        innovation.tags.set(tags)
        return innovation

    seen = made("Seen", ["digital-skills", "green-skills"], ["apprenticeship", "solar"], 9)
    made("Three in common", ["digital-skills", "green-skills"], ["solar"], 8)
    made("One theme, older", ["green-skills"], [], 7)
    made("One tag, newer", [], ["apprenticeship"], 1)
    made("Nothing in common", ["inclusion-and-gender"], ["welding"], 0)
    viewer = UserFactory()
    titles = [innovation.title for innovation in related_innovations(seen, viewer)]
    assert titles == ["Three in common", "One tag, newer", "One theme, older"]
