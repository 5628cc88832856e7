from django.apps import AppConfig
from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from network import content
from network.cache import forget_aggregates
from network.search import install_sqlite_unaccent


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        connection_created.connect(install_sqlite_unaccent)

        # Shared facet counts and figures are forgotten when what they count changes: the
        # declared apps' rows, less the writes their declarations say no count reads.
        def counted_change(sender, update_fields=None, **kwargs):
            if content.counts_change(sender, update_fields):
                forget_aggregates()
                # Again once committed: a view that counted meanwhile saw the old rows.
                transaction.on_commit(forget_aggregates)

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(counted_change, dispatch_uid=f"forget-aggregates-{signal}")
