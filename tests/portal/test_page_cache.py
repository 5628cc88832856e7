"""Visitors' pages from the shared cache (portal.middleware): rendered once, served without a
query, carrying nothing of their own, never to anyone signed in, and forgotten by any write
that may show on them — a publication, a hiding, an edit, a suspension, a comment."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from innovations import services as innovation_services
from innovations.models import Comment
from network import moderation
from portal.middleware import cached_page_names
from tests.factories import (
    CollectionItemFactory,
    EventFactory,
    InnovationFactory,
    OrganisationFactory,
    ResourceFactory,
    StaffFactory,
    ThreadFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    """The suite runs with it off (tests/environment.py); here it is as in production."""
    settings.PAGE_CACHE_SECONDS = 300


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_a_visitors_page_is_rendered_once_then_served_without_a_query(
    client, django_assert_num_queries
):
    InnovationFactory(title="Kept for visitors zq")
    first = visit(client, "/innovations/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = visit(client, "/innovations/")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert "Kept for visitors zq" in again.content.decode()
    # The same page with its query in another order is the same page.
    visit(client, "/innovations/?stage=pilot&theme=digital-skills")
    assert visit(client, "/innovations/?theme=digital-skills&stage=pilot")["X-Page-Cache"] == "hit"


def test_kept_pages_carry_nothing_of_their_own(client):
    innovation = InnovationFactory()
    for _ in range(2):
        response = visit(client, innovation.get_absolute_url())
        html = response.content.decode()
        assert "csrfmiddlewaretoken" not in html
        assert "'nonce-" not in response["Content-Security-Policy"]
        assert 'type="application/ld+json"' in html  # a data block needs no nonce
        assert not response.cookies
    assert response["X-Page-Cache"] == "hit"


def test_every_declared_public_page_is_kept_for_visitors(client):
    innovation = InnovationFactory(organisation=OrganisationFactory())
    event = EventFactory()
    item = CollectionItemFactory(resource=ResourceFactory())
    member = UserFactory()
    member.profile.visibility = "public"
    member.profile.save()
    thread = ThreadFactory()
    kwargs = {
        "spaces:space": {"slug": thread.space.slug},
        "spaces:thread": {"slug": thread.space.slug, "pk": thread.pk},
        "innovations:detail": {"slug": innovation.slug},
        "innovations:embed": {"slug": innovation.slug},
        "events:detail": {"slug": event.slug},
        "events:calendar": {"slug": event.slug},
        "resources:detail": {"slug": item.resource.slug},
        "resources:collection": {"slug": item.collection.slug},
        "members:profile": {"username": member.username},
        "members:organisation": {"slug": innovation.organisation.slug},
    }
    not_kept = []
    for name in sorted(cached_page_names()):
        url = reverse(name, kwargs=kwargs.get(name))
        client.get(url)
        response = client.get(url)
        if response.get("X-Page-Cache") != "hit":
            not_kept.append(f"{name} {url}: {response.status_code}")
    assert not_kept == []


def test_a_visitors_search_is_kept_and_a_publication_shows_in_the_next_one(client):
    InnovationFactory(title="Solar welding course zq")
    visit(client, "/search/?q=welding")
    again = visit(client, "/search/?q=welding")
    assert again["X-Page-Cache"] == "hit"
    assert "Solar welding course zq" in again.content.decode()
    # Another word is another page.
    assert visit(client, "/search/?q=solar")["X-Page-Cache"] == "miss"

    InnovationFactory(title="Members-only welding zq", visibility="members")
    submitted = InnovationFactory(title="Welding for beginners zq", status="submitted")
    innovation_services.innovation_publish(innovation=submitted, moderator=StaffFactory())
    page = visit(client, "/search/?q=welding")
    assert page["X-Page-Cache"] == "miss"
    assert "Welding for beginners zq" in page.content.decode()
    assert "Members-only welding zq" not in page.content.decode()


def test_signed_in_people_never_get_a_visitors_page(client):
    InnovationFactory(title="Members-only work zq", visibility="members")
    visit(client, "/innovations/")
    assert visit(client, "/innovations/")["X-Page-Cache"] == "hit"
    client.force_login(UserFactory())
    response = visit(client, "/innovations/")
    assert "X-Page-Cache" not in response
    assert "Members-only work zq" in response.content.decode()
    client.logout()
    assert "Members-only work zq" not in visit(client, "/innovations/").content.decode()


def test_a_publication_an_edit_a_hiding_and_a_suspension_show_on_the_very_next_view(client):
    moderator = StaffFactory()
    submitted = InnovationFactory(title="Waiting for review zq", status="submitted")
    visit(client, "/innovations/")
    assert "Waiting for review zq" not in visit(client, "/innovations/").content.decode()

    innovation_services.innovation_publish(innovation=submitted, moderator=moderator)
    assert "Waiting for review zq" in visit(client, "/innovations/").content.decode()

    submitted.refresh_from_db()
    submitted.title = "Renamed after review zq"
    submitted.save()
    page = visit(client, submitted.get_absolute_url())
    assert "Renamed after review zq" in page.content.decode()

    Comment.objects.create(innovation=submitted, author=UserFactory(), body="Useful, thanks zq")
    assert "Useful, thanks zq" in visit(client, submitted.get_absolute_url()).content.decode()

    joined = timezone.now() - timedelta(days=30)
    for reporter in UserFactory.create_batch(3, date_joined=joined):
        moderation.report_create(reporter=reporter, target=submitted, reason="spam")
    assert client.get(submitted.get_absolute_url()).status_code == 404

    other = InnovationFactory(title="By a member soon suspended zq")
    assert "By a member soon suspended zq" in visit(client, "/innovations/").content.decode()
    moderation.user_suspend(user=other.owner, moderator=moderator, reason="Spam.")
    assert "By a member soon suspended zq" not in visit(client, "/innovations/").content.decode()


def test_the_cache_can_be_switched_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    visit(client, "/")
    assert "X-Page-Cache" not in visit(client, "/")
