"""Every text a member or curator writes, through the XSS corpus, renders harmless."""

import pytest

from tests.factories import (
    CollectionFactory,
    CollectionItemFactory,
    ResourceFactory,
    StaffFactory,
    UsefulMarkFactory,
    UserFactory,
)
from tests.security.xss import PAYLOADS, dangerous_markup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_resource_pages_render_no_script(client, contributor, payload):
    original = ResourceFactory(title="Original", slug="original")
    resource = ResourceFactory(
        slug="payload",
        title=payload[:200],
        summary=payload[:300],
        description=payload,
        contributor=contributor,
        publisher_type="member",
        translation_of=original,
        language="fr",
        original_filename=payload[:100],
        link="",
    )
    resource.tags.set([payload[:50]])
    reader = UserFactory(display_name=payload[:120])
    UsefulMarkFactory(resource=resource, member=reader, note=payload[:280])
    collection = CollectionFactory(slug="shelf", title=payload[:200], description=payload)
    CollectionItemFactory(collection=collection, resource=resource, note=payload[:300])
    client.force_login(UserFactory())
    pages = [
        "/resources/payload/",
        "/resources/original/",
        "/resources/",
        f"/resources/?q={payload[:20]}",
        f"/resources/?tag={payload[:50]}",
        "/resources/collections/",
        "/resources/collections/shelf/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert dangerous_markup(response.content.decode()) == [], path
    client.force_login(contributor)
    assert dangerous_markup(client.get("/resources/mine/").content.decode()) == []
    # The form, refused and shown again with what was typed.
    response = client.post(
        "/resources/contribute/",
        {"title": payload[:200], "summary": payload[:300], "description": payload,
         "tags": payload[:50], "type": "guide", "language": "en", "access": "public",
         "external_url": payload[:500]},
    )  # fmt: skip
    assert response.status_code == 200
    assert dangerous_markup(response.content.decode()) == []
    # A useful note that is too long is shown again, escaped.
    client.force_login(reader)
    response = client.post("/resources/payload/useful/", {"note": payload + "x" * 281})
    assert response.status_code == 200
    assert dangerous_markup(response.content.decode()) == []


def test_admin_change_page_renders_no_script_from_the_data(client):
    moderator = StaffFactory(is_superuser=True)
    client.force_login(moderator)
    plain = ResourceFactory(title="Plain", original_filename="plain.pdf")
    # The admin's own markup (its icons and scripts) is the baseline; the data adds nothing.
    baseline = dangerous_markup(
        client.get(f"/admin/resources/resource/{plain.pk}/change/").content.decode()
    )
    for payload in PAYLOADS:
        resource = ResourceFactory(title=payload[:200], original_filename=payload[:100])
        html = client.get(f"/admin/resources/resource/{resource.pk}/change/").content.decode()
        assert dangerous_markup(html) == baseline, payload
