from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resources")
    # Declared once (network.content; README "Adding a content type").
    content = "resources.content.CONTENT"

    def ready(self):
        # Here, not at the top: the receivers import the models, which load only once the
        # app registry is ready.
        from resources import signals  # noqa: F401 - connects the receivers
