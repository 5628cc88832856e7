"""The URL tree (DESIGN.md §5): English unprefixed, French and Spanish under /fr/ and /es/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from network import views
from network.sitemaps import sitemaps

admin.site.site_header = settings.SITE_NAME
admin.site.site_title = settings.SITE_NAME

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("", include("members.urls")),
    path("innovations/", include("innovations.urls")),
    path("resources/", include("resources.urls")),
    path("events/", include("events.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/read-all/", views.notification_read_all, name="notifications_read_all"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification_read"),
    path("report/<str:label>/<int:pk>/", views.report, name="report"),
    path("search/", views.search, name="search"),
    path("follow/", views.follow_topic, name="follow"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("act/<str:token>/", views.act, name="act"),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
