from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")
    # Declared once (network.content; README "Adding a content type").
    content = "members.content.CONTENT"

    def ready(self):
        # Here, not at the top: the receivers import the models, which load only once the
        # app registry is ready.
        from members import signals  # noqa: F401 - connects the receivers
