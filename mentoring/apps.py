from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Mentoring")
    # Declared once (network.content; README "Adding a content type").
    content = "mentoring.content.CONTENT"
