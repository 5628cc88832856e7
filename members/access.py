"""Object-level access to members: the helpers every view, search source and other app uses
(the rules themselves are ``UserQuerySet``'s methods in ``members.models``)."""

import copy

from allauth.account.authentication import get_authentication_records
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


def passed_two_factor(request) -> bool:
    """Whether this session's sign-in (or a later check) passed a second factor."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def holds_staff_power(request) -> bool:
    """Staff and superuser permissions count only in a session that passed two-factor
    authentication (DESIGN §1): without it a staff account is an ordinary member."""
    user = request.user
    if not (user.is_authenticated and (user.is_staff or user.is_superuser)):
        return False
    return passed_two_factor(request)


def without_staff_power(user) -> User:
    """A copy of ``user`` that is neither staff nor superuser and holds no permission, for a
    session that has not passed two-factor authentication: every page, list, export and admin
    URL then answers it as the member it also is. Saving the copy keeps the account's real
    flags (``User.save``)."""
    weak = copy.copy(user)
    weak.staff_power_withheld = (user.is_staff, user.is_superuser)
    weak.is_staff = weak.is_superuser = False
    # ModelBackend reads these caches first: no permission from groups either.
    weak._perm_cache = weak._user_perm_cache = weak._group_perm_cache = set()
    return weak


def kept_apart(first, second) -> bool:
    """Whether a block stands between the two members, whoever made it."""
    return Block.objects.between(first, second).exists()
