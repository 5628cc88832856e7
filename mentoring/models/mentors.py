"""Mentors: a member's offer to mentor (capacity, availability, expertise, themes, languages,
formats), listed to approved members only."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from members.models import Block, shown_q
from mentoring.models.common import (
    MAX_CAPACITY,
    MIN_CAPACITY,
    Availability,
    Format,
    viewer_is_member,
    viewer_is_staff,
)
from mentoring.models.mentorships import Mentorship
from network.tags import PrefetchedTags
from network.taxonomy import Language, Theme, labels


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
        if viewer_is_staff(user):
            return self.all()
        if not viewer_is_member(user):
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
        _("expertise"),
        through=TaggedMentorExpertise,
        manager=PrefetchedTags,
        related_name="mentor_profiles",
        blank=True,
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
        return labels(Theme, self.themes)

    def language_labels(self) -> list[str]:
        return labels(Language, self.languages)

    def format_labels(self) -> list[str]:
        return labels(Format, self.formats)

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
