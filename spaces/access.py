"""Who may do what in a space: one helper per question, called by every view and service."""

from django.shortcuts import get_object_or_404

from spaces.models import Entry, Membership, Space, Thread


def space_for_viewer(slug: str, user) -> Space:
    """The space, if ``user`` may know it exists; otherwise 404 (a private space is a 404 to
    everyone outside it, never a 403 that would confirm it exists)."""
    return get_object_or_404(Space.objects.visible_to(user), slug=slug)


def readable_space(slug: str, user) -> Space:
    """The space, if ``user`` may read its threads, files and sessions; otherwise 404."""
    return get_object_or_404(Space.objects.readable_by(user), slug=slug)


def thread_for_viewer(space: Space, pk: int, user) -> Thread:
    thread = get_object_or_404(
        Thread.objects.visible_to(user).select_related("author"), space=space, pk=pk
    )
    thread.space = space
    return thread


def membership_of(space: Space, user) -> Membership | None:
    if not (user is not None and user.is_authenticated):
        return None
    return Membership.objects.filter(space=space, user=user).first()


def is_in(membership: Membership | None) -> bool:
    return membership is not None and membership.is_active


def can_post(user, space: Space, membership: Membership | None) -> bool:
    """Approved members who are in the space post in it (an archived space is read-only)."""
    return user.is_authenticated and user.is_member and is_in(membership) and not space.archived_at


def can_moderate(user, space: Space, membership: Membership | None = None) -> bool:
    """The space's moderators, and staff (whose power counts only after two factors)."""
    if not (user is not None and user.is_authenticated):
        return False
    if user.is_staff:
        return True
    if membership is None:
        membership = membership_of(space, user)
    return user.is_member and membership is not None and membership.is_moderator


def can_join(user, space: Space, membership: Membership | None) -> bool:
    """Whether the page offers "Join" or "Ask to join"."""
    if not (user.is_authenticated and user.is_member) or space.archived_at:
        return False
    if membership is not None and membership.state in (
        Membership.State.ACTIVE,
        Membership.State.REQUESTED,
        Membership.State.INVITED,
    ):
        return False
    if membership is not None and membership.state == Membership.State.DECLINED:
        return False
    return space.entry in (Entry.OPEN, Entry.REQUEST)
