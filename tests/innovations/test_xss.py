"""Every Markdown and text field a member writes, through the XSS corpus, renders harmless."""

import pytest

from innovations.models import Adoption, Comment, Interest, Update
from members.models import SpokenLanguage
from tests.factories import UserFactory
from tests.security.xss import PAYLOADS, dangerous_markup

pytestmark = pytest.mark.django_db


def test_the_checker_finds_what_it_should():
    assert dangerous_markup('<p><a href="javascript:alert(1)">x</a></p>') == [
        "href='javascript:alert(1)'"
    ]
    assert dangerous_markup("<img src=x onerror=alert(1)>") == ["event handler onerror"]
    assert dangerous_markup("<script>alert(1)</script>") == ["inline <script>"]
    assert dangerous_markup("<p>&lt;script&gt;</p>") == []


def test_corpus_has_at_least_30_payloads():
    assert len(PAYLOADS) >= 30


@pytest.mark.parametrize("payload", PAYLOADS)
def test_innovation_fields_render_no_script(client, make_innovation, owner, payload):
    innovation = make_innovation(
        title=payload[:200],
        summary=payload[:300],
        problem=payload,
        solution=payload,
        evidence=payload,
    )
    innovation.tags.set([payload[:50]])
    reader = UserFactory(display_name=payload[:120])
    Comment.objects.create(innovation=innovation, author=reader, body=payload)
    Update.objects.create(innovation=innovation, author=owner, title=payload[:200], body=payload)
    Interest.objects.create(innovation=innovation, user=reader, purpose="adopt", message=payload)
    Adoption.objects.create(
        innovation=innovation, organisation_name=payload[:200], country="KE",
        adaptation=payload, status="confirmed",
    )  # fmt: skip
    profile = owner.profile
    profile.headline = payload[:160]
    profile.bio = payload
    profile.visibility = "public"
    profile.bio_visibility = "public"
    profile.save()
    SpokenLanguage.objects.get_or_create(profile=profile, code="en")
    client.force_login(owner)  # the team sees interests too
    pages = [
        innovation.get_absolute_url(),
        "/innovations/",
        f"/innovations/?q={payload[:20]}",
        f"/innovations/{innovation.slug}/embed/",
        f"/members/{owner.username}/",
        "/members/",
        f"/innovations/{innovation.slug}/edit/",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert dangerous_markup(response.content.decode()) == [], path
    feed = client.get("/innovations/feed/").content.decode()
    assert "<script" not in feed.replace("&lt;script", "")
