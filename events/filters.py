"""Listing filters and facet counts, built on the same visibility-aware queryset."""

import re

import django_filters
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from events.models import EventLanguage, EventType, Scope
from network.facets import FacetedFilterSet, counts
from network.taxonomy import Language, Region

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class EventFilter(FacetedFilterSet):
    type = django_filters.ChoiceFilter(label=_("Type"), choices=EventType.choices)
    scope = django_filters.ChoiceFilter(label=_("Scope"), choices=Scope.choices)
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices)
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, method="filter_language"
    )
    month = django_filters.CharFilter(label=_("Month"), method="filter_month")

    def filter_language(self, queryset, name, value):
        return queryset.filter(
            Exists(EventLanguage.objects.filter(event=OuterRef("pk"), code=value))
        )

    def filter_month(self, queryset, name, value):
        """``YYYY-MM``, in the viewer's time zone (the one the page shows)."""
        match = MONTH.match(value.strip())
        if not match or not 1 <= int(match[2]) <= 12:
            return queryset
        return queryset.filter(starts_at__year=int(match[1]), starts_at__month=int(match[2]))

    def facets(self) -> dict[str, dict[str, int]]:
        """Counts per value of each filter, as if that filter were not applied."""
        facets = {
            field: counts(self.queryset_without(field), field)
            for field in ("type", "scope", "region")
        }
        facets["language"] = counts(
            EventLanguage.objects.filter(event__in=self.queryset_without("language").values("pk")),
            "code",
            distinct_on="event",
        )
        months = (
            self.queryset_without("month")
            .annotate(month_start=TruncMonth("starts_at"))
            .values("month_start")
            .annotate(n=Count("pk"))
            .order_by("month_start")
        )
        facets["month"] = {
            f"{row['month_start']:%Y-%m}": row["n"] for row in months if row["month_start"]
        }
        return facets
