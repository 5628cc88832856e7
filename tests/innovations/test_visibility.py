"""Visibility for visitor, applicant, member, owner, team member and moderator, on every view,
list, feed, sitemap, export, embed and count. Drafted, rejected and members-only never leak."""

import pytest

from tests.home import figure, section

pytestmark = pytest.mark.django_db

STATES = {
    "public-published": {"status": "published", "visibility": "public"},
    "members-published": {"status": "published", "visibility": "members"},
    "draft": {"status": "draft", "visibility": "public", "published_at": None},
    "submitted": {"status": "submitted", "visibility": "public", "published_at": None},
    "changes": {"status": "changes_requested", "visibility": "public", "published_at": None},
    "rejected": {"status": "rejected", "visibility": "public", "published_at": None},
    "archived": {"status": "archived", "visibility": "public"},
}
ROLES = ["visitor", "applicant", "member", "owner", "team", "moderator"]
EVERYONE = set(ROLES)
INSIDERS = {"owner", "team", "moderator"}
MEMBERS = {"member", "owner", "team", "moderator"}
# Who may open each one's page.
DETAIL = {
    "public-published": EVERYONE,
    "members-published": MEMBERS,
    "draft": INSIDERS,
    "submitted": INSIDERS,
    "changes": INSIDERS,
    "rejected": INSIDERS,
    "archived": INSIDERS,
}
# Who sees each one in the showcase (published only, even for insiders).
SHOWCASE = {"public-published": EVERYONE, "members-published": MEMBERS}


@pytest.fixture
def world(make_innovation):
    return {
        name: make_innovation(title=f"Title {name} zq", slug=f"slug-{name}", **fields)
        for name, fields in STATES.items()
    }


def as_role(client, roles, role):
    client.logout()
    if roles[role] is not None:
        client.force_login(roles[role])
    return client


@pytest.mark.parametrize("role", ROLES)
def test_detail_page_by_role(client, roles, world, role):
    as_role(client, roles, role)
    for name, innovation in world.items():
        status = client.get(innovation.get_absolute_url()).status_code
        assert status == (200 if role in DETAIL[name] else 404), name


@pytest.mark.parametrize("role", ROLES)
def test_showcase_list_and_count_by_role(client, roles, world, role):
    as_role(client, roles, role)
    response = client.get("/innovations/")
    html = response.content.decode()
    expected = {name for name, who in SHOWCASE.items() if role in who}
    for name in STATES:
        assert (f"Title {name} zq" in html) == (name in expected), name
    assert response.context["page_obj"].paginator.count == len(expected)
    # Facet counts never count what the viewer may not see.
    theme = {o["value"]: o["count"] for o in response.context["facets"]["theme"]}
    assert theme == {"digital-skills": len(expected)}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "path",
    ["/innovations/feed/", "/sitemap.xml", "/innovations/export.csv", "/innovations/export.json"],
)
def test_feeds_sitemap_and_exports_hold_only_public_published(client, roles, world, role, path):
    as_role(client, roles, role)
    response = client.get(path)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    for name, innovation in world.items():
        present = f"Title {name} zq" in text or f"/innovations/{innovation.slug}/" in text
        assert present == (name == "public-published"), name


@pytest.mark.parametrize("role", ROLES)
def test_embed_only_for_public_published(client, roles, world, role):
    as_role(client, roles, role)
    for name, innovation in world.items():
        status = client.get(f"/innovations/{innovation.slug}/embed/").status_code
        assert status == (200 if name == "public-published" else 404), name


def test_embed_alone_may_be_framed(client, world):
    embed = client.get("/innovations/slug-public-published/embed/")
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed
    detail = client.get("/innovations/slug-public-published/")
    assert "frame-ancestors 'none'" in detail["Content-Security-Policy"]
    assert detail["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("role", ROLES)
def test_related_and_tag_suggestions_do_not_leak(client, roles, world, role):
    for innovation in world.values():
        innovation.tags.set(["leaky-tag"] if innovation.status != "published" else ["open-tag"])
    as_role(client, roles, role)
    html = client.get("/innovations/slug-public-published/").content.decode()
    for name in STATES:
        if name != "public-published":
            visible_in_showcase = role in SHOWCASE.get(name, set())
            assert (f"Title {name} zq" in html) == visible_in_showcase, name
    tags = client.get("/innovations/tags/?q=le").json()["tags"]
    assert tags == []


def test_organisation_page_and_home_counts_do_not_leak(client, world, roles):
    html = client.get("/innovations/").content.decode()
    assert "1 innovation" in html


@pytest.mark.parametrize("role", ["visitor", "applicant", "member"])
def test_outsiders_cannot_edit_or_act(client, roles, world, role):
    as_role(client, roles, role)
    innovation = world["public-published"]
    assert client.get(f"/innovations/{innovation.slug}/edit/").status_code in (302, 403)
    draft = world["draft"]
    for action in ("edit/", "submit/", "archive/", "team/", "updates/"):
        response = client.post(f"/innovations/{draft.slug}/{action}")
        assert response.status_code in (302, 404), action
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_home_featured_and_figures_do_not_leak(client, roles, world, role):
    for innovation in world.values():
        innovation.featured = True
        innovation.save()
    as_role(client, roles, role)
    response = client.get("/")
    html = response.content.decode()
    expected = {name for name, who in SHOWCASE.items() if role in who}
    featured = section(response, "innovations:featured").get("innovations", [])
    assert {i.title for i in featured} == {f"Title {name} zq" for name in expected}
    assert figure(response, "innovations") == len(expected)
    if role not in ("owner", "team"):  # the team's dashboard lists their own, in any status
        for name in STATES:
            assert (f"Title {name} zq" in html) == (name in expected), name


@pytest.mark.parametrize("role", ROLES)
def test_profile_and_organisation_pages_list_only_visible_innovations(
    client, roles, world, role, owner
):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory()
    for innovation in world.values():
        innovation.organisation = organisation
        innovation.save()
    owner.profile.visibility = "public"
    owner.profile.save()
    as_role(client, roles, role)
    expected = {name for name, who in SHOWCASE.items() if role in who}
    for path in (f"/members/{owner.username}/", f"/organisations/{organisation.slug}/"):
        html = client.get(path).content.decode()
        for name in STATES:
            assert (f"Title {name} zq" in html) == (name in expected), (path, name)


def test_cover_image_follows_the_innovation(client, roles, world, settings, tmp_path):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    draft = world["draft"]
    draft.cover.save("c.jpg", ContentFile(b"\xff\xd8\xff fake"), save=True)
    assert client.get(f"/innovations/{draft.slug}/cover.jpg").status_code == 404
    client.force_login(roles["member"])
    assert client.get(f"/innovations/{draft.slug}/cover.jpg").status_code == 404
    client.force_login(roles["owner"])
    assert client.get(f"/innovations/{draft.slug}/cover.jpg").status_code == 200


def test_shared_facet_counts_forget_a_hidden_innovation_at_once(client, roles, world):
    """Showcase facet counts are shared by all members for a minute, but a hiding (or any
    change to what they count) is reflected on the very next view."""
    from django.utils import timezone

    as_role(client, roles, "member")

    def theme():
        return {
            o["value"]: o["count"] for o in client.get("/innovations/").context["facets"]["theme"]
        }

    assert theme() == {"digital-skills": 2}
    assert theme() == {"digital-skills": 2}  # from the shared cache
    hidden = world["members-published"]
    hidden.hidden_at = timezone.now()
    hidden.save(update_fields=["hidden_at"])
    assert theme() == {"digital-skills": 1}
    as_role(client, roles, "visitor")
    assert theme() == {"digital-skills": 1}
