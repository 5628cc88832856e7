"""What a member sees of their spaces on their home and what is new since their last visit,
and the space moderators' small dashboard."""

import pytest
from django.utils import timezone

from network import moderation
from spaces.models import Membership
from tests.factories import (
    ReplyFactory,
    SpaceFactory,
    SpaceMemberFactory,
    ThreadFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_my_spaces_on_the_home_with_what_is_new_since_the_last_visit(client):
    member = UserFactory()
    chapter = SpaceFactory(title="Africa chapter qq", kind="chapter")
    room = SpaceFactory(title="Workshop room qq", visibility="private", entry="invitation")
    SpaceFactory(title="Someone else's room qq", visibility="private", entry="invitation")
    week_ago = timezone.now() - timezone.timedelta(days=7)
    SpaceMemberFactory(space=chapter, user=member, joined_at=week_ago)
    SpaceMemberFactory(space=room, user=member, joined_at=week_ago)
    ThreadFactory.create_batch(2, space=chapter)
    client.force_login(member)
    home = client.get("/").content.decode()
    assert "My spaces" in home
    assert "Africa chapter qq" in home and "Workshop room qq" in home
    assert "Someone else&#x27;s room qq" not in home and "Someone else's room" not in home
    assert "2 new" in home
    # Opening the space shows each thread as new, once.
    page = client.get(chapter.get_absolute_url()).content.decode()
    assert "2 threads have news since your last visit." in page
    assert "2 new" not in client.get("/").content.decode()
    assert (
        "news since your last visit" not in client.get(chapter.get_absolute_url()).content.decode()
    )
    # A reply afterwards brings one thread back.
    thread = chapter.threads.first()
    ReplyFactory(thread=thread)
    thread.last_activity_at = timezone.now() + timezone.timedelta(seconds=1)
    thread.save(update_fields=["last_activity_at"])
    assert "1 new" in client.get("/").content.decode()
    page = client.get(chapter.get_absolute_url()).content.decode()
    assert "1 thread has news since your last visit." in page


def test_a_member_without_spaces_has_no_block(client):
    SpaceFactory(title="Open chapter qq")
    client.force_login(UserFactory())
    assert "My spaces" not in client.get("/").content.decode()


def test_the_space_moderators_dashboard(client):
    space = SpaceFactory(entry="request", visibility="members")
    moderator = SpaceMemberFactory(space=space, role="moderator").user
    member = SpaceMemberFactory(space=space).user
    applicant = UserFactory(display_name="Amina Waits")
    Membership.objects.create(space=space, user=applicant, state="requested", message="Hi")
    ThreadFactory(space=space, title="House rules qq", pinned_at=timezone.now())
    reported = ThreadFactory(space=space, title="Buy cheap certificates qq", author=member)
    moderation.report_create(reporter=moderator, target=reported, reason="spam")
    elsewhere = ThreadFactory(title="Another space's thread qq")
    moderation.report_create(reporter=moderator, target=elsewhere, reason="spam")
    url = f"/spaces/{space.slug}/manage/"
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(moderator)
    page = client.get(url).content.decode()
    assert "Amina Waits" in page
    assert "House rules qq" in page
    assert "Buy cheap certificates qq" in page
    assert "Another space&#x27;s thread qq" not in page
    assert "Another space's thread qq" not in page
