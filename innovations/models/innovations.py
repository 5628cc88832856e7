"""Innovations: their status, visibility, classifications and team."""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from members.models import Organisation, by_unsuspended
from network.tags import PrefetchedTags
from network.taxonomy import SDG, Language, Region, Seeking, Stage, TargetGroup, Theme

RESERVED_SLUGS = frozenset({"new", "feed", "export", "tags", "export.csv", "export.json"})


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")
    ARCHIVED = "archived", _("Archived")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone, also search engines and feeds")
    MEMBERS = "members", _("Members only")


# Multi-valued classifications live in one table (InnovationFacet) so that filters and
# facet counts work the same way on SQLite and PostgreSQL.
FACET_KINDS = {
    "theme": Theme,
    "sdg": SDG,
    "target": TargetGroup,
    "seeking": Seeking,
    "country": None,  # ISO codes (django-countries)
    "region": Region,
}


# A field that was not loaded (deferred), so nothing is known of its stored value.
UNKNOWN = object()


class InnovationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Everything ``user`` may open: the one place the visibility rules are written.

        Published and public for everyone; published members-only for approved members;
        any status for the owner and team; everything for staff.
        """
        if user is not None and user.is_authenticated and user.is_staff:
            return self.all()
        # Hidden after reports, or by a suspended owner: out of sight until a moderator acts.
        shown = self.filter(by_unsuspended("owner"), hidden_at__isnull=True)
        published = Q(status=Status.PUBLISHED, visibility=Visibility.PUBLIC)
        if user is not None and user.is_authenticated:
            if user.is_member:
                published = Q(status=Status.PUBLISHED)
            return shown.filter(published | team_q(user))
        return shown.filter(published)

    def of_team(self, user):
        """The innovations ``user`` owns or is on the team of, in any status: the one place
        "owns or is on the team" is written (``team_q``, ``Innovation.has_on_team``)."""
        return self.filter(team_q(user))

    def for_any_member(self):
        """What every approved member may see, without anyone's own drafts: for work done for
        many members at once (digests). Staff are never the reference here."""
        return self.filter(by_unsuspended("owner"), hidden_at__isnull=True, status=Status.PUBLISHED)

    def listed_for(self, user):
        """What the showcase, feeds and counts list for ``user``: published and visible."""
        if user is not None and user.is_authenticated and user.is_member and not user.is_staff:
            # Every published one, their own among them: the same rows as visible_to's, without
            # its "or on the team", which keeps PostgreSQL from reading the newest first
            # down the published_at index (a member's home: 14 ms to under 1 ms a list).
            return self.for_any_member()
        return self.visible_to(user).published()

    def public(self):
        """Public and published: for feeds, sitemaps and open data (no user involved)."""
        return self.visible_to(None)

    def one_per_work(self, folded: list[int]):
        """One innovation per work: without the language versions in ``folded``
        (``folded_versions``), which lists show in their original's place, in the viewer's
        language (innovations.views.showcase.in_language)."""
        return self.exclude(pk__in=folded) if folded else self

    def folded_versions(self, user) -> list[int]:
        """The language versions whose original is listed for ``user``: a few rows, read down
        the translation_of index (a condition on every row would slow every count and page)."""
        original_listed = Innovation.objects.listed_for(user).filter(pk=OuterRef("translation_of"))
        versions = self.filter(translation_of__isnull=False).filter(Exists(original_listed))
        return list(versions.values_list("pk", flat=True))


# The two relations that put a member on an innovation's team: its owner, and the team rows.
# ``team_q`` follows them for one member; work done for many members at once (the mentoring
# engine's features) follows each path in turn.
TEAM_PATHS = ("owner", "team__user")


def team_q(user) -> Q:
    """Owned by ``user`` or with ``user`` on the team (``TEAM_PATHS``), as one semi-join on
    the union of both: each side is read through its index, where an OR of the two would
    read the whole table (100,000 innovations: 190 ms against 3 ms)."""
    owned = Innovation.objects.filter(owner=user).values("pk")
    joined = TeamMember.objects.filter(user=user).values("innovation")
    return Q(pk__in=owned.union(joined))


class ContributionQuerySet(models.QuerySet):
    def shown(self):
        """Comments and updates not hidden after reports and not by a suspended member."""
        return self.filter(by_unsuspended("author"), hidden_at__isnull=True)


def cover_path(instance, filename):
    return f"covers/{uuid.uuid4().hex}.jpg"


class TaggedInnovation(TaggedItemBase):
    content_object = models.ForeignKey("Innovation", on_delete=models.CASCADE)


class Innovation(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, at most 300 characters."),
    )
    problem = models.TextField(_("the problem"), max_length=6000, blank=True)
    solution = models.TextField(_("the solution"), max_length=6000, blank=True)
    evidence = models.TextField(
        _("evidence of results"),
        max_length=6000,
        blank=True,
        help_text=_("What changed, for whom, and how you know. Markdown."),
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage, blank=True)
    # The language it is written in (pages mark its text with it: WCAG 3.1.2), and the
    # innovation it is a version of in that language: one card per innovation in lists.
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH,
        help_text=_("The language this description is written in."),
    )  # fmt: skip
    translation_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        verbose_name=_("language version of"),
        help_text=_("The innovation this describes in another language."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="innovations",
        verbose_name=_("organisation"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="owned_innovations",
        verbose_name=_("owner"),
    )
    cover = models.ImageField(_("cover image"), upload_to=cover_path, blank=True)
    links = models.TextField(
        _("links"), max_length=1000, blank=True, help_text=_("One web address per line, up to 5.")
    )
    tags = TaggableManager(_("tags"), through=TaggedInnovation, manager=PrefetchedTags, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.DRAFT, db_index=True
    )
    review_note = models.TextField(
        _("moderator's note"), blank=True, help_text=_("Comments or reason sent to the team.")
    )
    featured = models.BooleanField(_("featured on the home page"), default=False)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)
    # Kept current by a PostgreSQL trigger (title A, summary B, body C; accents folded).
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # Indexed by innovation_recent_idx and innovation_listed_recent_idx (Meta.indexes).
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = InnovationQuerySet.as_manager()

    class Meta:
        verbose_name = _("innovation")
        verbose_name_plural = _("innovations")
        ordering = ["-published_at", "-pk"]
        indexes = [
            # Newest first: the showcase's order, and the walk that finds a frequent word's
            # most recent matches without reading them all.
            models.Index(fields=["-published_at", "-id"], name="innovation_recent_idx"),
            # The listed ones newest first (a member's home, the digest): drafts, whose
            # published_at is empty and sorts first, are not in it to be stepped over.
            models.Index(
                fields=["-published_at", "-id"],
                name="innovation_listed_recent_idx",
                condition=Q(status="published", hidden_at__isnull=True),
            ),
            # The home page's featured innovations, newest first: a handful among 100,000.
            models.Index(
                fields=["-published_at"],
                name="innovation_featured_idx",
                condition=Q(featured=True, status="published", hidden_at__isnull=True),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Saved as any innovation is; a new stage of maturity is kept as a StageChange
        (the insight dashboard's stage movements), whoever made it and wherever."""
        before = getattr(self, "_stored_stage", "")  # a new innovation had none
        super().save(*args, **kwargs)
        stage = self.__dict__.get("stage", UNKNOWN)  # UNKNOWN: not loaded, so not changed
        fields = kwargs.get("update_fields")
        if (
            UNKNOWN not in (before, stage)
            and stage
            and stage != before
            and (fields is None or "stage" in fields)
        ):
            self.stage_changes.create(before=before or "", after=stage)
        self._stored_stage = stage

    def get_absolute_url(self):
        return reverse("innovations:detail", kwargs={"slug": self.slug})

    def clean(self):
        """A language version is of an original (one level), in another language."""
        original = self.translation_of
        if original is None:
            return
        if original.pk == self.pk or original.translation_of_id:
            raise ValidationError(
                {"translation_of": _("Choose the original, not another language version.")}
            )
        if original.language == self.language:
            raise ValidationError(
                {"translation_of": _("The original is already in this language.")}
            )

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        """As stored: its stage, to tell a new one when it is saved."""
        innovation = super().from_db(db, field_names, values, **kwargs)
        innovation._stored_stage = innovation.__dict__.get("stage", UNKNOWN)
        return innovation

    def versions_for(self, viewer):
        """Its versions in other languages that ``viewer`` would find listed: the original
        and the original's other translations."""
        original = self.translation_of_id or self.pk
        return (
            Innovation.objects.listed_for(viewer)
            .filter(Q(pk=original) | Q(translation_of=original))
            .exclude(pk=self.pk)
            .only("slug", "language")
            .order_by("language")
        )

    def facet_values(self, kind: str) -> list[str]:
        """Values of one classification, from prefetched facets when available."""
        return [facet.value for facet in self.facets.all() if facet.kind == kind]

    def facet_labels(self) -> dict[str, list[str]]:
        """Each classification's values as people read them (the page and the review page)."""
        facets = {}
        for facet in self.facets.all():
            facets.setdefault(facet.kind, []).append(facet.value)
        return {
            "themes": [Theme(v).label for v in facets.get("theme", []) if v in Theme.values],
            "sdgs": [SDG(int(v)).label for v in facets.get("sdg", []) if v.isdigit()],
            "targets": [
                TargetGroup(v).label for v in facets.get("target", []) if v in TargetGroup.values
            ],
            "seeking": [Seeking(v).label for v in facets.get("seeking", []) if v in Seeking.values],
            "countries": [countries.name(v) for v in facets.get("country", [])],
            "regions": [Region(v).label for v in facets.get("region", []) if v in Region.values],
        }

    def country_names(self) -> list[str]:
        return [countries.name(code) for code in self.facet_values("country")]

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]

    def has_on_team(self, user) -> bool:
        """Whether ``user`` owns it or is on its team (``team_q`` for one row; reads a
        prefetched team when there is one)."""
        if user is None or not user.is_authenticated:
            return False
        return self.owner_id == user.pk or any(
            member.user_id == user.pk for member in self.team.all()
        )

    def team_users(self) -> list:
        """The owner and the team, active accounts only: the people told about it."""
        users = {member.user for member in self.team.select_related("user")}
        if self.owner is not None:
            users.add(self.owner)
        return [user for user in users if user.is_active]

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and self.visibility == Visibility.PUBLIC


class InnovationFacet(models.Model):
    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=10, choices=[(k, k) for k in FACET_KINDS])
    value = models.CharField(max_length=60)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["innovation", "kind", "value"], name="innovation_facet_unique"
            )
        ]
        indexes = [models.Index(fields=["kind", "value"], name="innovation_facet_kind_value")]

    def __str__(self):
        return f"{self.kind}={self.value}"


class TeamMember(models.Model):
    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="innovation_teams"
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team")
        constraints = [
            models.UniqueConstraint(fields=["innovation", "user"], name="team_member_unique")
        ]

    def __str__(self):
        return f"{self.user} ({self.innovation})"
