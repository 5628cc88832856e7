from django.contrib.sitemaps import Sitemap

from innovations.models import Innovation


class InnovationSitemap(Sitemap):
    """Public, published innovations only (the same queryset as feeds and open data)."""

    changefreq = "weekly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Innovation.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
