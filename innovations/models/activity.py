"""What members do with innovations: endorse, follow, comment, post updates, show interest,
record adoptions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from innovations.models.innovations import ContributionQuerySet, Innovation
from network.taxonomy import Language


class Endorsement(models.Model):
    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="endorsements"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["innovation", "user"], name="endorsement_unique")
        ]

    def __str__(self):
        return f"{self.user_id} endorses {self.innovation_id}"


class Follow(models.Model):
    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_innovations"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["innovation", "user"], name="follow_unique")]

    def __str__(self):
        return f"{self.user_id} follows {self.innovation_id}"


class Comment(models.Model):
    """Peer feedback. Authors can edit their own for 15 minutes."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=4000)
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class Update(models.Model):
    """A milestone the team posts to the innovation's timeline."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("what happened"), max_length=4000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class Interest(models.Model):
    class Purpose(models.TextChoices):
        COLLABORATE = "collaborate", _("Collaborate")
        SUPPORT = "support", _("Support or fund")
        PILOT = "pilot", _("Host a pilot")
        ADOPT = "adopt", _("Adopt it")

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="innovation_interests"
    )
    purpose = models.CharField(_("I'm interested to"), max_length=12, choices=Purpose)
    message = models.TextField(_("message to the team"), max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.user} → {self.innovation} ({self.purpose})"


class VisitorInterest(models.Model):
    """A visitor without an account (a funder, a ministry, a company) tells a team they would
    like to fund, pilot, adopt or collaborate. Their email is confirmed first; the first
    message from an address waits for a moderator, later ones go straight to the team. The
    team answers on the site, relayed by email: nobody sees an address the visitor did not
    choose to share."""

    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting email confirmation")
        HELD = "held", _("Waiting for a moderator")
        SENT = "sent", _("With the team")
        DECLINED = "declined", pgettext_lazy("request", "Declined")

    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="visitor_interests"
    )
    name = models.CharField(_("name"), max_length=150)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    share_email = models.BooleanField(
        _("show my email address to the team"),
        default=False,
        help_text=_("Otherwise the team answers on the site and we forward it to you."),
    )
    purpose = models.CharField(_("we would like to"), max_length=12, choices=Interest.Purpose)
    message = models.TextField(_("message to the team"), max_length=3000)
    language = models.CharField(_("language"), max_length=8, default="en")
    state = models.CharField(
        _("state"), max_length=12, choices=State, default=State.UNCONFIRMED, db_index=True
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip

    class Meta:
        verbose_name = _("visitor's interest")
        verbose_name_plural = _("visitors' interest")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["email", "state"], name="visitor_interest_email_idx")]

    def __str__(self):
        return f"{self.name} → {self.innovation}"


class VisitorReply(models.Model):
    """One message of the conversation with a visitor: from the team (``author``) or from
    the visitor (no author), relayed by email."""

    interest = models.ForeignKey(VisitorInterest, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    body = models.TextField(_("message"), max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reply to a visitor")
        verbose_name_plural = _("replies to visitors")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.interest} ({self.created_at:%Y-%m-%d})"


class Adoption(models.Model):
    """The adoption ledger: who adopted the innovation where, with what adaptation."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, awaiting the team")
        CONFIRMED = "confirmed", _("Confirmed by the team")

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="adoptions")
    organisation_name = models.CharField(_("adopting organisation"), max_length=200)
    country = CountryField(_("country"))
    adopted_on = models.DateField(_("date"), null=True, blank=True)
    adaptation = models.TextField(_("adaptation"), max_length=2000, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PROPOSED)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["-adopted_on", "-created_at"]

    def __str__(self):
        return f"{self.organisation_name} ({self.country})"
