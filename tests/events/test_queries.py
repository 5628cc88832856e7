"""The listing runs the same number of queries for 2 and for 40 events."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import EventFactory, EventHostFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db]

TYPES = ["session", "workshop", "clinic", "training", "webinar"]
REGIONS = ["africa", "americas", "arab-states", "asia-pacific", "europe-central-asia"]


def populate(count, viewer):
    people = UserFactory.create_batch(3)
    for index in range(count):
        event = EventFactory(
            type=TYPES[index % 5],
            scope="regional",
            region=REGIONS[index % 5],
            capacity=[None, 2, 5][index % 3],
            visibility=["public", "members"][index % 2],
            # Even ones upcoming, odd ones past.
            starts_at=timezone.now() + timedelta(days=(3 + index * 5) * (-1) ** index),
            languages=["en", "fr"] if index % 2 else ["es"],
        )
        EventHostFactory(event=event, user=people[index % 3])
        RegistrationFactory(event=event, user=people[(index + 1) % 3])
        if index % 4 == 0:
            RegistrationFactory(event=event, user=viewer)


@pytest.mark.parametrize("count", [2, 40])
def test_listing_query_count_is_constant(client, django_assert_num_queries, count):
    viewer = UserFactory(timezone="Asia/Amman")
    populate(count, viewer)
    client.force_login(viewer)
    # session, user, last-active stamp, unread count, whether the viewer sees what every
    # member sees (then shares the counts), paginator count, page, languages prefetch, the
    # viewer's registrations on the page, 5 facet counts
    with django_assert_num_queries(14):
        response = client.get("/events/?scope=regional")
    assert response.status_code == 200
    assert len(response.context["page_obj"]) == min(count // 2, 20)


@pytest.mark.parametrize("count", [2, 40])
def test_past_and_mine_query_counts_are_constant(client, django_assert_num_queries, count):
    viewer = UserFactory()
    populate(count, viewer)
    client.force_login(viewer)
    client.get("/events/")  # the last-active stamp is written once
    # "Mine": the viewer's event ids are read first. Past: whether the viewer sees what every
    # member sees, so shares the counts (none yet for past workshops: counted here).
    with django_assert_num_queries(13):
        assert client.get("/events/?when=mine").status_code == 200
    with django_assert_num_queries(13):
        response = client.get("/events/?when=past&type=workshop")
    assert len(response.context["page_obj"]) == (1 if count == 2 else 4)


@pytest.mark.parametrize("count", [2, 40])
def test_visitor_listing_query_count_is_constant(client, django_assert_num_queries, count):
    populate(count, UserFactory())
    # paginator count, page, languages prefetch, 5 facet counts
    with django_assert_num_queries(8):
        assert client.get("/events/").status_code == 200
