"""The sitemap: the public list pages and the sections every app declares."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.urls import reverse

from network import content


class PagesSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["home", *content.gather("pages")]

    def location(self, item):
        return reverse(item)


def sitemap(request):
    """sitemap.xml: the public pages, then every section the apps declare."""
    return sitemap_view(request, sitemaps={"pages": PagesSitemap, **content.sitemaps()})
