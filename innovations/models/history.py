"""What happened to an innovation: its past and proposed states, and the stages it reached."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innovations.models.innovations import Innovation
from network.taxonomy import Stage


class RevisionQuerySet(models.QuerySet):
    def proposed(self):
        """Changes the team made to a published innovation, waiting for a moderator."""
        return self.filter(proposed=True, decided_at__isnull=True)


class StageChange(models.Model):
    """An innovation reached a stage of maturity (``after``) from another (``before``, "" for
    its first): written by ``Innovation.save``, read by the insight dashboard."""

    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="stage_changes"
    )
    before = models.CharField(max_length=12, choices=Stage, blank=True)
    after = models.CharField(max_length=12, choices=Stage)
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.innovation}: {self.before or '—'} → {self.after}"


class Revision(models.Model):
    """The state of a published innovation before an edit, for moderators to see or revert;
    or, ``proposed``, a change its team made to it, kept aside until a moderator publishes it
    (innovations.proposals): approved text cannot be swapped for something else unseen."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="revisions")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    proposed = models.BooleanField(_("proposed change"), default=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted = models.BooleanField(_("published"), null=True, blank=True)
    note = models.TextField(_("moderator's note"), blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One change waiting per innovation: a newer edit replaces the waiting one.
            models.UniqueConstraint(
                fields=["innovation"],
                condition=Q(proposed=True, decided_at__isnull=True),
                name="revision_one_open_proposal",
            )
        ]

    def __str__(self):
        return f"{self.innovation} @ {self.created_at:%Y-%m-%d %H:%M}"
