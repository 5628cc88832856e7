"""An event and the people named on it: its hosts and speakers, its languages, the members
registered (with the waitlist) and invited. The visibility rule (``EventQuerySet.visible_to``)
reads all of them, so they live together.

Times are stored in UTC (``starts_at``, ``ends_at``) beside the event's own IANA time zone
(``timezone``), which calendar files carry as a VTIMEZONE and pages show beside the viewer's."""

import uuid
import zoneinfo

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from events.models.choices import (
    RESERVED_SLUGS,
    SHOWN_STATUSES,
    EventType,
    Scope,
    Status,
    Visibility,
    validate_timezone,
)
from members.models import by_unsuspended
from network.taxonomy import Language, Region, labels


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Everything ``user`` may open: the one place the visibility rules are written.

        Public events (published or cancelled) for everyone; members-only for approved members;
        private ones only for the people named on them (invitees, registrants); drafts only for
        the hosts and creator; everything for staff. Hidden after reports, or created by a
        suspended member: out of sight until a moderator acts.
        """
        if user is not None and user.is_authenticated and user.is_staff:
            return self.all()
        shown = self.filter(by_unsuspended("created_by"), hidden_at__isnull=True)
        open_ = Q(status__in=SHOWN_STATUSES)
        allowed = open_ & Q(visibility=Visibility.PUBLIC)
        if user is None or not user.is_authenticated:
            return shown.filter(allowed)
        hosting = Exists(EventHost.objects.filter(event=OuterRef("pk"), user=user))
        allowed |= hosting | Q(created_by=user)
        if user.is_member:
            named = Exists(Invitation.objects.filter(event=OuterRef("pk"), user=user)) | Exists(
                Registration.objects.filter(event=OuterRef("pk"), user=user)
            )
            allowed |= open_ & (
                Q(visibility=Visibility.MEMBERS) | (Q(visibility=Visibility.PRIVATE) & named)
            )
        return shown.filter(allowed)

    def same_as_every_member(self, user) -> bool:
        """Whether ``visible_to(user)`` is what every member sees, so that a count or search
        computed from it may be shared among members: true for a member who hosts and created
        no event and is named on no private one. It reads ``visible_to``'s relations, just
        above: change both together. One query, kept on ``user`` for the request."""
        if not (user.is_authenticated and user.is_member) or user.is_staff:
            return False
        if not hasattr(user, "_events_of_their_own"):
            private = Q(event__visibility=Visibility.PRIVATE)
            hosting = EventHost.objects.filter(user=user).values("pk")
            user._events_of_their_own = hosting.union(
                Event.objects.filter(created_by=user).values("pk"),
                Invitation.objects.filter(private, user=user).values("pk"),
                Registration.objects.filter(private, user=user).values("pk"),
                all=True,
            ).exists()
        return not user._events_of_their_own

    def listed_for(self, user):
        """What the listing, digests, counts and "presented at" list for ``user``."""
        return self.visible_to(user).filter(status__in=SHOWN_STATUSES)

    def public(self):
        """Public and published: for sitemaps and search engines (no user involved)."""
        return self.visible_to(None).published()

    def upcoming(self, now=None):
        """Not over yet (an event under way is still upcoming)."""
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())

    def with_seats(self):
        """Annotate ``confirmed_count`` (one subquery, whatever the number of events)."""
        confirmed = (
            Registration.objects.filter(event=OuterRef("pk"), status=Registration.Status.CONFIRMED)
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            confirmed_count=models.functions.Coalesce(
                models.Subquery(confirmed, output_field=models.IntegerField()), 0
            )
        )


def _new_calendar_uid():
    return uuid.uuid4()


class Event(models.Model):
    type = models.CharField(_("type"), max_length=12, choices=EventType)
    scope = models.CharField(_("scope"), max_length=10, choices=Scope, default=Scope.GLOBAL)
    region = models.CharField(
        _("region"),
        max_length=24,
        choices=Region,
        blank=True,
        help_text=_("For regional and national events."),
    )
    country = CountryField(_("country"), blank=True, help_text=_("For national events."))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    # The language its title and description are written in (pages mark them with it);
    # the languages it is held in are EventLanguage rows.
    written_in = models.CharField(
        _("written in"), max_length=8, choices=Language, default=Language.ENGLISH,
        help_text=_("The language of the title, summary and description."),
    )  # fmt: skip
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, at most 300 characters."),
    )
    description = models.TextField(
        _("description"), max_length=10000, blank=True, help_text=_("Markdown.")
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), db_index=True)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_timezone],
        help_text=_("The event's own time zone, e.g. Africa/Nairobi."),
    )
    online_url = models.URLField(
        _("online meeting link"),
        max_length=500,
        blank=True,
        help_text=_("Shown only to confirmed attendees and hosts."),
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit. When full, members join a waitlist."),
    )
    guests_allowed = models.BooleanField(
        _("guests may register"),
        default=False,
        help_text=_(
            "Public events only: people without an account register with their name and "
            "email, confirmed by email, within the same capacity and waitlist."
        ),
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration stays open until the event starts."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    innovations = models.ManyToManyField(
        "innovations.Innovation",
        blank=True,
        related_name="presented_at",
        verbose_name=_("showcased innovations"),
    )
    materials = models.ManyToManyField(
        "resources.Resource",
        blank=True,
        related_name="events",
        verbose_name=_("materials from the library"),
    )
    material_links = models.TextField(
        _("other materials"),
        max_length=2000,
        blank=True,
        help_text=_("One web address per line, up to 10: slides, notes."),
    )
    recording_url = models.URLField(_("recording"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_events",
        verbose_name=_("created by"),
    )
    # iCalendar: a UID that never changes, and a SEQUENCE raised on each change.
    calendar_uid = models.UUIDField(default=_new_calendar_uid, unique=True, editable=False)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)
    # PostgreSQL full text (title A, summary B, description C), kept by a trigger.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another.")})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def is_public(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.visibility == Visibility.PUBLIC
            and self.hidden_at is None
        )

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def is_over(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    def registration_closes(self):
        return self.registration_closes_at or self.starts_at

    def takes_guests(self, now=None) -> bool:
        """Whether someone without an account may register now."""
        return self.guests_allowed and self.is_public and self.registration_is_open(now)

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.status != Status.PUBLISHED or self.type == EventType.CLINIC:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return now < self.registration_closes()

    def seats_left(self) -> int | None:
        """Free seats (None: no limit). Needs ``confirmed_count`` (``with_seats()``) or counts."""
        if self.capacity is None:
            return None
        confirmed = getattr(self, "confirmed_count", None)
        if confirmed is None:
            confirmed = self.registrations.filter(status=Registration.Status.CONFIRMED).count()
        return max(self.capacity - confirmed, 0)

    def link_list(self) -> list[str]:
        """The material links, web addresses only (whatever reached the database)."""
        lines = [line.strip() for line in self.material_links.splitlines()]
        return [line for line in lines if line.lower().startswith(("http://", "https://"))]

    def language_names(self) -> list[str]:
        return labels(Language, [language.code for language in self.languages.all()])


class EventLanguage(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=8, choices=Language)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "code"], name="event_language_unique")
        ]
        indexes = [models.Index(fields=["code"], name="event_language_code")]

    def __str__(self):
        return self.get_code_display()


class EventHost(models.Model):
    """A host, speaker or clinic expert: a member, or a named guest without an account.

    Members on the programme are the event's team: they see the meeting link and the
    registrants, invite members, mark attendance and publish clinic slots.
    """

    class Role(models.TextChoices):
        HOST = "host", _("Host")
        SPEAKER = "speaker", _("Speaker")
        EXPERT = "expert", _("Clinic expert")
        MODERATOR = "moderator", _("Moderator")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="hosts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("member"),
    )
    guest_name = models.CharField(
        _("guest's name"),
        max_length=120,
        blank=True,
        help_text=_("For a speaker without an account."),
    )
    guest_affiliation = models.CharField(_("guest's organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.SPEAKER)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("host or speaker")
        verbose_name_plural = _("hosts and speakers")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="event_host_unique"),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(guest_name=""),
                name="event_host_member_or_guest",
            ),
        ]

    def __str__(self):
        return str(self.user) if self.user_id else self.guest_name

    def clean(self):
        if not self.user_id and not self.guest_name.strip():
            raise ValidationError(_("Choose a member or write the guest's name."))


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("registered_at", "pk")

    def attended(self, *, viewer=None):
        """Registrations marked attended, on events ``viewer`` may see (the profile count)."""
        return self.filter(attended=True, event__in=Event.objects.listed_for(viewer))


class Registration(models.Model):
    """A member's registration, or a guest's (no account: name and email, confirmed by email
    before the seat counts). Seats and the waitlist are the same for both."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting email confirmation")
        CONFIRMED = "confirmed", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("member"),
    )
    guest_name = models.CharField(_("guest's name"), max_length=150, blank=True)
    guest_email = models.EmailField(_("guest's email"), blank=True)
    guest_organisation = models.CharField(_("guest's organisation"), max_length=200, blank=True)
    guest_country = CountryField(_("guest's country"), blank=True)
    guest_language = models.CharField(_("guest's language"), max_length=8, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status)
    # First come, first served: the waitlist is ordered by (registered_at, pk). Registering
    # again after a cancellation starts at the back.
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("seat confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    wants_reminders = models.BooleanField(_("email me reminders"), default=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="event_registration_one_per_member"
            ),
            models.UniqueConstraint(
                fields=["event", "guest_email"],
                condition=~Q(guest_email=""),
                name="event_registration_one_per_guest",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False, guest_email="")
                | Q(user__isnull=True) & ~Q(guest_email=""),
                name="event_registration_member_or_guest",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="event_registration_status")]

    def __str__(self):
        return f"{self.person_name} – {self.event} ({self.get_status_display()})"

    @property
    def is_guest(self) -> bool:
        return self.user_id is None

    @property
    def person_name(self) -> str:
        return self.guest_name if self.is_guest else str(self.user)


class Invitation(models.Model):
    """A host invites a member (private workshops are invite-only)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", pgettext_lazy("request", "Declined")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_invitations",
        verbose_name=_("member"),
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="event_invitation_one_per_member"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.event}"
