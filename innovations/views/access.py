from django.shortcuts import get_object_or_404

from innovations.models import Innovation


def innovation_for_viewer(slug: str, user, queryset=None) -> Innovation:
    """The access helper: the innovation ``user`` may see, or 404 (never a 403 that leaks)."""
    queryset = Innovation.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(user), slug=slug)
