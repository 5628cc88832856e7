"""Who may see and do what with a resource: the access helpers every view and service uses
(the visibility rules themselves are ``ResourceQuerySet.visible_to`` and ``listed_for``)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from resources.models import Collection, Resource, Status


def resource_for_viewer(slug: str, user, queryset=None) -> Resource:
    """The access helper: the resource ``user`` may see, or 404 (never a 403 that leaks).

    Every view of a resource (detail, download, useful marks) goes through it.
    """
    queryset = Resource.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(user), slug=slug)


def collection_for_viewer(slug: str, user) -> Collection:
    """Published collections for everyone; unpublished ones for staff only."""
    queryset = Collection.objects.all()
    if not (user.is_authenticated and user.is_staff):
        queryset = queryset.published()
    return get_object_or_404(queryset, slug=slug)


def check_can_mark(resource: Resource, member) -> None:
    """Approved members mark published resources useful; not the one who shared it."""
    if not (member.is_authenticated and member.is_member):
        raise PermissionDenied
    if resource.status != Status.PUBLISHED:
        raise PermissionDenied
    if resource.contributor_id == member.pk:
        raise ValidationError(_("You shared this resource; others can tell how it helped them."))
