from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    # Declared once (network.content; README "Adding a content type").
    content = "events.content.CONTENT"
