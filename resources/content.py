"""What the library brings to the pages and jobs that gather everything (network.content)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from network.content import ContentApp, Queue, Reportable, Section
from resources.digest import new_resources_section
from resources.exports import personal_data
from resources.home import new_resources
from resources.insights import INSIGHTS, SERIES
from resources.models import Resource, Status
from resources.search import SOURCE
from resources.sitemaps import CollectionSitemap, ResourceSitemap

CONTENT = ContentApp(
    insights=INSIGHTS,
    series=SERIES,
    urls=("resources/", "resources.urls"),
    search=[SOURCE],
    sitemaps={"resources": ResourceSitemap, "resource-collections": CollectionSitemap},
    pages=["resources:library", "resources:collections"],
    public_pages=[
        "resources:library",
        "resources:detail",
        "resources:collections",
        "resources:collection",
    ],
    home=[
        Section("resources:new", "resources/_home.html#new", new_resources, order=40, shared=True)
    ],
    queues=[
        Queue(
            _("Contributed resources"),
            lambda: Resource.objects.filter(status=Status.SUBMITTED),
            "submitted_at",
            "/admin/resources/resource/review/",
            order=30,
        )
    ],
    reportables=[
        Reportable(
            Resource,
            lambda user, pk: get_object_or_404(Resource.objects.listed_for(user), pk=pk),
            lambda resource: resource.contributor,
        )
    ],
    digest=[new_resources_section],
    notification_kinds={"resource_reviewed": _("Decisions on resources I shared")},
    personal_data=personal_data,
    demo="resources.demo.seed",
    demo_order=30,
)
