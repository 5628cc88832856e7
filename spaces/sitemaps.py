from django.contrib.sitemaps import Sitemap

from spaces.models import Space, Thread


class SpaceSitemap(Sitemap):
    """Public spaces only (search engines are visitors)."""

    changefreq = "weekly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Space.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class ThreadSitemap(Sitemap):
    """Threads of public spaces that anyone may read."""

    changefreq = "daily"
    i18n = True
    alternates = True
    x_default = True
    limit = 5000

    def items(self):
        return (
            Thread.objects.public()
            .select_related("space")
            .order_by("pk")
            .only("pk", "last_activity_at", "space__slug")
        )

    def lastmod(self, item):
        return item.last_activity_at
