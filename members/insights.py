"""The members' figures of the insight dashboard (network.insights)."""

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from members.models import User
from network.insights import Insight, Period, Series, Table, breakdown, median, monthly
from network.taxonomy import OrganisationType, Region

SECTION = _("Members")


def joined(period: Period) -> Table:
    return monthly("members-joined", period, label=_("Members"))


def by_region(period: Period) -> Table:
    rows = breakdown("members-by-region", period, dict(Region.choices))
    return Table([_("Region"), _("Members")], rows)


def by_country(period: Period) -> Table:
    rows = breakdown("members-by-country", period, dict(countries), top=15)
    return Table([_("Country"), _("Members")], rows)


def by_organisation_type(period: Period) -> Table:
    rows = breakdown("members-by-organisation-type", period, dict(OrganisationType.choices))
    return Table([_("Organisation type"), _("Members")], rows)


def applications(period: Period) -> Table:
    """Applications decided in the period and how long they waited; those waiting now."""
    decided = period.filter(
        User.objects.filter(profile__decided_at__isnull=False), "profile__decided_at",
        "profile__region",
    ).values_list("status", "date_joined", "profile__decided_at")  # fmt: skip
    waits = [(when - joined).total_seconds() / 86400 for _status, joined, when in decided]
    waiting = period.filter(User.objects.applicants(), None, "profile__region")
    rows = [
        (_("Approved"), sum(status == User.Status.APPROVED for status, *_rest in decided)),
        (_("Declined"), sum(status == User.Status.DECLINED for status, *_rest in decided)),
        (_("Median wait for a decision, in days"), median(waits)),
        (_("Waiting now"), waiting.count()),
    ]
    return Table([_("Applications"), _("Number")], rows)


# Approved, active members (suspended ones are not members), by the month they joined.
# Profiles hidden from the directory count: these are counts, not lists.
REGION = "profile__region"
SERIES = [
    Series("members-joined", User.objects.approved, "date_joined", REGION),
    Series("members-by-region", User.objects.approved, "date_joined", REGION, REGION),
    Series("members-by-country", User.objects.approved, "date_joined", REGION, "profile__country"),
    Series(
        "members-by-organisation-type", User.objects.approved, "date_joined", REGION,
        "affiliations__organisation__type",
    ),
]  # fmt: skip

INSIGHTS = [
    Insight(
        "members-joined", SECTION, _("New members per month"),
        _("Approved members today, by the month they joined (suspended members are left out). "
          "Counted each night."),
        joined, chart="columns", public=True, order=10,
    ),
    Insight(
        "members-by-region", SECTION, _("Members by region"),
        _("Approved members who joined in the months of the period, by the region of their "
          "country. Counted each night."),
        by_region, public=True, order=11,
    ),
    Insight(
        "members-by-country", SECTION, _("Members by country"),
        _("Approved members who joined in the months of the period: the 15 countries with "
          "most members, then the others together. Counted each night."),
        by_country, order=12,
    ),
    Insight(
        "members-by-organisation-type", SECTION, _("Members by type of organisation"),
        _("Approved members who joined in the months of the period, by the type of the "
          "organisations they belong to (a member of two organisations counts in both). "
          "Counted each night."),
        by_organisation_type, public=True, order=13,
    ),
    Insight(
        "applications", SECTION, _("Membership applications"),
        _("Applications decided in the period, the median time from sign-up to the decision, "
          "and the applications waiting now."),
        applications, chart="", order=14,
    ),
]  # fmt: skip
