"""Showcase filters and facet counts, built on the same visibility-aware queryset."""

import django_filters
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from innovations.models import Innovation, InnovationFacet, TaggedInnovation
from network.facets import FacetedFilterSet, counts
from network.taxonomy import (
    SDG,
    Language,
    OrganisationType,
    Region,
    Seeking,
    Stage,
    TargetGroup,
    Theme,
)

FACET_FILTERS = {
    # query parameter: facet kind
    "region": "region",
    "country": "country",
    "theme": "theme",
    "sdg": "sdg",
    "target": "target",
    "seeking": "seeking",
}
SORTS = {
    "newest": ("-published_at", "-pk"),
    "updated": ("-updated_at", "-pk"),
    "endorsed": ("-endorsement_count", "-published_at", "-pk"),
}


def _facet_filter(kind):
    def method(self, queryset, name, value):
        return queryset.filter(
            Exists(
                InnovationFacet.objects.filter(innovation=OuterRef("pk"), kind=kind, value=value)
            )
        )

    return method


class ShowcaseFilter(FacetedFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Region.choices, method="f_region"
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries, method="f_country")
    theme = django_filters.ChoiceFilter(label=_("Theme"), choices=Theme.choices, method="f_theme")
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices)
    sdg = django_filters.ChoiceFilter(
        label=_("SDG"),
        choices=[(str(value), label) for value, label in SDG.choices],
        method="f_sdg",
    )
    target = django_filters.ChoiceFilter(
        label=_("Target group"), choices=TargetGroup.choices, method="f_target"
    )
    seeking = django_filters.ChoiceFilter(
        label=_("Seeking"), choices=Seeking.choices, method="f_seeking"
    )
    organisation_type = django_filters.ChoiceFilter(
        label=_("Organisation type"),
        choices=OrganisationType.choices,
        field_name="organisation__type",
    )
    tag = django_filters.CharFilter(label=_("Tag"), method="filter_tag")
    language = django_filters.ChoiceFilter(label=_("Language"), choices=Language.choices)

    f_region = _facet_filter("region")
    f_country = _facet_filter("country")
    f_theme = _facet_filter("theme")
    f_sdg = _facet_filter("sdg")
    f_target = _facet_filter("target")
    f_seeking = _facet_filter("seeking")

    class Meta:
        model = Innovation
        fields = []

    def __init__(self, *args, viewer=None, every_version=False, folded=None, **kwargs):
        """``viewer``: whom the list is for. Without a language chosen, one innovation per
        work (InnovationQuerySet.one_per_work); with one, every innovation in it. The language
        counts count every version (``every_version``): what choosing the language gives.
        ``folded``: the versions shown in their original's place, read once for the copies."""
        super().__init__(*args, **kwargs)
        self.viewer, self.every_version, self._folded = viewer, every_version, folded

    def copy_kwargs(self) -> dict:
        return {"viewer": self.viewer, "folded": self.folded}

    @property
    def folded(self) -> list[int]:
        if self._folded is None:
            self._folded = Innovation.objects.folded_versions(self.viewer)
        return self._folded

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.every_version or self.form.cleaned_data.get("language"):
            return queryset
        return queryset.one_per_work(self.folded)

    def filter_text(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value) | Q(summary__icontains=value) | Q(tags__name__iexact=value)
        ).distinct()

    def filter_tag(self, queryset, name, value):
        return queryset.filter(
            Exists(TaggedInnovation.objects.filter(content_object=OuterRef("pk"), tag__name=value))
        )

    def facets(self) -> dict[str, dict[str, int]]:
        facets = {
            parameter: counts(
                InnovationFacet.objects.filter(
                    kind=kind, innovation__in=self.queryset_without(parameter).values("pk")
                ),
                "value",
                distinct_on="innovation",
            )
            for parameter, kind in FACET_FILTERS.items()
        }
        facets["stage"] = counts(self.queryset_without("stage"), "stage")
        data = self.data.copy()
        data.pop("language", None)
        every_version = type(self)(data, queryset=self.queryset, every_version=True,
                                   **self.copy_kwargs())  # fmt: skip
        facets["language"] = counts(every_version.qs.order_by(), "language")
        facets["organisation_type"] = counts(
            self.queryset_without("organisation_type").exclude(organisation=None),
            "organisation__type",
        )
        # The twenty tags most used, not every tag.
        tag_rows = (
            TaggedInnovation.objects.filter(
                content_object__in=self.queryset_without("tag").values("pk")
            )
            .values("tag__name")
            .annotate(n=Count("content_object", distinct=True))
            .order_by("-n", "tag__name")[:20]
        )
        facets["tag"] = {row["tag__name"]: row["n"] for row in tag_rows}
        return facets
