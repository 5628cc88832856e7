"""Curators keep collections on the site: a member staff put in "Collection curators" makes
one, finds public innovations and resources by title, adds, orders and notes them, publishes
it for partners; only public things go in, and nobody else changes it."""

import json
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from network.models import AuditEntry
from resources.collections import collection_add, collection_item_change
from resources.models import Collection
from tests.factories import (
    CollectionFactory,
    InnovationFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def curator():
    member = UserFactory(display_name="Camille Curator")
    member.groups.add(Group.objects.get(name="Collection curators"))
    return member


@pytest.fixture
def things():
    return {
        "solar": InnovationFactory(title="Solar apprenticeships", language="fr"),
        "guide": ResourceFactory(title="Solar installers' guide", link="https://example.org/g"),
        "members": InnovationFactory(title="Solar members' pilot", visibility="members"),
        "draft": InnovationFactory(title="Solar draft", status="draft", published_at=None),
        "members_guide": ResourceFactory(
            title="Solar members' guide", access="members", link="https://example.org/m"
        ),
    }


def make(client, **fields):
    data = {"title": "Green skills in Africa", "description": "For the donor round-table.",
            "language": "en", **fields}  # fmt: skip
    response = client.post("/resources/collections/new/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    return Collection.objects.get(title=data["title"])


def add(client, collection, thing, note=""):
    kind = thing._meta.model_name
    return client.post(
        f"/resources/collections/{collection.slug}/items/",
        {"kind": kind, "pk": thing.pk, "note": note},
        follow=True,
    )


def offered(client, edit, query):
    """What the "add" search offers (below the list of what is in)."""
    return client.get(edit, {"q": query}).content.decode().split('id="add"')[1]


def titles(html, things):
    return [name for name, thing in things.items() if thing.title.replace("'", "&#x27;") in html]


def test_a_curator_makes_fills_orders_and_publishes_a_collection(client, curator, things):
    client.force_login(curator)
    listing = client.get("/resources/collections/").content.decode()
    assert 'href="/resources/collections/new/"' in listing
    collection = make(client)
    assert collection.curator == curator and not collection.published
    # A draft: the curator and staff see it, other members and visitors do not.
    page = f"/resources/collections/{collection.slug}/"
    assert client.get(page).status_code == 200
    edit = f"/resources/collections/{collection.slug}/edit/"
    assert "Green skills in Africa" in client.get("/resources/collections/").content.decode()

    # Finding by title offers the public things only.
    assert sorted(titles(offered(client, edit, "solar"), things)) == ["guide", "solar"]
    add(client, collection, things["solar"], note="Piloted in three regions")
    add(client, collection, things["guide"])
    # What is in already is not offered again.
    assert titles(offered(client, edit, "solar"), things) == []
    # A forged request for a members-only or draft innovation is refused, and says why.
    for name in ("members", "draft", "members_guide"):
        response = add(client, collection, things[name])
        assert "Only public innovations and resources go in a collection." in (
            response.content.decode()
        )
    assert collection.items.count() == 2
    # Adding the same again is refused too.
    assert (
        "It is in this collection already."
        in add(client, collection, things["solar"]).content.decode()
    )

    # Order: the guide moves up; the note is changed.
    guide_item = collection.items.get(resource=things["guide"])
    client.post(f"/resources/collections/{collection.slug}/items/{guide_item.pk}/",
                {"action": "up"})  # fmt: skip
    assert [item.thing for item in collection.items.order_by("position", "pk")] == [
        things["guide"],
        things["solar"],
    ]
    client.post(f"/resources/collections/{collection.slug}/items/{guide_item.pk}/",
                {"action": "note", "note": "Read it first"})  # fmt: skip
    guide_item.refresh_from_db()
    assert guide_item.note == "Read it first"

    # Published: anyone reads it, in order, with the notes; the JSON holds the same.
    client.post(edit, {"title": collection.title, "description": "For the donor round-table.",
                       "language": "en", "published": "on"})  # fmt: skip
    collection.refresh_from_db()
    assert collection.published
    assert AuditEntry.objects.filter(actor=curator, action="collection_published").exists()
    client.logout()
    html = client.get(page).content.decode()
    assert html.index("Solar installers") < html.index("Solar apprenticeships")
    assert "Read it first" in html and "Piloted in three regions" in html
    assert f'<h1 lang="en">{collection.title}</h1>' in html
    exported = json.loads(client.get(f"/resources/collections/{collection.slug}.json").content)
    assert [row["title"] for row in exported["items"]] == [
        "Solar installers' guide",
        "Solar apprenticeships",
    ]
    # Both kinds count in the list of collections.
    listing = client.get("/resources/collections/").content.decode()
    assert re.search(r"Green skills in Africa</span> <span[^>]*>&nbsp;\(2 items\)", listing)

    # Removing takes it out.
    client.force_login(curator)
    client.post(f"/resources/collections/{collection.slug}/items/{guide_item.pk}/",
                {"action": "remove"})  # fmt: skip
    assert [item.thing for item in collection.items.all()] == [things["solar"]]


def test_a_draft_is_nothing_to_others(client, curator):
    collection = CollectionFactory(curator=curator, published=False, slug="draft-of-camille")
    for viewer in (None, UserFactory()):
        if viewer:
            client.force_login(viewer)
        assert client.get("/resources/collections/draft-of-camille/").status_code == 404
        assert "draft-of-camille" not in client.get("/resources/collections/").content.decode()
    client.force_login(StaffFactory())
    page = client.get(f"/resources/collections/{collection.slug}/").content.decode()
    assert "Only staff and its curator see this collection." in page


def test_nobody_else_changes_a_curators_collection(client, curator, things):
    theirs = CollectionFactory(curator=curator, slug="camilles")
    staffs = CollectionFactory(slug="staffs")
    other_curator = UserFactory()
    other_curator.groups.add(Group.objects.get(name="Collection curators"))
    for person in (other_curator, UserFactory()):
        client.force_login(person)
        for collection in (theirs, staffs):
            assert client.get(f"/resources/collections/{collection.slug}/edit/").status_code == 404
            response = add(client, collection, things["solar"])
            assert response.redirect_chain == [] and response.status_code == 404
        page = client.get(f"/resources/collections/{theirs.slug}/").content.decode()
        assert "/edit/" not in page
    assert not theirs.items.exists() and not staffs.items.exists()
    # Without the permission, no new collection either.
    client.force_login(UserFactory())
    assert client.get("/resources/collections/new/").status_code == 403
    # The curator edits their own, not staff's; a moderator edits both.
    client.force_login(curator)
    assert client.get(f"/resources/collections/{staffs.slug}/edit/").status_code == 404
    assert (
        'href="/resources/collections/camilles/edit/"'
        in client.get(f"/resources/collections/{theirs.slug}/").content.decode()
    )
    client.force_login(StaffFactory())
    for collection in (theirs, staffs):
        assert client.get(f"/resources/collections/{collection.slug}/edit/").status_code == 200


def test_a_suspended_curator_keeps_nothing(client, curator):
    collection = CollectionFactory(curator=curator, slug="camilles")
    client.force_login(curator)
    curator.is_active = False
    curator.save()
    response = client.get(f"/resources/collections/{collection.slug}/edit/")
    assert response.status_code in (302, 404)
    assert Collection.objects.editable_by(curator).count() == 0


def test_a_bad_title_loses_nothing_typed(client, curator):
    client.force_login(curator)
    response = client.post("/resources/collections/new/",
                           {"title": "", "description": "Kept as typed", "language": "fr"})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kept as typed" in html
    assert "nothing has been saved yet" in html
    assert not Collection.objects.exists()


def test_visitors_see_a_curators_change_on_the_very_next_view(client, curator, things, settings):
    settings.PAGE_CACHE_SECONDS = 300
    collection = CollectionFactory(curator=curator, slug="camilles", title="Camille's picks")
    page = f"/resources/collections/{collection.slug}/"
    assert "Solar apprenticeships" not in client.get(page).content.decode()
    assert client.get(page)["X-Page-Cache"] == "hit"
    curator_client = client.__class__()
    curator_client.force_login(curator)
    add(curator_client, collection, things["solar"])
    assert "Solar apprenticeships" in client.get(page).content.decode()


def test_a_curators_words_cannot_run_script(client, curator):
    client.force_login(curator)
    collection = make(
        client,
        title="<script>alert(1)</script>Picks",
        description="[x](javascript:alert(1)) <img src=x onerror=alert(1)>",
        published="on",
    )
    client.logout()
    for url in (collection.get_absolute_url(), f"{collection.get_absolute_url()}embed/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "javascript:" not in html and "onerror" not in html


def test_the_services_refuse_whoever_may_not_change_it(curator, things):
    collection = CollectionFactory(curator=curator)
    with pytest.raises(PermissionDenied):
        collection_add(collection=collection, by=UserFactory(), innovation_id=things["solar"].pk)
    item = collection_add(collection=collection, by=curator, innovation_id=things["solar"].pk)
    with pytest.raises(PermissionDenied):
        collection_item_change(item=item, by=UserFactory(), action="remove")
    assert collection.items.count() == 1
