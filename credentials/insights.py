"""The credentials' figures of the insight dashboard (network.insights)."""

from django.utils.translation import gettext_lazy as _

from credentials.models import Credential
from network.insights import Insight, Period, Series, Table, grouped, monthly

SECTION = _("Credentials")


def _issued(period: Period):
    """Credentials issued in the period to members of the region, revoked ones left out."""
    return period.filter(
        Credential.objects.filter(revoked_at__isnull=True), "issued_at", "member__profile__region"
    )


def by_achievement(period: Period) -> Table:
    rows = grouped(_issued(period), "achievement__name")
    return Table([_("Achievement"), _("Credentials")], rows)


def issued(period: Period) -> Table:
    return monthly("credentials-issued", period, label=_("Credentials"))


SERIES = [
    Series(
        "credentials-issued",
        lambda: Credential.objects.filter(revoked_at__isnull=True),
        "issued_at",
        "member__profile__region",
    )
]

INSIGHTS = [
    Insight(
        "credentials-by-achievement", SECTION, _("Credentials by achievement"),
        _("Credentials issued in the period, automatically or by staff, by what they "
          "recognise (revoked ones are left out; suspended ones count)."),
        by_achievement, public=True, order=60,
    ),
    Insight(
        "credentials-issued", SECTION, _("Credentials issued per month"),
        _("Credentials issued and not revoked, by the month they were issued. Counted each "
          "night."),
        issued, chart="columns", order=61,
    ),
]  # fmt: skip
