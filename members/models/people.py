"""Members: the user model (the email is the login) and who may see or list whom."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from members.models.choices import PROFILE_FIELDS, ProfileVisibility, visible_levels
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
