"""Profiles: what a member tells about themselves, field by field visible to whom they choose."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from members.models.choices import Delivery, FieldVisibility, ProfileVisibility, visible_levels
from members.models.people import User
from network.tags import PrefetchedTags
from network.taxonomy import Language, Region, region_for_country


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
        _("expertise"),
        through=TaggedExpertise,
        manager=PrefetchedTags,
        related_name="expert_profiles",
        blank=True,
    )
    interests = TaggableManager(
        _("interests"),
        through=TaggedInterest,
        manager=PrefetchedTags,
        related_name="interested_profiles",
        blank=True,
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
    # A moderator's question about the application, and the applicant's answer (the latest).
    question = models.TextField(_("moderator's question"), max_length=2000, blank=True)
    question_asked_at = models.DateTimeField(_("question asked"), null=True, blank=True)
    answer = models.TextField(_("applicant's answer"), max_length=2000, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
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
