"""Invitations to join: staff invite people (one by one or by importing a list); the link in
the email opens the sign-up form filled in, and whoever signs up through it is a member at
once, approved by whoever invited them (members.invitations)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models.organisations import Organisation
from members.models.people import User


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Not yet used, not yet expired: the link still works."""
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())

    def expired(self):
        return self.filter(accepted_at__isnull=True, expires_at__lte=timezone.now())

    def accepted(self):
        return self.filter(accepted_at__isnull=False)


class Invitation(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Open")
        ACCEPTED = "accepted", _("Accepted")
        EXPIRED = "expired", _("Expired")

    email = models.EmailField(_("email address"), max_length=254)
    name = models.CharField(_("name"), max_length=120)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Of the email, and of the site once they join."),
    )
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    sent_at = models.DateTimeField(_("last sent"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="join_invitations",
        verbose_name=_("member who joined"),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation to join")
        verbose_name_plural = _("invitations to join")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["email"], name="invitation_email_idx")]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def state(self) -> str:
        if self.accepted_at is not None:
            return self.State.ACCEPTED
        if self.expires_at is not None and self.expires_at <= timezone.now():
            return self.State.EXPIRED
        return self.State.OPEN

    def clean(self):
        """Nobody is invited who has an account already, nor twice at once: the one place
        both the admin's form and the import check it."""
        super().clean()
        if not self.email or self.accepted_at is not None:
            return
        if User.objects.filter(email__iexact=self.email).exists():
            raise ValidationError({"email": _("An account with this address exists already.")})
        others = Invitation.objects.open().filter(email__iexact=self.email)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError({"email": _("This address has an open invitation already.")})
