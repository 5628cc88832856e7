"""Joining and leaving a space, requests to join, invitations by signed link, following, and
naming space moderators."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members import contact
from members.models import User
from network.moderation import audit
from network.notifications import notify
from spaces.access import can_moderate, membership_of
from spaces.models import (
    Entry,
    Following,
    Membership,
    Space,
)

INVITATION_SALT = "spaces.invitation"
INVITATION_DAYS = 30


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
        context={"space": space, "inviter": by, "member": user, "url": settings.SITE_URL + link},
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
