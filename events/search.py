"""The events' search source: full text on PostgreSQL, accent-folded match elsewhere."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.models import Event
from network.search import CANDIDATES, SearchSource, matching, snippet


def search_events(viewer, query, region="", theme="", language=""):
    """What the listing shows ``viewer`` (past and upcoming), best match first."""
    queryset = Event.objects.listed_for(viewer)
    if language:
        queryset = queryset.filter(written_in=language)
    if region:
        queryset = queryset.filter(region=region)
    return matching(queryset, query, fields=("title", "summary"), newest="starts_at")


def event_result(event, query):
    start = timezone.localtime(event.starts_at, event.zone)
    when = date_format(start, "DATETIME_FORMAT")
    return {
        "title": event.title,
        "url": event.get_absolute_url(),
        "snippet": snippet(event.summary, query),
        "meta": f"{event.get_type_display()} · {when} ({event.timezone.replace('_', ' ')})",
        "lang": event.written_in,
    }


SOURCE = SearchSource(
    key="events",
    label=_("Events"),
    search=search_events,
    result=event_result,
    supports_theme=False,
    supports_language=True,
    order=30,
    max_results=CANDIDATES,
    # Private events show to the members invited to them only: those members' matches are
    # their own, every other member's are shared.
    same_for_members=Event.objects.same_as_every_member,
)
