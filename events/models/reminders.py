"""The reminder emails that went out, one row each, so that none goes twice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models.clinics import Booking
from events.models.event import Registration


class Reminder(models.Model):
    """One reminder email for one registration (or one person of a clinic booking) and one
    lead time. The unique keys make a second scan, or two at once, send nothing twice."""

    class Kind(models.TextChoices):
        DAY = "24h", _("24 hours before")
        HOUR = "1h", _("1 hour before")

    kind = models.CharField(_("kind"), max_length=4, choices=Kind)
    recipient = models.ForeignKey(  # empty for a guest's registration: it names them
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_reminders",
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, null=True, blank=True, related_name="reminders"
    )
    claim = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind"], name="event_reminder_registration_unique"
            ),
            models.UniqueConstraint(
                fields=["booking", "recipient", "kind"], name="event_reminder_booking_unique"
            ),
            models.CheckConstraint(
                condition=Q(registration__isnull=False, booking__isnull=True)
                | Q(registration__isnull=True, booking__isnull=False),
                name="event_reminder_registration_or_booking",
            ),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient_id}"
