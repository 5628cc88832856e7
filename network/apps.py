from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Apps whose rows the shared aggregates count or rank (innovations, resources, events,
# members, mentors, tags).
COUNTED_APPS = {"innovations", "resources", "events", "members", "mentoring", "taggit"}
# Of those, rows that no aggregate reads, and that are written often (messages, feedback,
# reminders from the scans, mentoring logs): their saves forget nothing.
UNCOUNTED_MODELS = {
    "members.message",
    "innovations.comment",
    "innovations.update",
    "innovations.interest",
    "innovations.revision",
    "events.reminder",
    "events.calendartoken",
    "mentoring.reminder",
    "mentoring.session",
    "mentoring.goal",
}
# A save of these fields alone (each sign-in writes last_login) changes nothing counted.
UNCOUNTED_FIELDS = frozenset({"last_login", "last_active"})


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from django.db.backends.signals import connection_created

        from network.search import install_sqlite_unaccent

        connection_created.connect(install_sqlite_unaccent)

        # Shared facet counts and figures are forgotten when what they count changes.
        from django.db import transaction
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from network.cache import forget_aggregates

        def counted_change(sender, update_fields=None, **kwargs):
            if sender._meta.app_label not in COUNTED_APPS:
                return
            if sender._meta.label_lower in UNCOUNTED_MODELS:
                return
            if update_fields and set(update_fields) <= UNCOUNTED_FIELDS:
                return
            forget_aggregates()
            # Again once committed: a view that counted meanwhile saw the old rows.
            transaction.on_commit(forget_aggregates)

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(counted_change, dispatch_uid=f"forget-aggregates-{signal}")
