"""Innovation clinics: the times experts offer, and members' bookings of them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models.event import Event


class ClinicSlot(models.Model):
    """A time an expert offers in an innovation clinic; one booking per slot."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="slots")
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="clinic_slots",
        verbose_name=_("expert"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    online_url = models.URLField(
        _("meeting link for this slot"),
        max_length=500,
        blank=True,
        help_text=_("Empty: the clinic's own link. Shown only to the expert and who booked."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("clinic slot")
        verbose_name_plural = _("clinic slots")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_slot_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.event} @ {self.starts_at:%Y-%m-%d %H:%M} UTC"

    def meeting_url(self) -> str:
        return self.online_url or self.event.online_url


class Booking(models.Model):
    """A member's booking of a clinic slot, for one of their innovations, with a question.

    After the clinic the expert writes advice, which only the innovation's team, the expert
    and staff see.
    """

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="bookings")
    slot = models.OneToOneField(ClinicSlot, on_delete=models.CASCADE, related_name="booking")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="clinic_bookings",
        verbose_name=_("member"),
    )
    innovation = models.ForeignKey(
        "innovations.Innovation",
        on_delete=models.CASCADE,
        related_name="clinic_bookings",
        verbose_name=_("innovation"),
    )
    question = models.TextField(
        _("your question"),
        max_length=3000,
        help_text=_("What you would like the expert to help with. Markdown."),
    )
    advice = models.TextField(_("advice"), max_length=10000, blank=True)
    advice_at = models.DateTimeField(_("advice written"), null=True, blank=True)
    created_at = models.DateTimeField(_("booked"), auto_now_add=True)

    class Meta:
        verbose_name = _("clinic booking")
        verbose_name_plural = _("clinic bookings")
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            # One slot per member and clinic: slots are scarce.
            models.UniqueConstraint(
                fields=["event", "member"], name="event_booking_one_per_member"
            ),
        ]

    def __str__(self):
        return f"{self.member} – {self.slot}"

    def get_absolute_url(self):
        return reverse("events:booking", kwargs={"slug": self.event.slug, "pk": self.pk})
