"""The library's figures of the insight dashboard (network.insights)."""

from django.utils.translation import gettext_lazy as _

from network.insights import Insight, Period, Series, Table, grouped, monthly
from network.taxonomy import Language
from resources.models import Resource, ResourceType

SECTION = _("Library")
NOTE = _("Downloads are counted since each resource was published, whatever the period.")


def _published(period: Period):
    """Published resources, published in the period (resources have no region)."""
    return period.filter(Resource.objects.published(), "published_at")


def published(period: Period) -> Table:
    return monthly("resources-published", period, label=_("Resources"))


def downloads_by_type(period: Period) -> Table:
    rows = grouped(_published(period), "type", dict(ResourceType.choices), total="download_count")
    return Table([_("Type"), _("Downloads")], rows, note=NOTE)


def downloads_by_language(period: Period) -> Table:
    rows = grouped(_published(period), "language", dict(Language.choices), total="download_count")
    return Table([_("Language"), _("Downloads")], rows, note=NOTE)


SERIES = [Series("resources-published", Resource.objects.published, "published_at")]

INSIGHTS = [
    Insight(
        "resources-published", SECTION, _("Resources published per month"),
        _("Resources in the library, by the month they were published. Counted each night."),
        published, chart="columns", order=50, regional=False,
    ),
    Insight(
        "downloads-by-type", SECTION, _("Downloads by type of resource"),
        _("Downloads of the resources published in the period, public and members-only."),
        downloads_by_type, public=True, order=51, regional=False,
    ),
    Insight(
        "downloads-by-language", SECTION, _("Downloads by language"),
        _("Downloads of the resources published in the period, by the resource's language."),
        downloads_by_language, order=52, regional=False,
    ),
]  # fmt: skip
