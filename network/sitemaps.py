"""Sitemaps of public pages; each content app adds its own section as it lands."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.sitemaps import EventSitemap
from innovations.sitemaps import InnovationSitemap
from resources.sitemaps import CollectionSitemap, ResourceSitemap


class StaticSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return [
            "home",
            "innovations:showcase",
            "resources:library",
            "resources:collections",
            "events:listing",
            "members:organisations",
        ]

    def location(self, item):
        return reverse(item)


sitemaps = {
    "pages": StaticSitemap,
    "innovations": InnovationSitemap,
    "resources": ResourceSitemap,
    "resource-collections": CollectionSitemap,
    "events": EventSitemap,
}
