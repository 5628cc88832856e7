"""The moderation dashboard: every declared queue, how many wait and since when."""

from django.contrib import admin
from django.db.models import Count, Min
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from network import content
from network.models import Report

# The base's own queue, beside the ones the apps declare.
REPORTS = content.Queue(
    _("Open reports"),
    lambda: Report.objects.filter(resolved_at=None),
    "created_at",
    "/admin/network/report/?resolved_at__isempty=1",
    order=90,
)


def queues() -> list[content.Queue]:
    return sorted([*content.gather("queues"), REPORTS], key=lambda queue: queue.order)


def moderation_dashboard(request):
    rows = []
    for queue in queues():
        row = queue.queryset().aggregate(count=Count("pk"), oldest=Min(queue.date_field))
        rows.append({"label": queue.label, "url": queue.url, **row})
    context = {**admin.site.each_context(request), "title": _("Moderation"), "queues": rows}
    return TemplateResponse(request, "admin/moderation.html", context)


_site_urls = admin.site.get_urls


def _get_urls():
    return [
        path("moderation/", admin.site.admin_view(moderation_dashboard), name="moderation"),
        *_site_urls(),
    ]


admin.site.get_urls = _get_urls
admin.site.index_template = "admin/network_index.html"
