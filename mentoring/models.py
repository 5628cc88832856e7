"""Peer mentoring: mentors, requests, programmes and their matches, mentorships.

Visibility (DESIGN.md §4): mentors are listed to approved members only; a request is seen by
its mentee, its mentor and staff; a mentorship (goals, sessions, feedback) is private to the
pair and staff, and the mentor's feedback about the mentee to staff alone.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from members.models import Block, shown_q
from network.taxonomy import Language, Theme

MIN_CAPACITY = 1
MAX_CAPACITY = 5
MIN_MONTHS = 1
MAX_MONTHS = 6
REQUEST_LIFETIME = timedelta(days=10)
REMINDER_DAYS = (3, 7)
CHECKIN_GAP = timedelta(days=14)


def _staff(user) -> bool:
    return user is not None and user.is_authenticated and user.is_staff


def _member(user) -> bool:
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


# --- mentors --------------------------------------------------------------------------------
class TaggedMentorExpertise(TaggedItemBase):
    content_object = models.ForeignKey("MentorProfile", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("mentor expertise")
        verbose_name_plural = _("mentor expertise")


def active_mentee_count():
    """Annotation: how many active mentorships the mentor (a MentorProfile row) has."""
    active = (
        Mentorship.objects.filter(mentor=OuterRef("user"), status=Mentorship.Status.ACTIVE)
        .order_by()
        .values("mentor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(active, output_field=models.IntegerField()), Value(0))


class MentorProfileQuerySet(models.QuerySet):
    def listed(self):
        """Mentors anyone may be shown: shown members (``members.models.shown_q``) whose
        mentoring offer is not hidden after reports."""
        return self.filter(shown_q("user__"), hidden_at__isnull=True)

    def with_load(self):
        if "active_mentees" in self.query.annotations:
            return self
        return self.annotate(active_mentees=active_mentee_count())

    def accepting(self):
        """Available and below capacity: the only mentors who receive new requests."""
        return (
            self.with_load()
            .filter(availability=Availability.AVAILABLE)
            .filter(active_mentees__lt=F("capacity"))
        )

    def visible_to(self, user):
        """Mentors ``user`` may see: every one for staff, the listed ones for approved members
        (less those on either side of a block), none for visitors and applicants."""
        if _staff(user):
            return self.all()
        if not _member(user):
            return self.none()
        return self.listed().exclude(Exists(Block.objects.between(user, OuterRef("user"))))


class MentorProfile(models.Model):
    """A member's offer to mentor. At capacity or paused, they receive no new requests."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="mentor_profile",
        verbose_name=_("member"),
    )
    bio = models.TextField(
        _("mentoring bio"),
        max_length=1500,
        blank=True,
        help_text=_("What you can help with and how you like to work. Markdown."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=2,
        validators=[MinValueValidator(MIN_CAPACITY), MaxValueValidator(MAX_CAPACITY)],
        help_text=_("How many mentees you can accompany at once, 1 to 5."),
    )
    availability = models.CharField(
        _("availability"), max_length=10, choices=Availability, default=Availability.AVAILABLE
    )
    expertise = TaggableManager(
        _("expertise"), through=TaggedMentorExpertise, related_name="mentor_profiles", blank=True
    )
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=MIN_CAPACITY, capacity__lte=MAX_CAPACITY),
                name="mentoring_mentor_capacity_1_to_5",
            )
        ]

    def __str__(self):
        return str(self.user)

    def facet_values(self, kind: str) -> list[str]:
        """Themes, languages or formats, from prefetched facets when available."""
        return sorted(facet.value for facet in self.facets.all() if facet.kind == kind)

    @property
    def themes(self) -> list[str]:
        return self.facet_values("theme")

    @property
    def languages(self) -> list[str]:
        return self.facet_values("language")

    @property
    def formats(self) -> list[str]:
        return self.facet_values("format")

    def theme_labels(self) -> list[str]:
        return [Theme(value).label for value in self.themes if value in Theme.values]

    def language_labels(self) -> list[str]:
        return [Language(value).label for value in self.languages if value in Language.values]

    def format_labels(self) -> list[str]:
        return [Format(value).label for value in self.formats if value in Format.values]

    def load(self) -> int:
        """Active mentees: the annotation when present, else a query."""
        if hasattr(self, "active_mentees"):
            return self.active_mentees
        return Mentorship.objects.filter(
            mentor_id=self.user_id, status=Mentorship.Status.ACTIVE
        ).count()

    @property
    def free_places(self) -> int:
        return max(0, self.capacity - self.load())

    @property
    def is_full(self) -> bool:
        return self.load() >= self.capacity

    @property
    def is_accepting(self) -> bool:
        return self.availability == Availability.AVAILABLE and not self.is_full


class MentorFacet(models.Model):
    """A mentor's themes, languages and formats: one table, so filters work the same way on
    SQLite and PostgreSQL and a card needs one prefetch."""

    KINDS = {"theme": Theme, "language": Language, "format": Format}

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=10, choices=[(k, k) for k in KINDS])
    value = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "kind", "value"], name="mentoring_mentor_facet_unique"
            )
        ]
        indexes = [models.Index(fields=["kind", "value"], name="mentoring_facet_kind_value")]

    def __str__(self):
        return f"{self.kind}={self.value}"


# --- requests -------------------------------------------------------------------------------
class TaggedRequestTopic(TaggedItemBase):
    content_object = models.ForeignKey("MentoringRequest", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("request topic")
        verbose_name_plural = _("request topics")


class MentoringRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The mentee's and the mentor's own requests; every request for staff."""
        if _staff(user):
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


# --- programmes -----------------------------------------------------------------------------
class ProgrammeQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(application_opens__lte=now, application_closes__gt=now)

    def visible_to(self, user):
        """Programmes are announced to approved members (and staff)."""
        if _staff(user) or _member(user):
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
        if _staff(user):
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

    @property
    def status_class(self) -> str:
        return {"offered": "status-submitted", "accepted": "status-approved",
                "declined": "status-declined"}.get(self.status, "status-draft")  # fmt: skip


# --- mentorships ----------------------------------------------------------------------------
class MentorshipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The pair and staff: to anyone else a mentorship does not exist (404)."""
        if _staff(user):
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


def completed_mentorship_counts(user) -> dict[str, int]:
    """Completed mentorships for a member's profile: ``{"as_mentor": n, "as_mentee": m}``.

    One query; mentorships ended early are not counted. Show them with
    ``{% include "mentoring/_profile_counts.html" with counts=... %}``.
    """
    return Mentorship.objects.completed_counts(user)
