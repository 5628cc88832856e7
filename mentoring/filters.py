"""Find a mentor: filters that honour what each mentor shows of their profile."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from mentoring.models import MentorFacet, MentorProfile, TaggedMentorExpertise
from network.taxonomy import Language, Region, Theme

MAX_EXPERTISE_CHOICES = 300


class MentorFilter(django_filters.FilterSet):
    expertise = django_filters.MultipleChoiceFilter(
        label=_("Expertise"), method="filter_expertise", choices=[]
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), choices=Theme.choices, method="filter_facet"
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, method="filter_facet"
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Region.choices, method="filter_region"
    )
    available = django_filters.BooleanFilter(
        label=_("Available now only"),
        method="filter_available",
        widget=django_filters.widgets.BooleanWidget(),
    )

    class Meta:
        model = MentorProfile
        fields = []

    def __init__(self, *args, levels, **kwargs):
        super().__init__(*args, **kwargs)
        self.levels = levels
        # Only the tags of the mentors this viewer may see are offered.
        self.filters["expertise"].extra["choices"] = [
            (name, name)
            for name in Tag.objects.filter(
                mentoring_taggedmentorexpertise_items__content_object__in=self.queryset.values("pk")
            )
            .values_list("name", flat=True)
            .distinct()
            .order_by("name")[:MAX_EXPERTISE_CHOICES]
        ]

    def filter_expertise(self, queryset, name, values):
        # Several tags at once: a mentor must offer every one of them.
        for value in values:
            queryset = queryset.filter(
                Exists(
                    TaggedMentorExpertise.objects.filter(
                        content_object=OuterRef("pk"), tag__name=value
                    )
                )
            )
        return queryset

    def filter_facet(self, queryset, name, value):
        return queryset.filter(
            Exists(MentorFacet.objects.filter(mentor=OuterRef("pk"), kind=name, value=value))
        )

    def filter_region(self, queryset, name, value):
        # A mentor who hides their country is never found (or placed) by region.
        return queryset.filter(
            user__profile__region=value, user__profile__country_visibility__in=self.levels
        )

    def filter_available(self, queryset, name, value):
        if value:
            return queryset.accepting()
        return queryset

    def choices(self, name):
        return self.filters[name].extra["choices"]
