"""Kinds of notification a member can switch off, filled in by each app as it lands."""

from django.utils.translation import gettext_lazy as _

KINDS = {
    "application_decided": _("Decisions on my membership application"),
    "member_message": _("Messages from other members"),
}
