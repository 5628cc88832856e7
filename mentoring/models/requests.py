"""A member's request to a mentor. Seen by its mentee, its mentor and staff."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from mentoring.models.common import MAX_MONTHS, MIN_MONTHS, REQUEST_LIFETIME, viewer_is_staff
from network.tags import PrefetchedTags
from network.taxonomy import Language


class TaggedRequestTopic(TaggedItemBase):
    content_object = models.ForeignKey("MentoringRequest", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("request topic")
        verbose_name_plural = _("request topics")


class MentoringRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The mentee's and the mentor's own requests; every request for staff."""
        if viewer_is_staff(user):
            return self.all()
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(Q(mentee=user) | Q(mentor=user))

    def pending(self):
        return self.filter(status=MentoringRequest.Status.PENDING)


class MentoringRequest(models.Model):
    """A member asks a mentor. Unanswered, it expires after 10 days (reminders on days 3, 7)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", pgettext_lazy("request", "Declined")
        EXPIRED = "expired", _("Expired")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentoring_requests_sent",
        verbose_name=_("mentee"),
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentoring_requests_received",
        verbose_name=_("mentor"),
    )
    goals = models.TextField(
        _("goals"),
        max_length=3000,
        help_text=_("What you want to achieve. One goal per line becomes your checklist."),
    )
    topics = TaggableManager(
        _("topics"),
        through=TaggedRequestTopic,
        manager=PrefetchedTags,
        related_name="mentoring_requests",
        blank=True,
        help_text=_("Comma-separated, e.g. apprenticeships, employer engagement."),
    )
    innovation = models.ForeignKey(
        "innovations.Innovation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentoring_requests",
        verbose_name=_("about an innovation"),
    )
    duration_months = models.PositiveSmallIntegerField(
        _("desired duration (months)"),
        default=3,
        validators=[MinValueValidator(MIN_MONTHS), MaxValueValidator(MAX_MONTHS)],
    )
    language = models.CharField(_("language"), max_length=8, choices=Language)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PENDING, db_index=True
    )
    response = models.TextField(_("mentor's message"), max_length=2000, blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # Declined for the mentor when their last place went to another mentee.
    mentor_became_full = models.BooleanField(_("the mentor's places filled up"), default=False)
    score = models.PositiveSmallIntegerField(_("match score"), default=0)
    reasons = models.JSONField(_("why this mentor"), default=list, blank=True)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)

    objects = MentoringRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentoring request")
        verbose_name_plural = _("mentoring requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One open request from a mentee to a mentor at a time.
            models.UniqueConstraint(
                fields=["mentee", "mentor"],
                condition=Q(status="pending"),
                name="mentoring_request_one_pending",
            ),
            models.CheckConstraint(
                condition=Q(duration_months__gte=MIN_MONTHS, duration_months__lte=MAX_MONTHS),
                name="mentoring_request_duration_1_to_6",
            ),
        ]

    def __str__(self):
        return f"{self.mentee} → {self.mentor} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("mentoring:request", kwargs={"pk": self.pk})

    @property
    def expires_at(self):
        return self.created_at + REQUEST_LIFETIME

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def status_class(self) -> str:
        """The design system's badge for this status."""
        return {"pending": "status-submitted", "accepted": "status-approved",
                "declined": "status-declined"}.get(self.status, "status-draft")  # fmt: skip

    @property
    def is_closed_without_mentor(self) -> bool:
        return self.status in (self.Status.DECLINED, self.Status.EXPIRED)
