from django.shortcuts import get_object_or_404

from resources.models import Collection, Resource


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
