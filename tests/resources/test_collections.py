"""Collections for partners: innovations and resources together, on a page, in an embeddable
card, as CSV and JSON, and printed — with only what each may see, and public items only
wherever the collection leaves the site."""

import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from resources.models import CollectionItem
from tests.factories import (
    CollectionFactory,
    InnovationFactory,
    ResourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def collection(db):
    collection = CollectionFactory(slug="green-round-table", title="Green skills in Africa")
    items = [
        ResourceFactory(title="Public guide", link="https://example.org/g"),
        InnovationFactory(title="Public solar sites", language="fr"),
        ResourceFactory(title="Members' guide", access="members", link="https://example.org/m"),
        InnovationFactory(title="Members' innovation", visibility="members"),
        InnovationFactory(title="Draft innovation", status="draft", published_at=None),
    ]
    for position, thing in enumerate(items):
        CollectionItem.objects.create(
            collection=collection, position=position, note=f"Note {position}",
            **{thing._meta.model_name: thing},
        )  # fmt: skip
    return collection


PUBLIC = ["Public guide", "Public solar sites"]
MEMBERS = [*PUBLIC, "Members' guide", "Members' innovation"]


def titles_in(html, candidates):
    return [title for title in candidates if title.replace("'", "&#x27;") in html]


def test_the_page_shows_what_each_viewer_may_see(client, collection):
    everything = [*MEMBERS, "Draft innovation"]
    assert titles_in(client.get("/resources/collections/green-round-table/").content.decode(),
                     everything) == PUBLIC  # fmt: skip
    client.force_login(UserFactory())
    html = client.get("/resources/collections/green-round-table/").content.decode()
    assert titles_in(html, everything) == MEMBERS
    assert "Note 1" in html  # the curator's note on an innovation's card too


def test_exports_and_embed_hold_the_public_items_only_whoever_asks(client, collection):
    client.force_login(UserFactory())  # a member: still the public items only
    data = json.loads(client.get("/resources/collections/green-round-table.json").content)
    assert data["title"] == "Green skills in Africa"
    assert [item["title"] for item in data["items"]] == PUBLIC
    assert [item["type"] for item in data["items"]] == ["resource", "innovation"]
    assert data["items"][1]["language"] == "fr"
    innovation = collection.items.get(position=1).innovation
    assert data["items"][1]["url"].endswith(innovation.get_absolute_url())
    response = client.get("/resources/collections/green-round-table.csv")
    assert response["Content-Disposition"] == 'attachment; filename="green-round-table.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["type", "title", "url", "summary", "language", "note"]
    assert [row[1] for row in rows[1:]] == PUBLIC
    embed = client.get("/resources/collections/green-round-table/embed/")
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert titles_in(embed.content.decode(), [*MEMBERS, "Draft innovation"]) == PUBLIC
    assert client.get("/resources/collections/green-round-table.xml").status_code == 404


def test_the_pdf_brief_holds_the_public_items_with_their_notes(client, collection):
    client.force_login(UserFactory())  # a member: still the public items only
    response = client.get("/resources/collections/green-round-table.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="green-round-table.pdf"'
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Green skills in Africa" in text
    assert [title for title in [*MEMBERS, "Draft innovation"] if title in text] == PUBLIC
    assert "Note 0" in text and "Note 1" in text and "Note 2" not in text
    assert "2 public items" in text
    # In the reader's language.
    client.logout()
    french = client.get("/fr/resources/collections/green-round-table.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(french.content)).pages)
    assert "Une collection pour les partenaires" in text


def test_an_unpublished_collection_leaves_the_site_for_nobody(client, collection):
    collection.published = False
    collection.save()
    for path in ("/resources/collections/green-round-table.json",
                 "/resources/collections/green-round-table/embed/"):  # fmt: skip
        assert client.get(path).status_code == 404


def test_an_item_is_a_resource_or_an_innovation(collection):
    item = CollectionItem(collection=collection, resource=ResourceFactory(link="https://x.org"),
                          innovation=InnovationFactory())  # fmt: skip
    with pytest.raises(ValidationError):
        item.full_clean()
