"""Achievements staff define, and the Open Badges 3.0 credentials issued for them."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from events.models import EventType
from network.taxonomy import Stage


class Kind(models.TextChoices):
    ATTENDED = "attended", _("Attended a session")
    HOSTED = "hosted", _("Hosted a session")
    MENTORSHIP = "mentorship", _("Completed a mentorship")
    PROGRAMME = "programme", _("Completed a programme")
    INNOVATION_STAGE = "innovation_stage", _("Innovation reached a stage")
    MANUAL = "manual", _("Issued by staff only")


class AchievementQuerySet(models.QuerySet):
    def automatic(self):
        return self.filter(active=True).exclude(kind=Kind.MANUAL)


class Achievement(models.Model):
    """What a credential says someone did. Issued automatically when its condition becomes
    true (``kind`` with ``event_types`` or ``stage``), or by staff with a reason."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), max_length=2000)
    criteria = models.TextField(
        _("criteria"), max_length=2000, help_text=_("What someone did to earn it, in a few lines.")
    )
    image = models.ImageField(_("image"), upload_to="credentials/", blank=True)
    kind = models.CharField(_("issued when"), max_length=20, choices=Kind)
    event_types = models.JSONField(
        _("event types"),
        default=list,
        blank=True,
        help_text=format_lazy(
            _("For sessions: the types of event that count (empty: every type). Choices: {types}."),
            types=", ".join(EventType.values),
        ),
    )
    stage = models.CharField(
        _("stage"),
        max_length=12,
        choices=Stage,
        blank=True,
        help_text=_("For innovations: the stage it reaches (or any later one)."),
    )
    active = models.BooleanField(
        _("issued automatically"),
        default=True,
        help_text=_("Off: no new credentials are issued for it; those issued stay valid."),
    )
    valid_days = models.PositiveIntegerField(
        _("valid for (days)"), null=True, blank=True, help_text=_("Empty: it never expires.")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = AchievementQuerySet.as_manager()

    class Meta:
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def in_language(self, language: str) -> dict:
        """Name, description and criteria in ``language`` where a version exists."""
        version = next((v for v in self.versions.all() if v.language == language), None)
        source = version or self
        return {
            "name": source.name,
            "description": source.description,
            "criteria": source.criteria,
        }


class AchievementVersion(models.Model):
    """An achievement's name, description and criteria in another language."""

    achievement = models.ForeignKey(Achievement, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), max_length=2000)
    criteria = models.TextField(_("criteria"), max_length=2000)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            models.UniqueConstraint(
                fields=["achievement", "language"], name="credentials_one_version_per_language"
            )
        ]

    def __str__(self):
        return f"{self.achievement} ({self.language})"


def _new_public_id():
    return uuid.uuid4()


class CredentialQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(member=user)

    def on_profile(self):
        """What anyone who sees a profile sees of its credentials: those its member chose to
        show, neither revoked nor suspended (DESIGN §4)."""
        return self.filter(
            shown_on_profile=True, revoked_at__isnull=True, suspended_at__isnull=True
        ).select_related("achievement")


class Credential(models.Model):
    """One signed Open Badges 3.0 credential: one per member, achievement and occasion (the
    event, mentorship, programme or innovation it is for), whatever the retries."""

    class State(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUSPENDED = "suspended", _("Suspended")
        EXPIRED = "expired", _("Expired")

    public_id = models.UUIDField(default=_new_public_id, unique=True, editable=False)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="credentials",
        verbose_name=_("member"),
    )
    achievement = models.ForeignKey(
        Achievement,
        on_delete=models.PROTECT,
        related_name="credentials",
        verbose_name=_("achievement"),
    )
    # "event:12", "mentorship:4", "programme:2", "innovation:9", "manual:<uuid>".
    occasion = models.CharField(_("occasion"), max_length=80)
    occasion_label = models.CharField(_("for"), max_length=300, blank=True)
    # Name and language as signed, so the certificate reads what the credential says.
    recipient_name = models.CharField(_("recipient's name"), max_length=200)
    language = models.CharField(_("language"), max_length=8, default="en")
    issued_at = models.DateTimeField(_("issued"), default=timezone.now, db_index=True)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    reason = models.TextField(_("reason"), max_length=1000, blank=True)
    # The signed VC-JWT (header.payload.signature) and the key that signed it.
    jwt = models.TextField(_("signed credential"), blank=True, editable=False)
    key_id = models.CharField(_("key id"), max_length=100, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    suspended_at = models.DateTimeField(_("suspended"), null=True, blank=True)
    status_reason = models.TextField(
        _("reason for revoking or suspending"), max_length=1000, blank=True
    )
    shown_on_profile = models.BooleanField(_("shown on my profile"), default=True)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        verbose_name = _("credential")
        verbose_name_plural = _("credentials")
        ordering = ["-issued_at", "-pk"]
        # A credential's content is signed: staff never edit it, they decide on its status.
        permissions = [
            ("decide_credential", _("Can revoke, suspend, reinstate and re-issue credentials"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "achievement", "occasion"],
                name="credentials_one_per_member_achievement_occasion",
            ),
            models.CheckConstraint(condition=~Q(occasion=""), name="credentials_occasion_named"),
        ]

    def __str__(self):
        return f"{self.achievement} – {self.recipient_name}"

    def get_absolute_url(self):
        with translation.override(None):
            return reverse("credentials:detail", kwargs={"public_id": self.public_id})

    @property
    def status_index(self) -> int:
        """Its place in the published status lists: its primary key, unique and never reused."""
        return self.pk

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if self.revoked_at:
            return self.State.REVOKED
        if self.suspended_at:
            return self.State.SUSPENDED
        if self.valid_until and self.valid_until <= now:
            return self.State.EXPIRED
        return self.State.VALID

    def get_state_display(self):
        return self.State(self.state()).label
