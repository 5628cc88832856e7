"""Programmes: cohorts that mentors and mentees apply to in a window, and the pairs the engine
proposes (matches), which staff offer and both sides accept."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.models.common import (
    MAX_CAPACITY,
    MAX_MONTHS,
    MIN_CAPACITY,
    MIN_MONTHS,
    Role,
    viewer_is_member,
    viewer_is_staff,
)


class ProgrammeQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(application_opens__lte=now, application_closes__gt=now)

    def visible_to(self, user):
        """Programmes are announced to approved members (and staff)."""
        if viewer_is_staff(user) or viewer_is_member(user):
            return self.all()
        return self.none()


class Programme(models.Model):
    """A cohort: mentors and mentees apply in a window; staff then match them."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    application_opens = models.DateTimeField(_("applications open"))
    application_closes = models.DateTimeField(_("applications close"))
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"),
        default=3,
        validators=[MinValueValidator(MIN_MONTHS), MaxValueValidator(MAX_MONTHS)],
    )
    matched_at = models.DateTimeField(_("offers sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-application_opens", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(application_closes__gt=F("application_opens")),
                name="mentoring_programme_window_order",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("mentoring:programme", kwargs={"slug": self.slug})

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.application_opens <= now < self.application_closes

    def has_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.application_closes


class ProgrammeApplication(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="applications")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_applications",
        verbose_name=_("member"),
    )
    role = models.CharField(_("I apply as"), max_length=10, choices=Role)
    goals = models.TextField(
        _("goals"),
        max_length=3000,
        blank=True,
        help_text=_("Mentees: what you want to achieve. Mentors: what you can offer."),
    )
    topics = models.JSONField(_("topics"), default=list, blank=True)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("mentees in this programme"),
        default=1,
        validators=[MinValueValidator(MIN_CAPACITY), MaxValueValidator(MAX_CAPACITY)],
    )
    created_at = models.DateTimeField(_("applied"), default=timezone.now)

    class Meta:
        verbose_name = _("programme application")
        verbose_name_plural = _("programme applications")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user"], name="mentoring_application_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}) – {self.programme}"


class MatchQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Offered and later matches to the two people named; all of them to staff."""
        if viewer_is_staff(user):
            return self.all()
        if user is None or not user.is_authenticated:
            return self.none()
        return self.exclude(status=Match.Status.PROPOSED).filter(Q(mentee=user) | Q(mentor=user))


class Match(models.Model):
    """A pair the engine proposed in a programme. Staff adjust and confirm (offered); both
    accept (accepted, and a mentorship starts) or one declines."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed (staff only)")
        OFFERED = "offered", _("Offered to both")
        ACCEPTED = "accepted", _("Accepted by both")
        DECLINED = "declined", _("Declined")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="matches")
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_matches_as_mentor",
        verbose_name=_("mentor"),
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="programme_matches_as_mentee",
        verbose_name=_("mentee"),
    )
    score = models.PositiveSmallIntegerField(_("score"), default=0)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PROPOSED, db_index=True
    )
    mentor_accepted_at = models.DateTimeField(_("mentor accepted"), null=True, blank=True)
    mentee_accepted_at = models.DateTimeField(_("mentee accepted"), null=True, blank=True)
    declined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("declined by"),
    )
    offered_at = models.DateTimeField(_("offered"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = MatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["programme", "-score", "pk"]
        constraints = [
            # A mentee has at most one live match per programme.
            models.UniqueConstraint(
                fields=["programme", "mentee"],
                condition=Q(status__in=["proposed", "offered", "accepted"]),
                name="mentoring_match_one_live_per_mentee",
            )
        ]

    def __str__(self):
        return f"{self.mentee} ↔ {self.mentor} ({self.programme})"

    def get_absolute_url(self):
        return reverse("mentoring:match", kwargs={"pk": self.pk})

    def is_party(self, user) -> bool:
        """One of the two people paired (staff see matches, but do not answer them)."""
        if user is None or not user.is_authenticated:
            return False
        return user.pk in (self.mentor_id, self.mentee_id)

    @property
    def status_class(self) -> str:
        return {"offered": "status-submitted", "accepted": "status-approved",
                "declined": "status-declined"}.get(self.status, "status-draft")  # fmt: skip
