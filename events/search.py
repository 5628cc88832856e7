"""The events' search source: full text on PostgreSQL, accent-folded match elsewhere."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.models import Event
from network.search import SearchSource, Unaccent, snippet, strip_accents, terms, uses_full_text

CANDIDATES = 1000


def search_events(viewer, query, region="", theme=""):
    """What the listing shows ``viewer`` (past and upcoming), best match first."""
    queryset = Event.objects.listed_for(viewer)
    if region:
        queryset = queryset.filter(region=region)
    if uses_full_text():
        text = SearchQuery(strip_accents(query), config="simple", search_type="websearch")
        candidates = (
            queryset.filter(search_vector=text).order_by("-starts_at", "-pk").values("pk")
        )[:CANDIDATES]
        return (
            Event.objects.filter(pk__in=Subquery(candidates))
            .annotate(rank=SearchRank(F("search_vector"), text))
            .order_by("-rank", "-starts_at", "-pk")
        )
    for term in terms(query):
        queryset = queryset.annotate(
            u_title=Unaccent("title"), u_summary=Unaccent("summary")
        ).filter(Q(u_title__contains=term) | Q(u_summary__contains=term))
    return queryset.order_by("-starts_at", "-pk")


def event_result(event, query):
    start = timezone.localtime(event.starts_at, event.zone)
    when = date_format(start, "DATETIME_FORMAT")
    return {
        "title": event.title,
        "url": event.get_absolute_url(),
        "snippet": snippet(event.summary, query),
        "meta": f"{event.get_type_display()} · {when} ({event.timezone.replace('_', ' ')})",
    }


SOURCE = SearchSource(
    key="events",
    label=_("Events"),
    search=search_events,
    result=event_result,
    supports_theme=False,
    order=30,
    max_results=CANDIDATES,
)
