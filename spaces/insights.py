"""The spaces' figures of the insight dashboard (network.insights): how much groups talk,
counted over every space (private ones included, as numbers only)."""

from django.utils.translation import gettext_lazy as _

from network.insights import Insight, Period, Series, Table, grouped, monthly
from spaces.models import Kind, Reply, Thread

SECTION = _("Spaces")


def _threads(period: Period):
    """Threads started in the period by members of the region, hidden ones left out."""
    return period.filter(
        Thread.objects.filter(hidden_at__isnull=True), "created_at", "author__profile__region"
    )


def by_kind(period: Period) -> Table:
    rows = grouped(_threads(period), "space__kind", dict(Kind.choices))
    return Table([_("Kind of space"), _("Threads started")], rows)


def replies(period: Period) -> Table:
    return monthly("space-replies", period, label=_("Replies"))


SERIES = [
    Series(
        "space-replies",
        lambda: Reply.objects.filter(hidden_at__isnull=True),
        "created_at",
        "author__profile__region",
    )
]

INSIGHTS = [
    Insight(
        "space-threads-by-kind", SECTION, _("Threads started, by kind of space"),
        _("Discussions started in the period in regional chapters, thematic communities, "
          "programme cohorts and workshop rooms (hidden ones are left out)."),
        by_kind, public=True, order=70,
    ),
    Insight(
        "space-replies", SECTION, _("Replies per month"),
        _("Replies written in every space, by month. Counted each night."),
        replies, chart="columns", order=71,
    ),
]  # fmt: skip
