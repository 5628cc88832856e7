"""Object-level access to members: the helpers every view, search source and other app uses
(the rules themselves are ``UserQuerySet``'s methods in ``members.models``)."""

from django.shortcuts import get_object_or_404

from members.models import PROFILE_FIELDS, Block, User


def member_for_viewer(username: str, viewer) -> User:
    """The member ``viewer`` may see, or 404 (never a 403 that would tell them apart)."""
    return get_object_or_404(
        User.objects.visible_to(viewer).select_related("profile"), username=username
    )


def shown_fields(profile, viewer) -> dict[str, bool]:
    """Which parts of ``profile`` ``viewer`` may see, by field name."""
    return {field: profile.shows(field, viewer) for field in PROFILE_FIELDS}


def kept_apart(first, second) -> bool:
    """Whether a block stands between the two members, whoever made it."""
    return Block.objects.between(first, second).exists()
