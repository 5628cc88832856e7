from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from network import content
from network.cache import begin_request, end_request, forget_aggregates, forget_pages
from network.search import install_sqlite_unaccent


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        connection_created.connect(install_sqlite_unaccent)
        # Within a request, the shared aggregates' generation is read once.
        request_started.connect(begin_request, dispatch_uid="aggregates-begin-request")
        request_finished.connect(end_request, dispatch_uid="aggregates-end-request")

        # Shared facet counts and figures, and the visitors' cached pages, are forgotten when
        # what they show changes: the declared apps' rows, less the writes their declarations
        # say no count reads (or no visitor sees).
        def counted_change(sender, update_fields=None, **kwargs):
            for changes, forget in (
                (content.counts_change, forget_aggregates),
                (content.pages_change, forget_pages),
            ):
                if changes(sender, update_fields):
                    forget()
                    # Again once committed: a view that read meanwhile saw the old rows.
                    transaction.on_commit(forget)

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(counted_change, dispatch_uid=f"forget-aggregates-{signal}")
