"""The access helpers: one per resource, used by every view and service of it. What a viewer
may not see is a 404 (never a 403 that would tell them it exists)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from mentoring.models import Match, MentoringRequest, Mentorship, Programme

# Mentoring is for approved members (and staff): the rule the QuerySets use too.
from mentoring.models.common import viewer_is_member as is_member


def require_member(user) -> None:
    if not is_member(user):
        raise PermissionDenied


def mentorship_for_viewer(pk: int, user, queryset=None) -> Mentorship:
    """The pair and staff; a 404 for everyone else."""
    queryset = Mentorship.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(user), pk=pk)


def request_for_viewer(pk: int, user, queryset=None) -> MentoringRequest:
    """The mentee, the mentor and staff; a 404 for everyone else."""
    queryset = MentoringRequest.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(user), pk=pk)


def match_for_viewer(pk: int, user) -> Match:
    """The two people offered a programme pairing, and staff."""
    return get_object_or_404(
        Match.objects.visible_to(user).select_related("programme", "mentor", "mentee"), pk=pk
    )


def programme_for_viewer(slug: str, user) -> Programme:
    return get_object_or_404(Programme.objects.visible_to(user), slug=slug)
