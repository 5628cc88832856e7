"""The library's search source: full text on PostgreSQL, accent-folded match elsewhere."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from network.search import SearchSource, Unaccent, snippet, strip_accents, terms, uses_full_text
from resources.models import Resource, ResourceTheme

CANDIDATES = 1000


def search_resources(viewer, query, region="", theme=""):
    queryset = Resource.objects.listed_for(viewer)
    if theme:
        queryset = queryset.filter(
            Exists(ResourceTheme.objects.filter(resource=OuterRef("pk"), theme=theme))
        )
    if uses_full_text():
        text = SearchQuery(strip_accents(query), config="simple", search_type="websearch")
        candidates = (
            queryset.filter(search_vector=text).order_by("-published_at", "-pk").values("pk")
        )[:CANDIDATES]
        return (
            Resource.objects.filter(pk__in=Subquery(candidates))
            .annotate(rank=SearchRank(F("search_vector"), text))
            .order_by("-rank", "-published_at", "-pk")
        )
    for term in terms(query):
        queryset = queryset.annotate(
            u_title=Unaccent("title"), u_summary=Unaccent("summary")
        ).filter(Q(u_title__contains=term) | Q(u_summary__contains=term))
    return queryset.order_by("-published_at", "-pk")


def resource_result(resource, query):
    return {
        "title": resource.title,
        "url": resource.get_absolute_url(),
        "snippet": snippet(resource.summary, query),
        "meta": resource.get_type_display(),
    }


SOURCE = SearchSource(
    key="resources",
    label=_("Resources"),
    search=search_resources,
    result=resource_result,
    supports_theme=True,
    order=20,
    max_results=CANDIDATES,
)
