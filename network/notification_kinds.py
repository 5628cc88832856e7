"""Kinds of notification a member can switch off by email. Apps add theirs from
``AppConfig.ready()`` with ``KINDS.update({...})``."""

from django.utils.translation import gettext_lazy as _

KINDS = {
    "application_decided": _("Decisions on my membership application"),
    "member_message": _("Messages from other members"),
    "report_resolved": _("Moderators' decisions about what I shared"),
}
