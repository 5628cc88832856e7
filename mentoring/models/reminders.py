"""The reminders and check-ins that went out, one row each, so that none goes twice."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.models.mentorships import Mentorship
from mentoring.models.requests import MentoringRequest


class Reminder(models.Model):
    """A reminder or check-in that went out. The unique keys make a scan that runs twice (or
    two scans at once) send nothing twice."""

    class Kind(models.TextChoices):
        REQUEST_DAY_3 = "request_day_3", _("Request reminder, day 3")
        REQUEST_DAY_7 = "request_day_7", _("Request reminder, day 7")
        CHECKIN = "checkin", _("Mentorship check-in")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    request = models.ForeignKey(
        MentoringRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    # For check-ins: the day the silence started and which 14-day period of it.
    key = models.CharField(_("key"), max_length=40, blank=True)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind"],
                condition=Q(request__isnull=False),
                name="mentoring_reminder_once_per_request",
            ),
            models.UniqueConstraint(
                fields=["mentorship", "kind", "key"],
                condition=Q(mentorship__isnull=False),
                name="mentoring_reminder_once_per_gap",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.sent_at:%Y-%m-%d}"
