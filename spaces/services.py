"""Writes with side effects in spaces: joining and leaving, discussions, files, linked
innovations and proposed sessions. Keyword-only, atomic; every member-to-member contact
(an invitation, a mention) passes the contact gate (members.contact)."""

import re
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import Event, EventHost
from events.models import Visibility as EventVisibility
from events.services.hosting import event_save
from events.services.invitations import invitation_create
from innovations.models import Innovation
from members import contact
from members.models import Block, User
from network.jobs import enqueue
from network.moderation import audit
from network.notifications import notify
from spaces.access import can_moderate, can_post, membership_of
from spaces.models import (
    Entry,
    Following,
    Membership,
    Reply,
    Revision,
    SessionProposal,
    SharedFile,
    SharedInnovation,
    Space,
    Thread,
    Visibility,
)

MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9][A-Za-z0-9_-]{0,35})")
INVITATION_SALT = "spaces.invitation"
INVITATION_DAYS = 30

# Which kind of follower hears of which post.
HEARS_OF_THREADS = (Following.ALL, Following.THREADS)


def _site(path: str) -> str:
    return settings.SITE_URL + path


# Joining, leaving, invitations ------------------------------------------------------------


@transaction.atomic
def join(*, space: Space, user: User, message: str = "") -> Membership:
    """Join an open space, or ask to join one on request (its moderators are told)."""
    if not user.is_member or space.archived_at:
        raise PermissionDenied
    membership = Membership.objects.select_for_update().filter(space=space, user=user).first()
    if membership is not None and membership.state == Membership.State.ACTIVE:
        return membership
    if membership is not None and membership.state == Membership.State.INVITED:
        return invitation_respond(membership=membership, user=user, accept=True)
    if membership is not None and membership.state == Membership.State.DECLINED:
        raise ValidationError(_("The space's moderators declined your request."))
    if space.entry == Entry.INVITATION:
        raise PermissionDenied
    if membership is None:
        membership = Membership(space=space, user=user)
    now = timezone.now()
    if space.entry == Entry.OPEN:
        membership.state, membership.joined_at = Membership.State.ACTIVE, now
        membership.message = ""
    else:
        if membership.state == Membership.State.REQUESTED:
            return membership
        membership.state, membership.message = Membership.State.REQUESTED, message[:500]
    membership.role = Membership.Role.MEMBER
    membership.save()
    if membership.state == Membership.State.REQUESTED:
        for moderator in space_moderators(space):
            notify(
                recipient=moderator,
                kind="space_membership",
                message=gettext_lazy("%(name)s asks to join “%(space)s”."),
                params={"name": str(user), "space": space.title},
                url=reverse("spaces:manage", kwargs={"slug": space.slug}),
            )
    return membership


def space_moderators(space: Space) -> list[User]:
    return [
        m.user for m in Membership.objects.moderating().filter(space=space).select_related("user")
    ]


@transaction.atomic
def request_decide(*, membership: Membership, by: User, accept: bool) -> Membership:
    """A space moderator accepts or declines a request to join; the member is told."""
    if not can_moderate(by, membership.space):
        raise PermissionDenied
    if membership.state != Membership.State.REQUESTED:
        raise ValidationError(_("This request has already been answered."))
    space = membership.space
    if accept:
        membership.state, membership.joined_at = Membership.State.ACTIVE, timezone.now()
        message = gettext_lazy("Welcome to “%(space)s”: your request to join was accepted.")
    else:
        membership.state = Membership.State.DECLINED
        message = gettext_lazy("Your request to join “%(space)s” was declined.")
    membership.save(update_fields=["state", "joined_at"])
    notify(
        recipient=membership.user,
        kind="space_membership",
        message=message,
        params={"space": space.title},
        url=space.get_absolute_url() if accept else reverse("spaces:list"),
    )
    return membership


def invitation_token(membership: Membership) -> str:
    return signing.dumps({"m": membership.pk}, salt=INVITATION_SALT, compress=True)


def membership_for_token(token: str) -> Membership | None:
    """The invitation a signed link names, or None when the link is wrong or too old."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=timedelta(days=INVITATION_DAYS))
    except signing.BadSignature:
        return None
    return Membership.objects.filter(pk=data.get("m")).select_related("space", "user").first()


@transaction.atomic
def invite(*, space: Space, by: User, user: User) -> Membership:
    """A space moderator invites a member (the contact gate first); they get an email with a
    signed link. Inviting someone already in the space changes nothing."""
    if not can_moderate(by, space):
        raise PermissionDenied
    if not user.is_member:
        raise ValidationError(_("Only approved members can be invited."))
    membership = Membership.objects.select_for_update().filter(space=space, user=user).first()
    if membership is not None and membership.state == Membership.State.ACTIVE:
        raise ValidationError(_("%(name)s is already in this space.") % {"name": user})
    if membership is not None and membership.state == Membership.State.INVITED:
        return membership
    if by.pk != user.pk:
        contact.admit(sender=by, recipients=[user], kind="space_invitation")
    if membership is None:
        membership = Membership(space=space, user=user)
    membership.state, membership.invited_by = Membership.State.INVITED, by
    membership.role = Membership.Role.MEMBER
    membership.save()
    link = reverse(
        "spaces:invitation", kwargs={"slug": space.slug, "token": invitation_token(membership)}
    )
    contact.tell(
        user,
        kind="space_invitation",
        message=gettext_lazy("%(name)s invites you to the space “%(space)s”."),
        params={"name": str(by), "space": space.title},
        url=link,
        template="space_invitation",
        context={"space": space, "inviter": by, "member": user, "url": _site(link)},
        at_once=True,
    )
    return membership


@transaction.atomic
def invitation_respond(*, membership: Membership, user: User, accept: bool) -> Membership:
    if membership.user_id != user.pk or not user.is_member:
        raise PermissionDenied
    if membership.state != Membership.State.INVITED:
        raise ValidationError(_("This invitation has already been answered."))
    if accept:
        membership.state, membership.joined_at = Membership.State.ACTIVE, timezone.now()
    else:
        membership.state = Membership.State.LEFT
    membership.save(update_fields=["state", "joined_at"])
    return membership


@transaction.atomic
def leave(*, space: Space, user: User) -> None:
    """Leave a space: its posts stay, its notifications and mentions stop."""
    membership = membership_of(space, user)
    if membership is None or not membership.is_active:
        return
    membership.state, membership.role = Membership.State.LEFT, Membership.Role.MEMBER
    membership.save(update_fields=["state", "role"])


def following_set(*, membership: Membership, following: str) -> Membership:
    if following not in Following.values:
        raise ValidationError(_("Choose what you would like to hear about."))
    membership.following = following
    membership.save(update_fields=["following"])
    return membership


def visit_record(membership: Membership | None) -> None:
    """Remember when a member last opened the space: what is newer is marked "new"."""
    if membership is not None and membership.is_active:
        Membership.objects.filter(pk=membership.pk).update(last_visit_at=timezone.now())


@transaction.atomic
def moderator_name(*, space: Space, user: User, by: User, moderator: bool = True) -> Membership:
    """Staff name a member a moderator of a space (or stand them down)."""
    if not by.is_staff:
        raise PermissionDenied
    membership, _created = Membership.objects.get_or_create(
        space=space, user=user, defaults={"joined_at": timezone.now()}
    )
    membership.state = Membership.State.ACTIVE
    membership.joined_at = membership.joined_at or timezone.now()
    membership.role = Membership.Role.MODERATOR if moderator else Membership.Role.MEMBER
    membership.save()
    audit(actor=by, action="space_moderator" if moderator else "space_moderator_removed",
          target=space, after={"user": user.pk})  # fmt: skip
    return membership


# Discussions --------------------------------------------------------------------------------


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
                    "text": text, "url": _site(url),
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


# Files, innovations, proposed sessions ----------------------------------------------------


@transaction.atomic
def file_share(*, space: Space, by: User, title: str, checked) -> SharedFile:
    """A checked document (resources.uploads.check_document) shared in the space."""
    if not can_post(by, space, membership_of(space, by)):
        raise PermissionDenied
    shared = SharedFile(
        space=space,
        uploaded_by=by,
        title=title.strip()[:160] or checked.original_name,
        original_filename=checked.original_name,
        file_size=checked.size,
        content_type=checked.content_type,
    )
    shared.file.save("upload", checked.upload, save=False)
    shared.save()
    return shared


@transaction.atomic
def file_remove(*, shared: SharedFile, by: User) -> None:
    if shared.uploaded_by_id != by.pk and not can_moderate(by, shared.space):
        raise PermissionDenied
    shared.file.delete(save=False)
    shared.delete()


def linkable_innovations(user: User):
    """The published innovations a member may link to a space: those they own or work on."""
    return Innovation.objects.visible_to(user).published().of_team(user)


@transaction.atomic
def innovation_link(*, space: Space, by: User, innovation: Innovation) -> SharedInnovation:
    if not can_post(by, space, membership_of(space, by)):
        raise PermissionDenied
    if not linkable_innovations(by).filter(pk=innovation.pk).exists():
        raise PermissionDenied
    link, _created = SharedInnovation.objects.get_or_create(
        space=space, innovation=innovation, defaults={"linked_by": by}
    )
    return link


@transaction.atomic
def proposal_create(*, space: Space, proposer: User, **fields) -> SessionProposal:
    if not can_post(proposer, space, membership_of(space, proposer)):
        raise PermissionDenied
    proposal = SessionProposal.objects.create(space=space, proposer=proposer, **fields)
    for moderator in space_moderators(space):
        if moderator.pk == proposer.pk:
            continue
        notify(
            recipient=moderator,
            kind="space_membership",
            message=gettext_lazy("%(name)s proposes a session in “%(space)s”: %(topic)s"),
            params={"name": str(proposer), "space": space.title, "topic": proposal.topic},
            url=reverse("spaces:manage", kwargs={"slug": space.slug}),
        )
    return proposal


EVENT_VISIBILITY = {
    Visibility.PUBLIC: EventVisibility.PUBLIC,
    Visibility.MEMBERS: EventVisibility.MEMBERS,
    Visibility.PRIVATE: EventVisibility.PRIVATE,
}


@transaction.atomic
def proposal_decide(
    *, proposal: SessionProposal, by: User, accept: bool, note: str = ""
) -> SessionProposal:
    """A space moderator (or staff) accepts a proposed session, which creates a draft event
    in the space with the proposer as host (staff publish it), or declines it with a note.
    In a private space the event is private too, and the space's members are invited (the
    invitations go out when it is published)."""
    space = proposal.space
    if not can_moderate(by, space):
        raise PermissionDenied
    proposal = SessionProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != SessionProposal.Status.PROPOSED:
        raise ValidationError(_("This proposal has already been answered."))
    proposal.decided_by, proposal.decided_at, proposal.note = by, timezone.now(), note[:500]
    if accept:
        event = event_save(
            event=Event(
                type=proposal.format,
                title=proposal.topic[:200],
                summary=_("Proposed in the space “%(space)s”.") % {"space": space.title},
                description=proposal.description,
                written_in=proposal.language,
                starts_at=proposal.preferred_start,
                ends_at=proposal.preferred_start + timedelta(minutes=proposal.duration_minutes),
                timezone=proposal.timezone,
                visibility=EVENT_VISIBILITY[space.visibility],
                region=space.region,
            ),
            by=by,
        )
        EventHost.objects.create(event=event, user=proposal.proposer, role=EventHost.Role.HOST)
        space.events.add(event)
        if space.is_private:
            for membership in (
                Membership.objects.active().filter(space=space).select_related("user")
            ):
                if membership.user_id != proposal.proposer_id:
                    try:
                        # From the host, through the contact gate like any invitation.
                        invitation_create(event=event, by=proposal.proposer, user=membership.user)
                    except ValidationError:
                        continue
        proposal.event, proposal.status = event, SessionProposal.Status.ACCEPTED
        message = gettext_lazy(
            "Your proposed session “%(topic)s” was accepted: it is now a draft event you host."
        )
    else:
        proposal.status = SessionProposal.Status.DECLINED
        message = gettext_lazy("Your proposed session “%(topic)s” was declined.")
    proposal.save()
    notify(
        recipient=proposal.proposer,
        kind="space_membership",
        message=message,
        params={"topic": proposal.topic},
        url=space.get_absolute_url(),
    )
    audit(actor=by, action="proposal_accepted" if accept else "proposal_declined",
          target=proposal, reason=note)  # fmt: skip
    return proposal
