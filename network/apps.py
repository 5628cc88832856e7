from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from django.db.backends.signals import connection_created

        from network.search import install_sqlite_unaccent

        connection_created.connect(install_sqlite_unaccent)
