"""The choices a member makes about their profile and their emails, and what each viewer sees."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
