"""Search sources for organisations and members (small tables: accent-folded matching)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, Profile, User, showing_q
from network.search import SearchSource, Unaccent, snippet, terms


def search_organisations(viewer, query, region="", theme="", language=""):
    queryset = Organisation.objects.listed()
    if region:
        queryset = queryset.filter(region=region)
    for term in terms(query):
        queryset = queryset.annotate(
            u_name=Unaccent("name"), u_description=Unaccent("description")
        ).filter(Q(u_name__contains=term) | Q(u_description__contains=term))
    return queryset.order_by("name")


def organisation_result(organisation, query):
    return {
        "title": organisation.name,
        "url": organisation.get_absolute_url(),
        "snippet": snippet(organisation.description, query),
        "meta": organisation.get_type_display(),
    }


def search_members(viewer, query, region="", theme="", language=""):
    queryset = User.objects.listed_for(viewer).select_related("profile")
    if region:
        queryset = queryset.filter(showing_q("country", viewer), profile__region=region)
    for term in terms(query):
        # Two semi-joins, one per table, each served by its trigram index on PostgreSQL
        # (an OR across the join could use neither).
        named = User.objects.annotate(u=Unaccent("display_name")).filter(u__contains=term)
        headlined = Profile.objects.annotate(u=Unaccent("headline")).filter(u__contains=term)
        queryset = queryset.filter(
            Q(pk__in=named.values("pk")) | Q(pk__in=headlined.values("user"))
        )
    return queryset.order_by("display_name")


def member_result(member, query):
    return {
        "title": str(member),
        "url": member.get_absolute_url(),
        "snippet": snippet(member.profile.headline, query),
        "meta": "",
    }


ORGANISATIONS = SearchSource(
    key="organisations",
    label=_("Organisations"),
    search=search_organisations,
    result=organisation_result,
    order=40,
)
MEMBERS = SearchSource(
    key="members", label=_("Members"), search=search_members, result=member_result, order=50
)
