"""The URL tree (DESIGN.md §5): English unprefixed, French and Spanish under /fr/ and /es/.
Each app's pages come from its declaration (``network.content``)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from network import content
from network import views as base
from portal import insights, views
from portal.sitemaps import sitemap

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME

# allauth answers a rate limit with this (a styled page that keeps what was typed).
handler429 = "members.views.too_many_requests"

urlpatterns = [
    path("healthz", base.healthz, name="healthz"),
    path("robots.txt", base.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    *[path(prefix, include(module)) for prefix, module in content.gather_urls()],
    path("notifications/", base.notification_list, name="notifications"),
    path("notifications/read-all/", base.notification_read_all, name="notifications_read_all"),
    path("notifications/<int:pk>/read/", base.notification_read, name="notification_read"),
    path("report/<str:label>/<int:pk>/", base.report, name="report"),
    path("search/", views.search, name="search"),
    path("figures/", insights.figures, name="figures"),
    path("insights/", insights.dashboard, name="insights"),
    path("insights/<slug:name>.<str:fmt>", insights.export, name="insights_export"),
    path("unsubscribe/<str:token>/", base.unsubscribe, name="unsubscribe"),
    path("act/<str:token>/", base.act, name="act"),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
