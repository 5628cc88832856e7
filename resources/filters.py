"""Library filters and facet counts, built on the same visibility-aware queryset."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from network.facets import FacetedFilterSet, counts
from network.taxonomy import Language, Theme
from resources.models import (
    Access,
    Publisher,
    Resource,
    ResourceTheme,
    ResourceType,
    TaggedResource,
)

SORTS = {
    "newest": ("-published_at", "-pk"),
    "downloads": ("-download_count", "-published_at", "-pk"),
}
# Facets counted on a field of the resource itself (query parameter: field).
FIELD_FACETS = {
    "type": "type",
    "language": "language",
    "publisher": "publisher_type",
    "year": "year",
    "access": "access",
}


class LibraryFilter(FacetedFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    type = django_filters.ChoiceFilter(label=_("Type"), choices=ResourceType.choices)
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), choices=Theme.choices, method="filter_theme"
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices)
    publisher = django_filters.ChoiceFilter(
        label=_("Publisher"), choices=Publisher.choices, field_name="publisher_type"
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="year")
    access = django_filters.ChoiceFilter(label=_("Access"), choices=Access.choices)
    tag = django_filters.CharFilter(label=_("Tag"), method="filter_tag")

    class Meta:
        model = Resource
        fields = []

    def filter_text(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        tagged = TaggedResource.objects.filter(
            content_object=OuterRef("pk"), tag__name__iexact=value
        )
        return queryset.filter(
            Q(title__icontains=value)
            | Q(summary__icontains=value)
            | Q(description__icontains=value)
            | Exists(tagged)
        )

    def filter_theme(self, queryset, name, value):
        return queryset.filter(
            Exists(ResourceTheme.objects.filter(resource=OuterRef("pk"), theme=value))
        )

    def filter_tag(self, queryset, name, value):
        return queryset.filter(
            Exists(TaggedResource.objects.filter(content_object=OuterRef("pk"), tag__name=value))
        )

    def facets(self) -> dict[str, dict[str, int]]:
        """For each filter, how many results each of its values would give (one query each)."""
        facets = {
            parameter: counts(self.queryset_without(parameter), field)
            for parameter, field in FIELD_FACETS.items()
        }
        facets["theme"] = counts(
            ResourceTheme.objects.filter(resource__in=self.queryset_without("theme").values("pk")),
            "theme",
            distinct_on="resource",
        )
        return facets
