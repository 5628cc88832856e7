"""The choices of an event (type, scope, visibility, status), the words its address may not
take, and the time zones it may be in."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from network.zones import TIMEZONES

# Words that name fixed URLs beside /events/<slug>/.
RESERVED_SLUGS = frozenset({"calendar", "new", "mine", "feed", "past", "invitations", "export"})


class EventType(models.TextChoices):
    SESSION = "session", _("Knowledge-sharing session")
    WORKSHOP = "workshop", _("Ideation workshop")
    CLINIC = "clinic", _("Innovation clinic")
    TRAINING = "training", _("Training")
    WEBINAR = "webinar", _("Webinar")


class Scope(models.TextChoices):
    GLOBAL = "global", _("Global")
    REGIONAL = "regional", _("Regional")
    NATIONAL = "national", _("National")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone, also search engines and feeds")
    MEMBERS = "members", _("Members only")
    PRIVATE = "private", _("Private: invited members only")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", pgettext_lazy("event", "Published")
    CANCELLED = "cancelled", _("Cancelled")


# A cancelled event stays visible (and listed, marked cancelled) to whoever could see it
# published, so that the people who planned to come learn of it.
SHOWN_STATUSES = (Status.PUBLISHED, Status.CANCELLED)


def validate_timezone(value: str) -> None:
    if value not in TIMEZONES:
        raise ValidationError(_("“%(zone)s” is not a known time zone."), params={"zone": value})
