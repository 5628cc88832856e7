from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Credentials")
    # Declared once (network.content; README "Adding a content type").
    content = "credentials.content.CONTENT"

    def ready(self):
        # The lower apps (events, mentoring, innovations) know nothing of credentials: their
        # saves are heard here, and the beat's scan catches what no save tells (bulk updates,
        # an event that ended).
        from credentials import signals  # noqa: F401
