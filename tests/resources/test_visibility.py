"""Visibility for visitor, applicant, member, contributor and moderator on every view, list,
count, facet, collection, sitemap and download. Drafts, contributions under review, declined
and members-only resources never leak; a members-only file is reachable by no other URL."""

import pytest
from django.urls import Resolver404, resolve

from tests.factories import (
    CollectionFactory,
    CollectionItemFactory,
    InnovationFactory,
    ResourceFactory,
    StaffFactory,
    UsefulMarkFactory,
)
from tests.resources.conftest import as_role

pytestmark = pytest.mark.django_db

STATES = {
    "public-published": {"status": "published", "access": "public"},
    "members-published": {"status": "published", "access": "members"},
    "draft": {"status": "draft", "access": "public", "published_at": None},
    "submitted": {"status": "submitted", "access": "public", "published_at": None},
    "rejected": {"status": "rejected", "access": "public", "published_at": None},
    "members-submitted": {"status": "submitted", "access": "members", "published_at": None},
}
ROLES = ["visitor", "applicant", "member", "contributor", "moderator"]
EVERYONE = set(ROLES)
MEMBERS = {"member", "contributor", "moderator"}
INSIDERS = {"contributor", "moderator"}
# Who may open each one's page and its file.
DETAIL = {
    "public-published": EVERYONE,
    "members-published": MEMBERS,
    "draft": INSIDERS,
    "submitted": INSIDERS,
    "rejected": INSIDERS,
    "members-submitted": INSIDERS,
}
# Who sees each one in the library, collections and counts (published only, even for insiders).
LISTED = {"public-published": EVERYONE, "members-published": MEMBERS}


@pytest.fixture
def world(contributor):
    return {
        name: ResourceFactory(
            title=f"Title {name} zq",
            slug=f"slug-{name}",
            contributor=contributor,
            publisher_type="member",
            **fields,
        )
        for name, fields in STATES.items()
    }


def listed_names(role):
    return {name for name, who in LISTED.items() if role in who}


@pytest.mark.parametrize("role", ROLES)
def test_detail_page_by_role(client, roles, world, role):
    as_role(client, roles, role)
    for name, resource in world.items():
        status = client.get(resource.get_absolute_url()).status_code
        assert status == (200 if role in DETAIL[name] else 404), name


@pytest.mark.parametrize("role", ROLES)
def test_download_by_role(client, roles, world, role):
    as_role(client, roles, role)
    for name, resource in world.items():
        response = client.get(resource.get_download_url())
        assert response.status_code == (200 if role in DETAIL[name] else 404), name
        if response.status_code == 200:
            assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("role", ROLES)
def test_library_list_counts_and_facets_by_role(client, roles, world, role):
    as_role(client, roles, role)
    response = client.get("/resources/")
    html = response.content.decode()
    expected = listed_names(role)
    for name in STATES:
        assert (f"Title {name} zq" in html) == (name in expected), name
    assert response.context["page_obj"].paginator.count == len(expected)
    facets = {
        key: {option["value"]: option["count"] for option in options}
        for key, options in response.context["facets"].items()
    }
    assert facets["theme"] == {"digital-skills": len(expected)}
    assert facets["type"] == {"guide": len(expected)}
    assert facets["language"] == {"en": len(expected)}
    assert facets["publisher"] == {"member": len(expected)}
    assert facets["year"] == {"2024": len(expected)}
    assert facets["access"] == ({"public": 1, "members": 1} if role in MEMBERS else {"public": 1})


@pytest.mark.parametrize("role", ROLES)
def test_search_and_filters_do_not_reveal_hidden_resources(client, roles, world, role):
    as_role(client, roles, role)
    for query in ("?q=zq", "?q=Title+draft", "?access=members", "?theme=digital-skills&year=2024"):
        response = client.get("/resources/" + query)
        titles = {resource.title for resource in response.context["page_obj"]}
        assert titles <= {f"Title {name} zq" for name in listed_names(role)}, query
    members_only = client.get("/resources/?access=members").context["page_obj"].paginator.count
    assert members_only == (1 if role in MEMBERS else 0)


@pytest.mark.parametrize("role", ROLES)
def test_collection_page_and_index_list_only_what_the_viewer_may_see(client, roles, world, role):
    collection = CollectionFactory(title="Apprenticeship toolkit", slug="toolkit")
    for position, resource in enumerate(world.values()):
        CollectionItemFactory(collection=collection, resource=resource, position=position)
    only_hidden = CollectionFactory(title="Members shelf", slug="members-shelf")
    CollectionItemFactory(collection=only_hidden, resource=world["members-published"])
    as_role(client, roles, role)
    expected = listed_names(role)
    response = client.get("/resources/collections/toolkit/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in STATES:
        assert (f"Title {name} zq" in html) == (name in expected), name
    assert len(response.context["items"]) == len(expected)
    # The index (and the library's) count only what the viewer may see, and leave out
    # collections with nothing for them.
    for path in ("/resources/collections/", "/resources/"):
        counts = {c.slug: c.item_count for c in client.get(path).context["collections"]}
        if role in MEMBERS:
            assert counts == {"members-shelf": 1, "toolkit": 2}, path
        else:
            assert counts == {"toolkit": 1}, path


def test_unpublished_collection_is_for_staff_only(client, roles, world):
    collection = CollectionFactory(slug="in-progress", published=False)
    CollectionItemFactory(collection=collection, resource=world["public-published"])
    for role in ROLES:
        as_role(client, roles, role)
        status = client.get("/resources/collections/in-progress/").status_code
        assert status == (200 if role == "moderator" else 404), role
        assert "in-progress" not in {
            c.slug for c in client.get("/resources/").context["collections"]
        }


@pytest.mark.parametrize("role", ROLES)
def test_sitemap_holds_only_public_published(client, roles, world, role):
    collection = CollectionFactory(slug="public-shelf")
    CollectionItemFactory(collection=collection, resource=world["public-published"])
    hidden = CollectionFactory(slug="hidden-shelf")
    CollectionItemFactory(collection=hidden, resource=world["members-published"])
    as_role(client, roles, role)
    text = client.get("/sitemap.xml").content.decode()
    for name, resource in world.items():
        assert (f"/resources/{resource.slug}/" in text) == (name == "public-published"), name
    assert "/resources/collections/public-shelf/" in text
    assert "hidden-shelf" not in text


@pytest.mark.parametrize("role", ROLES)
def test_language_versions_show_only_those_the_viewer_may_see(client, roles, role):
    original = ResourceFactory(title="Toolkit", slug="toolkit", language="en")
    ResourceFactory(slug="boite", language="fr", translation_of=original, access="members")
    ResourceFactory(slug="caja", language="es", translation_of=original)
    ResourceFactory(slug="ferramentas", language="pt", translation_of=original, status="draft")
    as_role(client, roles, role)
    versions = client.get("/resources/toolkit/").context["versions"]
    expected = ["es", "fr"] if role in MEMBERS else ["es"]
    assert sorted(version.language for version in versions) == expected
    # From a version, the original and the other versions.
    versions = client.get("/resources/caja/").context["versions"]
    expected = ["en", "fr"] if role in MEMBERS else ["en"]
    assert sorted(version.language for version in versions) == expected
    html = client.get("/resources/caja/").content.decode()
    assert 'Also in <a href="/resources/toolkit/" hreflang="en" lang="en">English</a>' in html


@pytest.mark.parametrize("role", ROLES)
def test_where_it_is_used_lists_only_visible_innovations(client, roles, role):
    resource = ResourceFactory(slug="guide")
    public = InnovationFactory(title="Open innovation")
    members = InnovationFactory(title="Members innovation", visibility="members")
    draft = InnovationFactory(title="Draft innovation", status="draft", published_at=None)
    resource.innovations.set([public, members, draft])
    as_role(client, roles, role)
    titles = [i.title for i in client.get("/resources/guide/").context["innovations"]]
    expected = ["Members innovation", "Open innovation"] if role in MEMBERS else ["Open innovation"]
    assert titles == expected


@pytest.mark.parametrize("role", ROLES)
def test_where_it_is_used_lists_only_visible_events(client, roles, role):
    from tests.factories import EventFactory

    resource = ResourceFactory(slug="guide")
    for title, fields in {
        "Open session": {},
        "Members workshop": {"visibility": "members"},
        "Invite-only clinic": {"visibility": "private"},
        "Draft training": {"status": "draft", "published_at": None},
    }.items():
        EventFactory(title=title, **fields).materials.add(resource)
    as_role(client, roles, role)
    response = client.get("/resources/guide/")
    titles = sorted(event.title for event in response.context["events"])
    if role == "moderator":
        expected = ["Invite-only clinic", "Members workshop", "Open session"]
    elif role in MEMBERS:
        expected = ["Members workshop", "Open session"]
    else:
        expected = ["Open session"]
    assert titles == expected
    html = response.content.decode()
    for title in ("Members workshop", "Invite-only clinic", "Draft training"):
        assert (title in html) == (title in expected), title


@pytest.mark.parametrize("role", ROLES)
def test_useful_notes_are_for_members_and_the_count_for_everyone(client, roles, role):
    resource = ResourceFactory(slug="guide")
    UsefulMarkFactory(resource=resource, note="We ran it with 30 apprentices zq.")
    UsefulMarkFactory(resource=resource, note="")
    as_role(client, roles, role)
    response = client.get("/resources/guide/")
    html = response.content.decode()
    assert response.context["useful_count"] == 2
    assert "2 members found it useful" in html
    assert ("We ran it with 30 apprentices zq." in html) == (role in MEMBERS)


def test_my_resources_lists_only_mine_in_every_status(client, roles, world):
    client.force_login(roles["contributor"])
    html = client.get("/resources/mine/").content.decode()
    for name in STATES:
        assert f"Title {name} zq" in html, name
    client.force_login(roles["member"])
    html = client.get("/resources/mine/").content.decode()
    assert "zq" not in html


@pytest.mark.parametrize("role", ROLES)
def test_members_only_file_is_reachable_by_no_other_url(client, roles, world, role, settings):
    """Not through the media URL (the project serves no media at all), nor any guess at the
    storage path: only the download view, which checks access."""
    resource = world["members-published"]
    stored = resource.file.name
    assert (settings.MEDIA_ROOT / stored).exists()
    as_role(client, roles, role)
    guesses = [
        f"/media/{stored}",
        f"/fr/media/{stored}",
        f"/{stored}",
        f"/static/../media/{stored}",
        f"/media/{stored.rsplit('/', 1)[1]}",
        f"/resources/{stored}",
        f"/media/resources/{resource.original_filename}",
    ]
    for path in guesses:
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"%PDF" not in response.content, path
    with pytest.raises(Resolver404):
        resolve(f"/media/{stored}", urlconf="portal.urls")


def test_development_server_does_not_serve_media_either(client, world, settings):
    """With DEBUG on, the URL tree is the same: no static() helper for media is added."""
    import importlib

    import portal.urls

    settings.DEBUG = True
    try:
        module = importlib.reload(portal.urls)
        with pytest.raises(Resolver404):
            resolve(f"/media/{world['members-published'].file.name}", urlconf=module)
    finally:
        settings.DEBUG = False
        importlib.reload(portal.urls)


def test_runserver_handler_does_not_serve_media(world, settings):
    """``manage.py runserver`` wraps the site in staticfiles' handler, which serves
    STATIC_URL only: a guessed media path reaches the site, which has no such URL."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    settings.DEBUG = True
    handler = StaticFilesHandler(WSGIHandler())
    path = f"/media/{world['members-published'].file.name}"
    environ = RequestFactory().get(path).environ
    statuses = []
    body = b"".join(handler(environ, lambda status, headers: statuses.append(status)))
    assert statuses == ["404 Not Found"]
    assert b"%PDF" not in body


def test_admin_shows_no_storage_path_nor_media_link(client, world):
    moderator = StaffFactory(is_superuser=True)
    client.force_login(moderator)
    resource = world["members-published"]
    html = client.get(f"/admin/resources/resource/{resource.pk}/change/").content.decode()
    assert f'<a href="/resources/{resource.slug}/download/">guide.pdf</a>' in html
    assert resource.file.name not in html
    assert "/media/" not in html
    listing = client.get("/admin/resources/resource/").content.decode()
    assert resource.file.name not in listing
