import zoneinfo

from django.shortcuts import get_object_or_404

from events.models import Event


def event_for_viewer(slug: str, user, queryset=None) -> Event:
    """The access helper: the event ``user`` may see, or 404 (never a 403 that leaks)."""
    queryset = Event.objects.all() if queryset is None else queryset
    return get_object_or_404(queryset.visible_to(user), slug=slug)


def viewer_zone(request) -> str:
    """The viewer's own time zone name, or "" for visitors (who see each event's zone)."""
    user = request.user
    if user.is_authenticated and user.timezone:
        try:
            zoneinfo.ZoneInfo(user.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return ""
        return user.timezone
    return ""
