"""What the mentoring services share: the notification kind, the clock they take (``now``, so
that tests drive it), absolute links for emails, and the reminder row that makes a scan send
each reminder once."""

from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from mentoring.models import Reminder

KIND = "mentoring"


def now_or_default(now: datetime | None) -> datetime:
    return now or timezone.now()


def absolute_url(url: str) -> str:
    return settings.SITE_URL + url


def claim_reminder(**fields) -> bool:
    """Record that a reminder goes out; False when another run already sent it."""
    try:
        with transaction.atomic():
            Reminder.objects.create(**fields)
    except IntegrityError:
        return False
    return True
