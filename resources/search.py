"""The library's search source: full text on PostgreSQL, accent-folded match elsewhere."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from network.search import CANDIDATES, SearchSource, matching, snippet
from resources.models import Resource, ResourceTheme


def search_resources(viewer, query, region="", theme="", language=""):
    queryset = Resource.objects.listed_for(viewer)
    if language:
        queryset = queryset.filter(language=language)
    if theme:
        queryset = queryset.filter(
            Exists(ResourceTheme.objects.filter(resource=OuterRef("pk"), theme=theme))
        )
    return matching(queryset, query, fields=("title", "summary"), newest="published_at")


def resource_result(resource, query):
    return {
        "title": resource.title,
        "url": resource.get_absolute_url(),
        "snippet": snippet(resource.summary, query),
        "meta": resource.get_type_display(),
        "lang": resource.language,
    }


SOURCE = SearchSource(
    key="resources",
    label=_("Resources"),
    search=search_resources,
    result=resource_result,
    supports_theme=True,
    supports_language=True,
    order=20,
    max_results=CANDIDATES,
)
