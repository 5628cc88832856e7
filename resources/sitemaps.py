from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, OuterRef

from resources.models import Collection, CollectionItem, Resource


class ResourceSitemap(Sitemap):
    """Public, published resources only (search engines are visitors)."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Resource.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class CollectionSitemap(Sitemap):
    """Published collections holding at least one public resource."""

    changefreq = "monthly"
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        public_item = CollectionItem.objects.filter(
            collection=OuterRef("pk"), resource__in=Resource.objects.public().values("pk")
        )
        return (
            Collection.objects.published()
            .filter(Exists(public_item))
            .order_by("pk")
            .only("slug", "updated_at")
        )

    def lastmod(self, item):
        return item.updated_at
