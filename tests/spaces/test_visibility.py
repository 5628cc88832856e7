"""A private space, its threads, files and even its title exist only for its members: never
in any list, search, sitemap, feed, digest, notification or count for anyone else. A
members-only space is nothing to visitors and applicants (DESIGN §4)."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from network.models import Notification
from spaces.digest import active_threads_section
from spaces.models import SharedFile
from spaces.services.discussions import reply_create, tell_followers
from tests.factories import (
    ApplicantFactory,
    ReplyFactory,
    SpaceFactory,
    SpaceMemberFactory,
    StaffFactory,
    ThreadFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SECRET = "Zanzibar levy pilot"
# What pages must not show (a search for "Zanzibar" echoes the word searched for).
HIDDEN = "levy pilot"


@pytest.fixture
def world():
    private = SpaceFactory(visibility="private", entry="invitation",
                           title=f"{SECRET} room", description=f"{SECRET} notes")  # fmt: skip
    members_only = SpaceFactory(visibility="members", title="Members corner qq")
    public = SpaceFactory(visibility="public", title="Open chapter qq")
    insider = SpaceMemberFactory(space=private).user
    thread = ThreadFactory(space=private, author=insider, title=f"{SECRET} budget",
                           body=f"The {SECRET} numbers")  # fmt: skip
    ReplyFactory(thread=thread, author=insider, body=f"More on the {SECRET}")
    shared = SharedFile(space=private, uploaded_by=insider, title=f"{SECRET} sheet",
                        original_filename="levy.csv", file_size=4,
                        content_type="text/csv")  # fmt: skip
    shared.file.save("upload", ContentFile(b"a,b\n"), save=False)
    shared.save()
    members_thread = ThreadFactory(space=members_only, title="Members thread qq")
    public_thread = ThreadFactory(space=public, title="Open thread qq")
    # Someone in the public space and the members' space, not in the private one.
    outsider = UserFactory()
    SpaceMemberFactory(space=public, user=outsider, following="all")
    SpaceMemberFactory(space=members_only, user=outsider, following="all")
    return {
        "private": private, "members": members_only, "public": public, "insider": insider,
        "thread": thread, "file": shared, "members_thread": members_thread,
        "public_thread": public_thread, "outsider": outsider,
    }  # fmt: skip


def _pages(client, world):
    """Every page listing or finding spaces and threads."""
    return {
        url: client.get(url).content.decode()
        for url in (
            "/spaces/", "/spaces/?kind=community", "/spaces/?mine=1", "/search/?q=Zanzibar",
            "/search/?q=levy", "/search/?q=qq", "/sitemap.xml", "/", "/members/me/",
            world["public"].get_absolute_url(),
        )
    }  # fmt: skip


@pytest.mark.parametrize("who", ["visitor", "applicant", "member", "outsider"])
def test_a_private_space_exists_for_nobody_outside_it(client, world, who):
    viewer = {"visitor": None, "applicant": ApplicantFactory(), "member": UserFactory(),
              "outsider": world["outsider"]}[who]  # fmt: skip
    if viewer is not None:
        client.force_login(viewer)
    for url, html in _pages(client, world).items():
        assert HIDDEN not in html, url
    private, thread, shared = world["private"], world["thread"], world["file"]
    for url in (
        private.get_absolute_url(), thread.get_absolute_url(), f"/spaces/{private.slug}/files/",
        f"/spaces/{private.slug}/files/{shared.pk}/", f"/spaces/{private.slug}/members/",
    ):  # fmt: skip
        assert client.get(url).status_code in (404, 302), url
    # The list's count is of what the viewer may see.
    listed = client.get("/spaces/").context["page_obj"].paginator.count
    assert listed == (1 if who in ("visitor", "applicant") else 2)


def test_a_members_space_is_nothing_to_visitors_and_applicants(client, world):
    for viewer in (None, ApplicantFactory()):
        client.logout()
        if viewer:
            client.force_login(viewer)
        for url, html in _pages(client, world).items():
            assert "Members corner" not in html and "Members thread" not in html, url
        assert client.get(world["members"].get_absolute_url()).status_code == 404
        assert client.get(world["members_thread"].get_absolute_url()).status_code == 404


def test_members_of_the_private_space_and_staff_find_it(client, world):
    for viewer in (world["insider"], StaffFactory()):
        client.force_login(viewer)
        assert f"{SECRET} room" in client.get("/spaces/").content.decode()
        found = client.get("/search/?q=Zanzibar").content.decode()
        assert f"{SECRET} budget" in found
        response = client.get(f"/spaces/{world['private'].slug}/files/{world['file'].pk}/")
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["Cache-Control"] == "private, no-store"


def test_the_sitemap_lists_public_spaces_and_threads_only(client, world):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert world["public"].get_absolute_url() in sitemap
    assert world["public_thread"].get_absolute_url() in sitemap
    assert world["members"].get_absolute_url() not in sitemap
    assert world["members_thread"].get_absolute_url() not in sitemap
    assert world["private"].get_absolute_url() not in sitemap


def test_notifications_of_a_private_thread_reach_its_members_only(world):
    private = world["private"]
    follower = SpaceMemberFactory(space=private, following="all").user
    reply = reply_create(thread=world["thread"], author=world["insider"], body="Update",
                         language="en")  # fmt: skip
    tell_followers(thread_id=world["thread"].pk, reply_id=reply.pk)
    told = Notification.objects.filter(kind="space_post")
    assert list(told.values_list("recipient", flat=True)) == [follower.pk]
    assert not Notification.objects.filter(recipient=world["outsider"]).exists()


def test_the_digest_shows_active_threads_of_ones_own_spaces_only(world):
    since = timezone.now() - timezone.timedelta(days=7)
    sections = active_threads_section([world["outsider"], world["insider"]], since)
    outsider = [item.title for item in sections[world["outsider"].pk].items]
    assert "Open thread qq" in outsider and "Members thread qq" in outsider
    assert not any(HIDDEN in title for title in outsider)
    # The insider wrote the private thread: it is not news to them.
    assert world["insider"].pk not in sections
