"""Organisations and members' affiliations to them."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from members.models.people import User
from network.taxonomy import OrganisationType, Region, region_for_country
from network.utils import unique_slug


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
