"""Attendees' feedback after an event."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models.event import Event
from members.models import by_unsuspended


class FeedbackQuerySet(models.QuerySet):
    def shown(self):
        """Not hidden after reports and not by a suspended member."""
        return self.filter(by_unsuspended("author"), hidden_at__isnull=True)


class Feedback(models.Model):
    """An attendee's rating (1 to 5) and comment, after the event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=3000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "author"], name="event_feedback_one_per_member"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="event_feedback_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return self.comment[:60] or f"{self.rating}/5"

    def get_absolute_url(self):
        return self.event.get_absolute_url() + f"#feedback-{self.pk}"
