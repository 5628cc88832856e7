"""Spaces and who is in them: the one place that says who may see a space and who is in it."""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.taxonomy import Language, Region, Theme

# Words that name fixed URLs beside /spaces/<slug>/.
RESERVED_SLUGS = frozenset({"mine", "new", "invitations", "join"})


class Kind(models.TextChoices):
    CHAPTER = "chapter", _("Regional chapter")
    COMMUNITY = "community", _("Thematic community")
    COHORT = "cohort", _("Programme cohort")
    ROOM = "room", _("Workshop room")


class Entry(models.TextChoices):
    OPEN = "open", _("Open: any member may join")
    REQUEST = "request", _("On request: the space's moderators accept")
    INVITATION = "invitation", _("By invitation only")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: visitors read, members take part")
    MEMBERS = "members", _("Members of the network")
    PRIVATE = "private", _("Private: only the space's members know it exists")


class Following(models.TextChoices):
    ALL = "all", _("Every post")
    THREADS = "threads", _("New threads only")
    MENTIONS = "mentions", _("Only when I am mentioned")


def cover_path(instance, filename):
    return f"space-covers/{uuid.uuid4().hex}.jpg"


class SpaceQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every space ``user`` may open: the one place the rule is written (DESIGN §4).

        Public spaces for everyone; members' spaces for approved members; a private space
        only for those in it (and those invited to it); everything for staff. An archived
        space stays readable to whoever could read it."""
        if user is not None and user.is_authenticated and user.is_staff:
            return self.all()
        allowed = Q(visibility=Visibility.PUBLIC)
        if user is None or not user.is_authenticated:
            return self.filter(allowed)
        if user.is_member:
            named = Exists(
                Membership.objects.filter(
                    space=OuterRef("pk"),
                    user=user,
                    state__in=(Membership.State.ACTIVE, Membership.State.INVITED),
                )
            )
            allowed |= Q(visibility=Visibility.MEMBERS) | (Q(visibility=Visibility.PRIVATE) & named)
        return self.filter(allowed)

    def readable_by(self, user):
        """The spaces whose threads, files and sessions ``user`` may read: as ``visible_to``,
        except that an invitation to a private space shows the invitation, not the space."""
        if user is not None and user.is_authenticated and user.is_staff:
            return self.all()
        allowed = Q(visibility=Visibility.PUBLIC)
        if user is None or not user.is_authenticated:
            return self.filter(allowed)
        if user.is_member:
            joined = Exists(
                Membership.objects.filter(
                    space=OuterRef("pk"), user=user, state=Membership.State.ACTIVE
                )
            )
            allowed |= Q(visibility=Visibility.MEMBERS) | (
                Q(visibility=Visibility.PRIVATE) & joined
            )
        return self.filter(allowed)

    def public(self):
        """For sitemaps, feeds and search engines (no user involved)."""
        return self.filter(visibility=Visibility.PUBLIC)

    def joined_by(self, user):
        """The spaces ``user`` is in."""
        if not (user is not None and user.is_authenticated):
            return self.none()
        return self.filter(
            Exists(
                Membership.objects.filter(
                    space=OuterRef("pk"), user=user, state=Membership.State.ACTIVE
                )
            )
        )


class Space(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(_("address"), max_length=140, unique=True)
    description = models.CharField(
        _("short description"), max_length=400, help_text=_("At most 400 characters.")
    )
    about = models.TextField(
        _("about this space"), max_length=6000, blank=True, help_text=_("Markdown.")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH
    )
    cover = models.ImageField(_("cover image"), upload_to=cover_path, blank=True)
    region = models.CharField(_("region"), max_length=24, choices=Region, blank=True)
    theme = models.CharField(_("theme"), max_length=48, choices=Theme, blank=True)
    programme = models.ForeignKey(
        "mentoring.Programme",
        verbose_name=_("mentoring programme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="spaces",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("workshop"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rooms",
    )
    entry = models.CharField(_("way in"), max_length=12, choices=Entry, default=Entry.OPEN)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.MEMBERS
    )
    resources = models.ManyToManyField(
        "resources.Resource", verbose_name=_("library resources"), blank=True, related_name="+"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("sessions"), blank=True, related_name="spaces"
    )
    # Kept current by a PostgreSQL trigger (title A, description B, about C; accents folded).
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["kind", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("spaces:space", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def is_private(self) -> bool:
        return self.visibility == Visibility.PRIVATE


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state=Membership.State.ACTIVE, user__is_active=True)

    def moderating(self):
        return self.active().filter(role=Membership.Role.MODERATOR)


class Membership(models.Model):
    """Who is in a space, how they came in, and what they follow of it."""

    class State(models.TextChoices):
        ACTIVE = "active", _("Member")
        REQUESTED = "requested", _("Asked to join")
        INVITED = "invited", _("Invited")
        DECLINED = "declined", _("Request declined")
        LEFT = "left", _("Left")

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        MODERATOR = "moderator", _("Space moderator")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="space_memberships"
    )
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.ACTIVE)
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.MEMBER)
    following = models.CharField(
        _("email me about"), max_length=10, choices=Following, default=Following.THREADS
    )
    message = models.CharField(_("why I would like to join"), max_length=500, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("since"), auto_now_add=True)
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    last_visit_at = models.DateTimeField(_("last visit"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("space membership")
        verbose_name_plural = _("space memberships")
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="space_membership_unique")
        ]
        indexes = [models.Index(fields=["user", "state"], name="space_member_user_idx")]

    def __str__(self):
        return f"{self.user_id} in {self.space_id} ({self.state})"

    @property
    def is_active(self) -> bool:
        return self.state == self.State.ACTIVE

    @property
    def is_moderator(self) -> bool:
        return self.is_active and self.role == self.Role.MODERATOR

    # What is news to a member: since their last visit, or since joining a space not opened
    # yet (the row's own creation for older rows). The same order in Python and in SQL.
    NEWS_SINCE = ("last_visit_at", "joined_at", "created_at")

    @property
    def news_since(self):
        return next(getattr(self, name) for name in self.NEWS_SINCE if getattr(self, name))

    @classmethod
    def news_since_of(cls, ref):
        """The same moment in a query, for the membership ``ref`` points to (F or OuterRef)."""
        return Coalesce(*(ref(name) for name in cls.NEWS_SINCE))
