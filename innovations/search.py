"""The innovations' search source: full text on PostgreSQL, accent-folded match elsewhere."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from innovations.models import Innovation, InnovationFacet
from network.search import CANDIDATES, SearchSource, matching, snippet


def search_innovations(viewer, query, region="", theme="", language=""):
    queryset = Innovation.objects.listed_for(viewer)
    if language:
        queryset = queryset.filter(language=language)
    for kind, value in (("region", region), ("theme", theme)):
        if value:
            queryset = queryset.filter(
                Exists(
                    InnovationFacet.objects.filter(
                        innovation=OuterRef("pk"), kind=kind, value=value
                    )
                )
            )
    return matching(queryset, query, fields=("title", "summary", "solution"), newest="published_at")


def innovation_result(innovation, query):
    return {
        "title": innovation.title,
        "url": innovation.get_absolute_url(),
        "snippet": snippet(f"{innovation.summary} {innovation.solution}", query),
        "meta": innovation.get_stage_display(),
        "lang": innovation.language,
    }


SOURCE = SearchSource(
    key="innovations",
    label=_("Innovations"),
    search=search_innovations,
    result=innovation_result,
    supports_theme=True,
    supports_language=True,
    order=10,
    max_results=CANDIDATES,
)
