"""What a space shares and plans: its own files, the innovations its members link to it, and
the sessions they propose."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import EventType
from network.taxonomy import Language
from spaces.models.spaces import Space


def shared_file_path(instance, filename):
    """A random name, outside anything served directly: the file is reached only through the
    checked download view, with the space's visibility."""
    return f"private/spaces/{uuid.uuid4().hex}"


class SharedFile(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="files")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=160)
    file = models.FileField(_("file"), upload_to=shared_file_path, max_length=200)
    original_filename = models.CharField(_("original file name"), max_length=120)
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"))
    content_type = models.CharField(_("content type"), max_length=120)
    created_at = models.DateTimeField(_("shared"), auto_now_add=True)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)

    class Meta:
        verbose_name = _("shared file")
        verbose_name_plural = _("shared files")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("spaces:file", kwargs={"slug": self.space.slug, "pk": self.pk})


class SharedInnovation(models.Model):
    """An innovation a member of the space links to it ("we are working on this")."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="linked_innovations")
    innovation = models.ForeignKey(
        "innovations.Innovation", on_delete=models.CASCADE, related_name="+"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("linked"), auto_now_add=True)

    class Meta:
        verbose_name = _("linked innovation")
        verbose_name_plural = _("linked innovations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["space", "innovation"], name="space_innovation_unique")
        ]

    def __str__(self):
        return f"{self.innovation_id} in {self.space_id}"


class SessionProposal(models.Model):
    """A session a member of the space proposes; accepting it makes a draft event."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="proposals")
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    topic = models.CharField(_("topic"), max_length=200)
    description = models.TextField(
        _("what it would cover"), max_length=3000, blank=True, help_text=_("Markdown.")
    )
    format = models.CharField(
        _("format"), max_length=12, choices=EventType, default=EventType.SESSION
    )
    preferred_start = models.DateTimeField(_("preferred date and time"))
    other_dates = models.CharField(_("other dates that would suit"), max_length=300, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"), default=60)
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC")
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PROPOSED)
    event = models.OneToOneField(
        "events.Event", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    note = models.CharField(_("note to the proposer"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        verbose_name = _("proposed session")
        verbose_name_plural = _("proposed sessions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.topic
