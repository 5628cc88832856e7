"""Who may see and do what with an innovation: the access helpers every view and service uses
(the visibility rules themselves are ``InnovationQuerySet.visible_to`` and ``listed_for``)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from innovations.models import Innovation, Status

# What the team may still change; staff may change anything.
EDITABLE_STATUSES = {Status.DRAFT, Status.CHANGES_REQUESTED, Status.PUBLISHED}


def innovation_for_viewer(slug: str, user, queryset=None) -> Innovation:
    """The innovation ``user`` may see, or 404 (never a 403 that leaks)."""
    queryset = Innovation.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(user), slug=slug)


def can_edit(user, innovation: Innovation) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_staff:
        return True
    return innovation.has_on_team(user) and innovation.status in EDITABLE_STATUSES


def require_member(user) -> None:
    """Endorsing, telling a team of one's interest, recording an adoption: approved members
    (and staff)."""
    if not (user.is_authenticated and user.is_member):
        raise PermissionDenied
