"""People and organisations: the user model (email is the login), profiles, organisations."""

import uuid

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from network.taxonomy import Language, OrganisationType, Region, region_for_country
from network.utils import unique_slug


class UserQuerySet(models.QuerySet):
    """Who may be shown to whom: the one place the rules about members are written (DESIGN
    §4). Each rule is also a ``Q`` builder below, with a ``prefix`` for the relation that
    leads to the member (``"affiliations__user__"``, ``"user__"``), so that counts and other
    apps' lists apply exactly the same rule."""

    def approved(self):
        """Approved, active members: the people who may act as members.

        Suspended members are inactive, so they drop out of every list at once.
        """
        return self.filter(approved_q())

    def applicants(self):
        return self.filter(status=User.Status.APPLICANT, is_active=True)

    def approved_before(self, moment):
        """Approved members who were members already at ``moment``: their decision (or, for
        accounts approved outside the application flow, their sign-up) came before it."""
        return self.approved().filter(
            Q(profile__decided_at__lte=moment)
            | Q(profile__decided_at__isnull=True, date_joined__lte=moment)
        )

    def shown(self):
        """Approved members whose profile is not hidden after reports: the people anyone who
        may see members at all is shown by name (mentors, hosts, teams)."""
        return self.filter(shown_q())

    def listed_for(self, viewer):
        """The members ``viewer`` finds in the directory, on organisation pages, in search
        and in every count of members: shown, with a profile visibility ``viewer`` may see.

        It depends on ``viewer``'s level only (visitor, or member and staff alike), so what
        it lists can be shared by every viewer of that level."""
        return self.filter(listed_q(viewer))

    def showing(self, field: str, viewer):
        """Those whose ``field`` (bio, organisation, country, expertise, links) ``viewer``'s
        level may see: filters and facets on a field go through it, so they never reveal
        what a member chose to hide."""
        return self.filter(showing_q(field, viewer))

    def visible_to(self, viewer):
        """The profiles ``viewer`` may open: their own and, for staff, anyone's; otherwise a
        shown member whose profile is open to ``viewer``'s level, or hidden from the
        directory but open to members when ``viewer`` is one."""
        if viewer is not None and viewer.is_authenticated and viewer.is_staff:
            return self.all()
        allowed = listed_q(viewer)
        if viewer is not None and viewer.is_authenticated and viewer.is_member:
            allowed |= shown_q() & Q(profile__visibility=ProfileVisibility.HIDDEN)
        if viewer is not None and viewer.is_authenticated:
            allowed |= Q(pk=viewer.pk)
        return self.filter(allowed)


def by_unsuspended(field: str) -> Q:
    """Rows whose member ``field`` (an owner, author, creator) is not a suspended account —
    or is empty, for a former member's content: a suspended member's content steps aside
    everywhere at once. An anti-join on the few suspended accounts (member_suspended_idx),
    where a join on every member would read them all."""
    return ~Exists(User.objects.filter(pk=OuterRef(field), is_active=False))


def approved_q(prefix: str = "") -> Q:
    """``UserQuerySet.approved`` through the relation ``prefix``."""
    return Q(**{f"{prefix}status": User.Status.APPROVED, f"{prefix}is_active": True})


def shown_q(prefix: str = "") -> Q:
    """``UserQuerySet.shown`` through the relation ``prefix``."""
    return approved_q(prefix) & Q(**{f"{prefix}profile__hidden_at__isnull": True})


def listed_q(viewer, prefix: str = "") -> Q:
    """``UserQuerySet.listed_for`` through the relation ``prefix``."""
    return shown_q(prefix) & Q(**{f"{prefix}profile__visibility__in": visible_levels(viewer)})


def showing_q(field: str, viewer, prefix: str = "") -> Q:
    """``UserQuerySet.showing`` through the relation ``prefix``."""
    if field not in PROFILE_FIELDS:
        raise ValueError(f"Unknown profile field {field!r}")
    return Q(**{f"{prefix}profile__{field}_visibility__in": visible_levels(viewer)})


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email)
        extra.setdefault("username", unique_username(extra.get("display_name") or email))
        user = self.model(email=email, **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("status", User.Status.APPROVED)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


def unique_username(seed: str) -> str:
    """A URL-safe, unique handle derived from a name or an address (never the whole address)."""
    return unique_slug(
        User, seed.split("@")[0], field="username", max_length=36, reserved=RESERVED_USERNAMES
    )


RESERVED_USERNAMES = frozenset({"me", "admin", "staff"})


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Email is the login; the username only names the profile URL."""

    class Status(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        APPROVED = "approved", _("Member")
        DECLINED = "declined", _("Declined")

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    username = models.SlugField(_("username"), max_length=40, unique=True)
    display_name = models.CharField(_("display name"), max_length=120, blank=True)
    status = models.CharField(
        _("membership status"), max_length=16, choices=Status, default=Status.APPLICANT
    )
    language = models.CharField(
        _("language"), max_length=8, default="en", help_text=_("Used for emails too.")
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=now)
    last_active = models.DateTimeField(_("last active"), null=True, blank=True)
    suspended_at = models.DateTimeField(_("suspended"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]
        indexes = [
            # The directory's first page, in name order, without sorting 50,000 members: the
            # index is walked in order and stops after a page of listed members.
            models.Index(
                fields=["display_name", "username"],
                name="member_directory_name_idx",
                condition=Q(status="approved", is_active=True),
            ),
            # The few suspended accounts, whose content every list leaves out.
            models.Index(fields=["id"], name="member_suspended_idx", condition=Q(is_active=False)),
        ]

    def __str__(self):
        return self.display_name or self.username

    # Set on the copy of a staff account that a session without two-factor authentication
    # sees (members.access.without_staff_power): the account's real (is_staff, is_superuser).
    staff_power_withheld = None

    def save(self, *args, **kwargs):
        """Save; a copy without staff power writes the account's real staff flags, never the
        lowered ones it shows."""
        if self.staff_power_withheld is None:
            return super().save(*args, **kwargs)
        shown = self.is_staff, self.is_superuser
        self.is_staff, self.is_superuser = self.staff_power_withheld
        try:
            return super().save(*args, **kwargs)
        finally:
            self.is_staff, self.is_superuser = shown

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        if self.staff_power_withheld is not None:
            self.staff_power_withheld = self.is_staff, self.is_superuser
            self.is_staff = self.is_superuser = False

    def get_absolute_url(self):
        return reverse("members:profile", kwargs={"username": self.username})

    def get_full_name(self):
        return str(self)

    def get_short_name(self):
        return str(self)

    @property
    def is_member(self) -> bool:
        """Approved members and staff see members-only content."""
        return self.is_active and (self.status == self.Status.APPROVED or self.is_staff)


class OrganisationQuerySet(models.QuerySet):
    def listed(self):
        """The organisations anyone may see: not those named at sign-up and still pending,
        which wait for a moderator to approve their applicant (nothing public from
        strangers)."""
        return self.filter(pending=False)

    def visible_to(self, viewer):
        """What ``viewer`` may open: the listed ones, and the pending one an applicant named
        themselves; staff, every one."""
        if viewer is not None and viewer.is_authenticated and viewer.is_staff:
            return self.all()
        if viewer is not None and viewer.is_authenticated:
            return self.filter(Q(pending=False) | Q(affiliations__user=viewer)).distinct()
        return self.listed()


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=OrganisationType)
    country = CountryField(_("country"), blank=True)
    region = models.CharField(
        _("region"), max_length=24, choices=Region, blank=True, editable=False
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    description = models.TextField(_("description"), blank=True)
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Set by staff once the organisation is checked.")
    )
    pending = models.BooleanField(
        _("pending"),
        default=False,
        help_text=_(
            "Named at sign-up: shown to nobody but its applicant and staff until a moderator "
            "approves the applicant (or merges it into the organisation it duplicates)."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Organisation, self.name)
        self.region = region_for_country(str(self.country)) or ""
        if kwargs.get("update_fields") is not None and "country" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "region"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:organisation", kwargs={"slug": self.slug})


class Affiliation(models.Model):
    """A member belongs to an organisation with a role."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    role = models.CharField(_("role"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="affiliation_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


def visible_levels(viewer) -> list[str]:
    """The visibility levels ``viewer`` may see on other people's profiles."""
    if viewer is not None and viewer.is_authenticated and viewer.is_member:
        return [FieldVisibility.PUBLIC, FieldVisibility.MEMBERS]
    return [FieldVisibility.PUBLIC]


# The parts of a profile that each have their own visibility (``<field>_visibility``).
PROFILE_FIELDS = ("bio", "organisation", "country", "expertise", "links")


class FieldVisibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members only")
    HIDDEN = "hidden", _("Only me")


class ProfileVisibility(models.TextChoices):
    PUBLIC = "public", _("Public: visitors can see my profile")
    MEMBERS = "members", _("Members only")
    HIDDEN = "hidden", _("Hidden from the directory")


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NEVER = "never", _("Never")


def avatar_path(instance, filename):
    return f"avatars/{uuid.uuid4().hex}.jpg"


class TaggedExpertise(TaggedItemBase):
    content_object = models.ForeignKey("Profile", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("expertise")
        verbose_name_plural = _("expertise")


class TaggedInterest(TaggedItemBase):
    content_object = models.ForeignKey("Profile", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")


class Profile(models.Model):
    """What a member shows of themselves, each part with its own visibility."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, primary_key=True, related_name="profile"
    )
    headline = models.CharField(_("headline"), max_length=160, blank=True)
    bio = models.TextField(
        _("bio"), max_length=5000, blank=True, help_text=_("Markdown: **bold**, lists, links.")
    )
    country = CountryField(_("country"), blank=True)
    region = models.CharField(
        _("region"), max_length=24, choices=Region, blank=True, editable=False
    )
    expertise = TaggableManager(
        _("expertise"), through=TaggedExpertise, related_name="expert_profiles", blank=True
    )
    interests = TaggableManager(
        _("interests"), through=TaggedInterest, related_name="interested_profiles", blank=True
    )
    links = models.TextField(
        _("links"), max_length=1000, blank=True, help_text=_("One web address per line, up to 5.")
    )
    open_to_mentor = models.BooleanField(_("open to mentor"), default=False)
    avatar = models.ImageField(_("photo"), upload_to=avatar_path, blank=True)

    visibility = models.CharField(
        _("profile visibility"),
        max_length=10,
        choices=ProfileVisibility,
        default=ProfileVisibility.MEMBERS,
    )
    bio_visibility = models.CharField(
        _("who sees your bio"), max_length=10, choices=FieldVisibility, default="members"
    )
    organisation_visibility = models.CharField(
        _("who sees your organisations"), max_length=10, choices=FieldVisibility, default="members"
    )
    country_visibility = models.CharField(
        _("who sees your country"), max_length=10, choices=FieldVisibility, default="members"
    )
    expertise_visibility = models.CharField(
        _("who sees your expertise"), max_length=10, choices=FieldVisibility, default="members"
    )
    links_visibility = models.CharField(
        _("who sees your links"), max_length=10, choices=FieldVisibility, default="members"
    )

    delivery = models.CharField(
        _("email notifications"), max_length=10, choices=Delivery, default=Delivery.DAILY
    )
    muted_kinds = models.JSONField(_("muted kinds"), default=list, blank=True)
    discovery_digest = models.BooleanField(
        _("weekly discovery digest"),
        default=True,
        help_text=_(
            "New innovations, events and resources that match your interests, once a week."
        ),
    )

    motivation = models.TextField(_("motivation"), max_length=1500, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)

    def save(self, *args, **kwargs):
        self.region = region_for_country(str(self.country)) or ""
        if kwargs.get("update_fields") is not None and "country" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "region"}
        super().save(*args, **kwargs)

    def shows(self, field: str, viewer) -> bool:
        """Whether ``viewer`` may see ``field`` (bio, organisation, country, expertise, links)."""
        if (
            viewer is not None
            and viewer.is_authenticated
            and (viewer.pk == self.user_id or viewer.is_staff)
        ):
            return True
        return getattr(self, f"{field}_visibility") in visible_levels(viewer)

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class SpokenLanguage(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=8, choices=Language)

    class Meta:
        verbose_name = _("spoken language")
        verbose_name_plural = _("spoken languages")
        constraints = [
            models.UniqueConstraint(fields=["profile", "code"], name="spoken_language_unique")
        ]

    def __str__(self):
        return self.get_code_display()


class Message(models.Model):
    """A message sent through the platform; logged, and emailed without exposing addresses."""

    sender = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sent_messages")
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="received_messages")
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class Contact(models.Model):
    """One member reaching another through the contact gate (members.contact): the record the
    per-sender limits are counted on. A contact to a team is one ``action`` with a row per
    member told."""

    sender = models.ForeignKey(User, on_delete=models.CASCADE, related_name="contacts_made")
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=40)
    action = models.UUIDField(editable=False)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [
            models.Index(fields=["sender", "kind", "created_at"], name="contact_sender_idx"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.sender_id} → {self.recipient_id}"


class BlockQuerySet(models.QuerySet):
    """A block keeps two members apart both ways: neither contacts, asks, invites, mentions or
    is matched with the other. Every place that needs the rule asks here."""

    def between(self, first, second):
        """Blocks between ``first`` and ``second``, in either direction (users, ids or
        ``OuterRef`` expressions)."""
        return self.filter(Q(blocker=first, blocked=second) | Q(blocker=second, blocked=first))

    def between_any(self, person, people):
        """Blocks between ``person`` and any of ``people``, in either direction."""
        return self.filter(
            Q(blocker=person, blocked__in=people) | Q(blocker__in=people, blocked=person)
        )

    def among(self, people) -> set[tuple[int, int]]:
        """The pairs of ids among ``people`` (ids) kept apart by a block, both orders."""
        pairs = set()
        for blocker, blocked in self.filter(blocker__in=people, blocked__in=people).values_list(
            "blocker_id", "blocked_id"
        ):
            pairs |= {(blocker, blocked), (blocked, blocker)}
        return pairs


class Block(models.Model):
    """``blocker`` and ``blocked`` are kept apart (``BlockQuerySet.between``)."""

    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_unique")]

    def __str__(self):
        return f"{self.blocker} blocks {self.blocked}"
