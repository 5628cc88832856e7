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
    """Published collections for everyone; unpublished ones for staff and their curator."""
    return get_object_or_404(Collection.objects.visible_to(user), slug=slug)


def may_edit_collection(collection: Collection, user) -> bool:
    """Whether ``user`` may change ``collection`` on the site (``editable_by``), asked only of
    its curator and staff, so that other readers' pages cost no permission lookup."""
    if not user.is_authenticated or not (collection.curator_id == user.pk or user.is_staff):
        return False
    return Collection.objects.editable_by(user).filter(pk=collection.pk).exists()


def collection_for_curator(slug: str, user) -> Collection:
    """A collection ``user`` may change on the site, or 404."""
    return get_object_or_404(Collection.objects.editable_by(user), slug=slug)


def check_can_mark(resource: Resource, member) -> None:
    """Approved members mark published resources useful; not the one who shared it."""
    if not (member.is_authenticated and member.is_member):
        raise PermissionDenied
    if resource.status != Status.PUBLISHED:
        raise PermissionDenied
    if resource.contributor_id == member.pk:
        raise ValidationError(_("You shared this resource; others can tell how it helped them."))
