from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    name = "innovations"
    verbose_name = _("Innovations")
    # Everything this app brings to home, search, sitemaps, moderation, digests, the shared
    # counts and the demo, declared once (network.content; README "Adding a content type").
    content = "innovations.content.CONTENT"
