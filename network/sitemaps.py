"""Sitemaps of public pages; each content app adds its own section as it lands."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from innovations.sitemaps import InnovationSitemap


class StaticSitemap(Sitemap):
    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["home", "innovations:showcase", "members:organisations"]

    def location(self, item):
        return reverse(item)


sitemaps = {"pages": StaticSitemap, "innovations": InnovationSitemap}
