"""Threads and replies: mentions through the contact gate, edits kept as revisions, pinning
and locking, accepted answers, and telling followers by their choice."""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members import contact
from members.models import Block, User
from network.jobs import enqueue
from network.moderation import audit
from network.notifications import notify
from spaces.access import can_moderate, can_post, membership_of
from spaces.models import (
    Following,
    Membership,
    Reply,
    Revision,
    Space,
    Thread,
)

MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9][A-Za-z0-9_-]{0,35})")

# Which kind of follower hears of which post.
HEARS_OF_THREADS = (Following.ALL, Following.THREADS)


def mentioned_names(text: str) -> set[str]:
    return {name.lower() for name in MENTION.findall(text or "")}


def _mention(*, space: Space, author: User, text: str, url: str, what: str) -> list[User]:
    """Tell the members of the space named with @ in ``text``. Only people in the space are
    reached, each through the contact gate: whoever blocked the author (or was blocked),
    switched mentions off or left the space hears nothing, and the post still goes up."""
    names = mentioned_names(text)
    if not names:
        return []
    people = [
        m.user
        for m in Membership.objects.active()
        .filter(space=space, user__username__in=names)
        .exclude(user=author)
        .select_related("user__profile")
    ]
    told = []
    for person in people:
        try:
            with transaction.atomic():
                reached = contact.admit(sender=author, recipients=[person], kind="space_mention")
        except contact.ContactRefused:
            continue
        for recipient in reached:
            contact.tell(
                recipient,
                kind="space_mention",
                message=gettext_lazy("%(name)s mentioned you in “%(title)s”."),
                params={"name": str(author), "title": what},
                url=url,
                template="space_mention",
                context={
                    "author": author, "member": recipient, "title": what, "space": space,
                    "text": text, "url": settings.SITE_URL + url,
                },
            )  # fmt: skip
            told.append(recipient)
    return told


def _check_body(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write something first."))
    return text


@transaction.atomic
def thread_create(
    *, space: Space, author: User, title: str, body: str, language: str, question: bool = False
) -> Thread:
    if not can_post(author, space, membership_of(space, author)):
        raise PermissionDenied
    thread = Thread.objects.create(
        space=space,
        author=author,
        title=title.strip()[:160],
        body=_check_body(body),
        language=language,
        mode=Thread.Mode.QUESTION if question else Thread.Mode.DISCUSSION,
    )
    mentioned = _mention(space=space, author=author, text=body, url=thread.get_absolute_url(),
                         what=thread.title)  # fmt: skip
    transaction.on_commit(
        lambda: enqueue(
            "spaces.tasks.tell_followers",
            thread_id=thread.pk,
            reply_id=None,
            skip=[u.pk for u in mentioned],
        )
    )
    return thread


@transaction.atomic
def reply_create(
    *, thread: Thread, author: User, body: str, language: str, quoting: Reply | None = None
) -> Reply:
    space = thread.space
    if not can_post(author, space, membership_of(space, author)):
        raise PermissionDenied
    if thread.locked_at:
        raise ValidationError(_("This thread is locked: it takes no more replies."))
    if quoting is not None and quoting.thread_id != thread.pk:
        quoting = None
    reply = Reply.objects.create(
        thread=thread, author=author, body=_check_body(body), language=language, quoting=quoting
    )
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=reply.created_at
    )
    mentioned = _mention(space=space, author=author, text=body, url=reply.get_absolute_url(),
                         what=thread.title)  # fmt: skip
    transaction.on_commit(
        lambda: enqueue(
            "spaces.tasks.tell_followers",
            thread_id=thread.pk,
            reply_id=reply.pk,
            skip=[u.pk for u in mentioned],
        )
    )
    return reply


def tell_followers(*, thread_id: int, reply_id: int | None, skip=()) -> int:
    """Tell the space's members who follow it of a new thread or reply, by their choice:
    every post, new threads only (and replies to their own threads), or mentions only (told
    already). Their delivery preference decides when the email comes. Idempotent enough for
    a retry: a notification per member and post."""
    thread = (
        Thread.objects.filter(pk=thread_id, hidden_at__isnull=True)
        .select_related("space", "author")
        .first()
    )
    if thread is None:
        return 0
    reply = None
    if reply_id is not None:
        reply = (
            Reply.objects.filter(pk=reply_id, hidden_at__isnull=True)
            .select_related("author")
            .first()
        )
        if reply is None:
            return 0
    author = reply.author if reply else thread.author
    memberships = (
        Membership.objects.active()
        .filter(space=thread.space)
        .exclude(user_id__in=[*skip, getattr(author, "pk", None)])
        .select_related("user__profile")
    )
    if reply is None:
        memberships = memberships.filter(following__in=HEARS_OF_THREADS)
        message = gettext_lazy("New thread in “%(space)s”: %(title)s")
        url = thread.get_absolute_url()
    else:
        own = thread.author_id
        memberships = [
            m for m in memberships
            if m.following == Following.ALL or (m.following == Following.THREADS and m.user_id == own)
        ]  # fmt: skip
        message = gettext_lazy("%(name)s replied in “%(title)s”.")
        url = reply.get_absolute_url()
    blocked = set()
    if author is not None:
        blocked = set(
            Block.objects.between_any(author, [m.user for m in memberships]).values_list(
                "blocker_id", "blocked_id"
            )
        )
        blocked = {pk for pair in blocked for pk in pair} - {author.pk}
    told = 0
    for membership in memberships:
        if membership.user_id in blocked:
            continue
        if "space_post" in (membership.user.profile.muted_kinds or []):
            continue
        notify(
            recipient=membership.user,
            kind="space_post",
            message=message,
            params={"space": thread.space.title, "title": thread.title, "name": str(author)},
            url=url,
        )
        told += 1
    return told


@transaction.atomic
def post_edit(*, post, by: User, body: str, title: str | None = None):
    """The author edits their thread or reply; what it said before is kept for moderators."""
    if post.author_id != by.pk or not by.is_member:
        raise PermissionDenied
    body = _check_body(body)
    # As stored, whatever a form already changed on ``post``.
    stored = type(post).objects.select_for_update().get(pk=post.pk)
    is_thread = isinstance(stored, Thread)
    title = title.strip()[:160] if title is not None and is_thread else None
    if body == stored.body and (title is None or title == stored.title):
        return stored
    if is_thread:
        Revision.objects.create(thread=stored, title=stored.title, body=stored.body)
    else:
        Revision.objects.create(reply=stored, body=stored.body)
    stored.body, stored.edited_at = body, timezone.now()
    fields = ["body", "edited_at"]
    if title is not None:
        stored.title = title
        fields.append("title")
    stored.save(update_fields=fields)
    return stored


@transaction.atomic
def thread_moderate(*, thread: Thread, by: User, action: str) -> Thread:
    """Pin, unpin, lock or unlock a thread (the space's moderators)."""
    if not can_moderate(by, thread.space):
        raise PermissionDenied
    now = timezone.now()
    changes = {
        "pin": ("pinned_at", now),
        "unpin": ("pinned_at", None),
        "lock": ("locked_at", now),
        "unlock": ("locked_at", None),
    }
    if action not in changes:
        raise ValidationError(_("Unknown action."))
    field, value = changes[action]
    setattr(thread, field, value)
    thread.save(update_fields=[field])
    audit(actor=by, action=f"thread_{action}", target=thread)
    return thread


@transaction.atomic
def answer_mark(*, thread: Thread, reply: Reply | None, by: User) -> Thread:
    """In a question, the asker or a space moderator marks the reply that answered it (or
    none); the reply's author is told."""
    if not thread.is_question:
        raise ValidationError(_("Only questions have an accepted answer."))
    if not (thread.author_id == by.pk and by.is_member) and not can_moderate(by, thread.space):
        raise PermissionDenied
    if reply is not None and reply.thread_id != thread.pk:
        raise ValidationError(_("This reply is not in this thread."))
    thread.answer = reply
    thread.save(update_fields=["answer"])
    if reply is not None and reply.author_id and reply.author_id != by.pk:
        notify(
            recipient=reply.author,
            kind="space_post",
            message=gettext_lazy("Your reply answered “%(title)s”."),
            params={"title": thread.title},
            url=reply.get_absolute_url(),
        )
    return thread
