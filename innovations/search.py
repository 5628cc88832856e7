"""The innovations' search source: full text on PostgreSQL, accent-folded match elsewhere."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from innovations.models import Innovation, InnovationFacet
from network.search import SearchSource, Unaccent, snippet, strip_accents, terms, uses_full_text

CANDIDATES = 1000


def search_innovations(viewer, query, region="", theme=""):
    queryset = Innovation.objects.listed_for(viewer)
    for kind, value in (("region", region), ("theme", theme)):
        if value:
            queryset = queryset.filter(
                Exists(
                    InnovationFacet.objects.filter(
                        innovation=OuterRef("pk"), kind=kind, value=value
                    )
                )
            )
    if uses_full_text():
        text = SearchQuery(strip_accents(query), config="simple", search_type="websearch")
        # Rank at most the CANDIDATES most recent matches: a word found in most documents
        # would otherwise make every search rank them all. Rare words rank every match.
        candidates = (
            queryset.filter(search_vector=text).order_by("-published_at", "-pk").values("pk")
        )[:CANDIDATES]
        return (
            Innovation.objects.filter(pk__in=Subquery(candidates))
            .annotate(rank=SearchRank(F("search_vector"), text))
            .order_by("-rank", "-published_at", "-pk")
        )
    for term in terms(query):
        queryset = queryset.annotate(
            u_title=Unaccent("title"),
            u_summary=Unaccent("summary"),
            u_solution=Unaccent("solution"),
        ).filter(
            Q(u_title__contains=term) | Q(u_summary__contains=term) | Q(u_solution__contains=term)
        )
    return queryset.order_by("-published_at", "-pk")


def innovation_result(innovation, query):
    return {
        "title": innovation.title,
        "url": innovation.get_absolute_url(),
        "snippet": snippet(f"{innovation.summary} {innovation.solution}", query),
        "meta": innovation.get_stage_display(),
    }


SOURCE = SearchSource(
    key="innovations",
    label=_("Innovations"),
    search=search_innovations,
    result=innovation_result,
    supports_theme=True,
    order=10,
    max_results=CANDIDATES,
)
