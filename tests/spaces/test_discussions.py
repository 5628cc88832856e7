"""Threads and replies: followers told by their choice, mentions through the contact gate,
question mode, pinning, locking, edits kept for moderators, reports."""

import pytest
from django.core import mail

from members.models import Block
from network.models import Notification
from spaces.models import Revision, Thread
from tests.factories import (
    ReplyFactory,
    SpaceFactory,
    SpaceMemberFactory,
    ThreadFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def space():
    return SpaceFactory(title="Africa chapter")


def _member(space, **fields):
    return SpaceMemberFactory(space=space, **fields).user


def _told(user, kind):
    return list(Notification.objects.filter(recipient=user, kind=kind))


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the followers' task, emails) as a request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_new_thread_reaches_followers_by_their_choice(client, space, committed):
    author = _member(space)
    every = _member(space, following="all")
    threads = _member(space, following="threads")
    mentions = _member(space, following="mentions")
    outsider = UserFactory()
    client.force_login(author)
    with committed():
        response = client.post(f"/spaces/{space.slug}/new/", {
            "title": "Logbooks", "body": "How do you keep masters engaged?", "language": "en",
        })  # fmt: skip
    thread = Thread.objects.get()
    assert response["Location"] == thread.get_absolute_url()
    assert len(_told(every, "space_post")) == 1
    assert len(_told(threads, "space_post")) == 1
    assert _told(mentions, "space_post") == [] and _told(outsider, "space_post") == []
    assert _told(author, "space_post") == []


def test_a_reply_reaches_every_post_followers_and_the_thread_author(client, space, committed):
    asker = _member(space, following="threads")
    every = _member(space, following="all")
    threads = _member(space, following="threads")
    thread = ThreadFactory(space=space, author=asker)
    replier = _member(space)
    client.force_login(replier)
    with committed():
        response = client.post(f"/spaces/{space.slug}/threads/{thread.pk}/reply/",
                               {"body": "SMS reminders.", "language": "en"})  # fmt: skip
    assert response.status_code == 302 and "#reply-" in response["Location"]
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert len(_told(asker, "space_post")) == 1
    assert len(_told(every, "space_post")) == 1
    assert _told(threads, "space_post") == []


def test_a_mention_notifies_the_member_named(client, space, committed):
    author = _member(space)
    named = _member(space, following="mentions")
    named.profile.delivery = "immediate"
    named.profile.save()
    thread = ThreadFactory(space=space, author=author)
    client.force_login(author)
    with committed():
        client.post(f"/spaces/{space.slug}/threads/{thread.pk}/reply/",
                    {"body": f"@{named.username} what do you think?", "language": "en"})  # fmt: skip
    [notification] = _told(named, "space_mention")
    assert "mentioned you" in notification.message
    assert "?reply=" in notification.url
    # Their mention email, not also a "new post" one.
    assert [m.to for m in mail.outbox] == [[named.email]]
    assert _told(named, "space_post") == []


def test_mentions_of_who_blocked_the_author_left_or_is_outside_notify_nobody(
    client, space, committed
):
    author = _member(space)
    blocker = _member(space, following="all")
    Block.objects.create(blocker=blocker, blocked=author)
    gone = _member(space, following="all", state="left")
    outside = UserFactory()
    muted = _member(space)
    muted.profile.muted_kinds = ["space_mention"]
    muted.profile.save()
    thread = ThreadFactory(space=space, author=author)
    client.force_login(author)
    with committed():
        response = client.post(f"/spaces/{space.slug}/threads/{thread.pk}/reply/", {
            "body": f"@{blocker.username} @{gone.username} @{outside.username} @{muted.username}",
            "language": "en",
        })  # fmt: skip
    assert response.status_code == 302  # the reply still goes up
    assert thread.replies.count() == 1
    for person in (blocker, gone, outside, muted):
        assert _told(person, "space_mention") == []
    # Nor does the one who blocked the author hear of the reply any other way.
    assert _told(blocker, "space_post") == [] and _told(gone, "space_post") == []


def test_question_mode_the_asker_marks_the_answer(client, space):
    asker = _member(space)
    thread = ThreadFactory(space=space, author=asker, mode="question")
    helpful = ReplyFactory(thread=thread, author=_member(space))
    other = ReplyFactory(thread=thread, author=_member(space))
    bystander = _member(space)
    url = f"/spaces/{space.slug}/threads/{thread.pk}/answer/"
    client.force_login(bystander)
    assert client.post(url, {"reply": helpful.pk}).status_code == 403
    client.force_login(asker)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert page.count("This answered the question") == 2
    client.post(url, {"reply": helpful.pk})
    thread.refresh_from_db()
    assert thread.answer == helpful
    assert _told(helpful.author, "space_post")
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Accepted answer" in page and "Answered" in page
    assert other.body in page
    # A space moderator may change it.
    client.force_login(_member(space, role="moderator"))
    client.post(url, {"reply": other.pk})
    thread.refresh_from_db()
    assert thread.answer == other


def test_a_discussion_has_no_answer(client, space):
    asker = _member(space)
    thread = ThreadFactory(space=space, author=asker)
    reply = ReplyFactory(thread=thread)
    client.force_login(asker)
    response = client.post(f"/spaces/{space.slug}/threads/{thread.pk}/answer/",
                           {"reply": reply.pk}, follow=True)  # fmt: skip
    assert "Only questions have an accepted answer." in response.content.decode()


def test_space_moderators_pin_and_lock(client, space):
    older = ThreadFactory(space=space, title="Older thread")
    newer = ThreadFactory(space=space, title="Newer thread")
    client.force_login(_member(space, role="moderator"))
    client.post(f"/spaces/{space.slug}/threads/{older.pk}/moderate/", {"action": "pin"})
    page = client.get(space.get_absolute_url()).content.decode()
    assert page.index("Older thread") < page.index("Newer thread")
    client.post(f"/spaces/{space.slug}/threads/{newer.pk}/moderate/", {"action": "lock"})
    member = _member(space)
    client.force_login(member)
    response = client.post(f"/spaces/{space.slug}/threads/{newer.pk}/reply/",
                           {"body": "Late.", "language": "en"})  # fmt: skip
    assert "This thread is locked" in response.content.decode()
    assert newer.replies.count() == 0
    assert client.post(f"/spaces/{space.slug}/threads/{newer.pk}/moderate/",
                       {"action": "unlock"}).status_code == 403  # fmt: skip


def test_edits_keep_a_history_moderators_read(client, space):
    author = _member(space)
    thread = ThreadFactory(space=space, author=author, title="First title", body="First body")
    client.force_login(author)
    client.post(f"/spaces/{space.slug}/threads/{thread.pk}/edit/",
                {"title": "Second title", "body": "Second body"})  # fmt: skip
    thread.refresh_from_db()
    assert thread.body == "Second body" and thread.edited_at
    [revision] = Revision.objects.all()
    assert revision.title == "First title" and revision.body == "First body"
    history = f"/spaces/{space.slug}/threads/{thread.pk}/history/"
    assert client.get(history).status_code == 403  # authors do not read the history
    client.force_login(_member(space, role="moderator"))
    assert "First body" in client.get(history).content.decode()


def test_a_reported_reply_hides_itself_after_enough_reports(client, space, settings):
    settings.REPORT_HIDE_THRESHOLD = 2
    settings.REPORT_TRUSTED_AFTER_DAYS = 0
    thread = ThreadFactory(space=space)
    reply = ReplyFactory(thread=thread, body="Buy cheap certificates here")
    for _ in range(2):
        client.force_login(_member(space))
        client.post(f"/report/spaces-reply/{reply.pk}/", {"reason": "spam"})
    reply.refresh_from_db()
    assert reply.hidden_at is not None
    client.force_login(_member(space))
    assert "Buy cheap certificates" not in client.get(thread.get_absolute_url()).content.decode()


def test_a_quoted_reply_is_shown_above_the_new_one(client, space):
    thread = ThreadFactory(space=space)
    quoted = ReplyFactory(thread=thread, body="Weekly SMS reminders worked.")
    member = _member(space)
    client.force_login(member)
    form = client.get(f"{thread.get_absolute_url()}?quote={quoted.pk}").content.decode()
    assert "Quoting" in form and f'value="{quoted.pk}"' in form
    client.post(f"/spaces/{space.slug}/threads/{thread.pk}/reply/",
                {"body": "Same here.", "language": "fr", "quoting": quoted.pk})  # fmt: skip
    new = thread.replies.get(body="Same here.")
    assert new.quoting == quoted and new.language == "fr"
    page = client.get(thread.get_absolute_url()).content.decode()
    assert 'lang="fr"' in page and page.index("Weekly SMS") < page.index("Same here.")
