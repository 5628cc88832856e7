"""Mentorships, private to the pair and staff: goals, the sessions log and each side's feedback
(the mentor's about the mentee for staff alone)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentoring.models.common import Role, viewer_is_staff
from mentoring.models.programmes import Match, Programme
from mentoring.models.requests import MentoringRequest
from network.taxonomy import Language


class MentorshipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The pair and staff: to anyone else a mentorship does not exist (404)."""
        if viewer_is_staff(user):
            return self.all()
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(Q(mentor=user) | Q(mentee=user))

    def active(self):
        return self.filter(status=Mentorship.Status.ACTIVE)

    def completed(self):
        return self.filter(status=Mentorship.Status.COMPLETED)

    def completed_counts(self, user) -> dict[str, int]:
        """``{"as_mentor": n, "as_mentee": m}``: completed mentorships, in one query."""
        counts = self.completed().aggregate(
            as_mentor=Count("pk", filter=Q(mentor=user)),
            as_mentee=Count("pk", filter=Q(mentee=user)),
        )
        return {"as_mentor": counts["as_mentor"] or 0, "as_mentee": counts["as_mentee"] or 0}


class Mentorship(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ENDED = "ended", _("Ended early")

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentorships_as_mentor",
        verbose_name=_("mentor"),
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentorships_as_mentee",
        verbose_name=_("mentee"),
    )
    request = models.OneToOneField(
        MentoringRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentorship",
    )
    match = models.OneToOneField(
        Match, on_delete=models.SET_NULL, null=True, blank=True, related_name="mentorship"
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentorships",
        verbose_name=_("programme"),
    )
    innovation = models.ForeignKey(
        "innovations.Innovation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentorships",
        verbose_name=_("about an innovation"),
    )
    goals = models.TextField(_("what the mentee asked for"), max_length=3000, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=Language, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.ACTIVE, db_index=True
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    agreed_end_date = models.DateField(_("agreed end date"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ended by"),
    )
    end_reason = models.TextField(_("reason for ending early"), max_length=2000, blank=True)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status="active"),
                name="mentoring_one_active_per_pair",
            )
        ]

    def __str__(self):
        return f"{self.mentor} mentors {self.mentee}"

    def get_absolute_url(self):
        return reverse("mentoring:mentorship", kwargs={"pk": self.pk})

    def is_party(self, user) -> bool:
        return (
            user is not None
            and user.is_authenticated
            and user.pk
            in (
                self.mentor_id,
                self.mentee_id,
            )
        )

    def role_of(self, user) -> str:
        if user.pk == self.mentor_id:
            return Role.MENTOR
        if user.pk == self.mentee_id:
            return Role.MENTEE
        return ""

    def partner_of(self, user):
        return self.mentee if user.pk == self.mentor_id else self.mentor

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class Goal(models.Model):
    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="goal_items")
    text = models.CharField(_("goal"), max_length=300)
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text


class Session(models.Model):
    """One mentoring session in the log."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"))
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    next_steps = models.TextField(_("next steps"), max_length=2000, blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("logged"), default=timezone.now)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.mentorship} – {self.held_on}"


class Feedback(models.Model):
    """Each side's feedback at the end. The mentee's reaches the mentor; the mentor's note
    about the mentee is for staff only and is never shown to the mentee."""

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_feedback"
    )
    role = models.CharField(_("given as"), max_length=10, choices=Role)
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), max_length=3000, blank=True)
    created_at = models.DateTimeField(_("given"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentorship", "author"], name="mentoring_feedback_one_per_author"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="mentoring_feedback_rating_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()} feedback on {self.mentorship}"


def completed_mentorship_counts(user) -> dict[str, int]:
    """Completed mentorships for a member's profile: ``{"as_mentor": n, "as_mentee": m}``.

    One query; mentorships ended early are not counted. Show them with
    ``{% include "mentoring/_profile_counts.html" with counts=... %}``.
    """
    return Mentorship.objects.completed_counts(user)
