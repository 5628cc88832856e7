"""For partners and researchers: Atom feed and open-data exports of public innovations."""

import csv
import json
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Count, Q
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from innovations.models import Innovation
from innovations.views.showcase import card_queryset
from network.utils import spreadsheet_safe

# The documented columns of the open-data export (README, "Open data").
EXPORT_COLUMNS = [
    "title", "url", "summary", "stage", "themes", "sdgs", "target_groups", "countries", "regions",
    "seeking", "organisation", "organisation_type", "tags", "confirmed_adoptions",
    "published_at", "updated_at",
]  # fmt: skip


# Characters XML 1.0 cannot carry; members can type them, and one would break the whole feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("", value or "")


class InnovationFeed(Feed):
    feed_type = Atom1Feed
    title = _("Skills innovations")
    subtitle = _("New innovations published in the Skills Innovation Network.")
    link = "/innovations/"

    def items(self):
        return card_queryset(Innovation.objects.public()).order_by("-published_at")[:50]

    def item_title(self, item):
        return _xml_text(item.title)

    def item_description(self, item):
        return _xml_text(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return item.facet_values("theme")


def export_rows():
    queryset = (
        card_queryset(Innovation.objects.public())
        .prefetch_related("tags")
        .annotate(confirmed_adoptions=Count("adoptions", filter=Q(adoptions__status="confirmed")))
        .order_by("-published_at", "pk")
    )
    for innovation in queryset.iterator(chunk_size=500):
        yield {
            "title": innovation.title,
            "url": settings.SITE_URL + innovation.get_absolute_url(),
            "summary": innovation.summary,
            "stage": innovation.stage,
            "themes": innovation.facet_values("theme"),
            "sdgs": [int(v) for v in innovation.facet_values("sdg")],
            "target_groups": innovation.facet_values("target"),
            "countries": innovation.facet_values("country"),
            "regions": innovation.facet_values("region"),
            "seeking": innovation.facet_values("seeking"),
            "organisation": innovation.organisation.name if innovation.organisation else "",
            "organisation_type": innovation.organisation.type if innovation.organisation else "",
            "tags": sorted(tag.name for tag in innovation.tags.all()),
            "confirmed_adoptions": innovation.confirmed_adoptions,
            "published_at": innovation.published_at.isoformat() if innovation.published_at else "",
            "updated_at": innovation.updated_at.isoformat(),
        }


class _Echo:
    def write(self, value):
        return value


def export_csv(request):
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(EXPORT_COLUMNS)
        for row in export_rows():
            yield writer.writerow(
                [
                    spreadsheet_safe("; ".join(map(str, v)) if isinstance(v, list) else v)
                    for v in row.values()
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="innovations.csv"'
    return response


def export_json(request):
    body = json.dumps(
        {"columns": EXPORT_COLUMNS, "innovations": list(export_rows())}, ensure_ascii=False
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="innovations.json"'
    return response
