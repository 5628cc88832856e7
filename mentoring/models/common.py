"""What the mentoring models share: the limits (capacity, duration, how long a request waits),
the choices, and who the viewer is."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_CAPACITY = 1
MAX_CAPACITY = 5

MIN_MONTHS = 1
MAX_MONTHS = 6

REQUEST_LIFETIME = timedelta(days=10)


CHECKIN_GAP = timedelta(days=14)


def viewer_is_staff(user) -> bool:
    return user is not None and user.is_authenticated and user.is_staff


def viewer_is_member(user) -> bool:
    """Mentoring is for approved members (and staff)."""
    return user is not None and user.is_authenticated and user.is_member


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Available")
    PAUSED = "paused", _("Paused")


class Format(models.TextChoices):
    VIDEO = "video", _("Video calls")
    PHONE = "phone", _("Phone calls")
    CHAT = "chat", _("Chat and messages")
    EMAIL = "email", _("Email")
    IN_PERSON = "in-person", _("In person")


class Role(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    MENTEE = "mentee", _("Mentee")
