"""The directory's filters. Every filter on a profile field honours that field's visibility,
so that filtering can never reveal what a member chose to hide."""

import django_filters
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.models import Tag

from members.models import (
    Affiliation,
    Organisation,
    SpokenLanguage,
    TaggedExpertise,
    User,
    listed_q,
    showing_q,
    visible_levels,
)
from network.cache import shared_aggregate
from network.facets import FacetedFilterSet, counts
from network.forms import CountryChoiceField
from network.taxonomy import Language, OrganisationType, Region

SORTS = {
    "name": ("display_name", "username"),
    "newest": ("-date_joined", "-pk"),
    # Never-active members last, on every database (PostgreSQL puts NULLs first otherwise).
    "active": (F("last_active").desc(nulls_last=True), "-pk"),
}


class DirectoryFilter(FacetedFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries, method="filter_country"
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Region.choices, method="filter_region"
    )
    organisation_type = django_filters.ChoiceFilter(
        label=_("Organisation type"), choices=OrganisationType.choices, method="filter_organisation"
    )
    organisation = django_filters.CharFilter(label=_("Organisation"), method="filter_organisation")
    expertise = django_filters.MultipleChoiceFilter(
        label=_("Expertise"), method="filter_expertise", choices=[]
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=Language.choices, method="filter_language"
    )
    open_to_mentor = django_filters.BooleanFilter(
        label=_("Open to mentor"), field_name="profile__open_to_mentor",
        widget=django_filters.widgets.BooleanWidget(),
    )  # fmt: skip
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("name", _("Name")), ("newest", _("Newest")), ("active", _("Recently active"))],
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = User
        fields = []

    def __init__(self, *args, viewer, expertise_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self._visible = visible_levels(viewer)
        if expertise_choices is None:
            # Only tags that some listed member shows to this viewer are offered (shared by
            # the viewers who see the same levels).
            through = "members_taggedexpertise_items__content_object__user__"

            def shown_tags():
                return [
                    (name, name)
                    for name in Tag.objects.filter(
                        listed_q(viewer, through) & showing_q("expertise", viewer, through)
                    )
                    .values_list("name", flat=True)
                    .distinct()
                    .order_by("name")[:500]
                ]

            expertise_choices = shared_aggregate(
                "directory-expertise", repr(sorted(self._visible)), (), shown_tags
            )
        self.expertise_choices = expertise_choices
        self.filters["expertise"].extra["choices"] = expertise_choices

    def _shows(self, field):
        return showing_q(field, self.viewer)

    # --- filters -----------------------------------------------------------------------
    def filter_text(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        organisation_match = Affiliation.objects.filter(
            user=OuterRef("pk"), organisation__name__icontains=value
        )
        expertise_match = TaggedExpertise.objects.filter(
            content_object=OuterRef("pk"), tag__name__icontains=value
        )
        return queryset.filter(
            Q(display_name__icontains=value)
            | Q(profile__headline__icontains=value)
            | (self._shows("organisation") & Exists(organisation_match))
            | (self._shows("expertise") & Exists(expertise_match))
        )

    def filter_country(self, queryset, name, value):
        return queryset.filter(self._shows("country"), profile__country=value)

    def filter_region(self, queryset, name, value):
        return queryset.filter(self._shows("country"), profile__region=value)

    def filter_organisation(self, queryset, name, value):
        lookup = (
            {"organisation__type": value}
            if name == "organisation_type"
            else {"organisation__slug": value}
        )
        return queryset.filter(
            self._shows("organisation"),
            Exists(Affiliation.objects.filter(user=OuterRef("pk"), **lookup)),
        )

    def filter_expertise(self, queryset, name, values):
        for value in values:
            queryset = queryset.filter(
                Exists(
                    TaggedExpertise.objects.filter(content_object=OuterRef("pk"), tag__name=value)
                )
            )
        if values:
            queryset = queryset.filter(self._shows("expertise"))
        return queryset

    def filter_language(self, queryset, name, value):
        return queryset.filter(
            Exists(SpokenLanguage.objects.filter(profile=OuterRef("pk"), code=value))
        )

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value, SORTS["name"]))

    # --- facets ------------------------------------------------------------------------
    def copy_kwargs(self) -> dict:
        return {"viewer": self.viewer, "expertise_choices": self.expertise_choices}

    def facets(self) -> dict[str, dict[str, int]]:
        shows = self._shows
        country = counts(
            self.queryset_without("country").filter(shows("country")).exclude(profile__country=""),
            "profile__country",
        )
        region = counts(
            self.queryset_without("region").filter(shows("country")).exclude(profile__region=""),
            "profile__region",
        )
        organisation_type = counts(
            Organisation.objects.filter(
                affiliations__user__in=self.queryset_without("organisation_type").filter(
                    shows("organisation")
                )
            ),
            "type",
            distinct_on="affiliations__user",
        )
        language = counts(
            SpokenLanguage.objects.filter(profile__user__in=self.queryset_without("language")),
            "code",
        )
        expertise = counts(
            TaggedExpertise.objects.filter(
                content_object__user__in=self.queryset_without("expertise").filter(
                    shows("expertise")
                )
            ),
            "tag__name",
        )
        mentors = self.queryset_without("open_to_mentor").filter(profile__open_to_mentor=True)
        return {
            "country": country,
            "region": region,
            "organisation_type": organisation_type,
            "language": language,
            "expertise": expertise,
            "open_to_mentor": {"true": mentors.count()},
        }


class CountryFilter(django_filters.Filter):
    """A country typed by its name or code, or picked from the list of names
    (network.forms.CountryChoiceField); one that names no country filters nothing."""

    field_class = CountryChoiceField


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name"), field_name="name", lookup_expr="icontains")
    type = django_filters.ChoiceFilter(label=_("Type"), choices=OrganisationType.choices)
    country = CountryFilter(label=_("Country"))
    region = django_filters.ChoiceFilter(label=_("Region"), choices=Region.choices)
    verified = django_filters.BooleanFilter(
        label=_("Verified only"), widget=django_filters.widgets.BooleanWidget()
    )

    class Meta:
        model = Organisation
        fields = []
