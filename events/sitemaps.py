from django.contrib.sitemaps import Sitemap

from events.models import Event


class EventSitemap(Sitemap):
    """Public, published events only (members-only, private, drafts and hidden never)."""

    changefreq = "weekly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Event.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
