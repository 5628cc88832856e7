"""Between members: messages relayed by the site, contacts made, and blocks."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models.people import User


class Message(models.Model):
    """A message sent through the platform; logged, and emailed without exposing addresses."""

    sender = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sent_messages")
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="received_messages")
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class Contact(models.Model):
    """One member reaching another through the contact gate (members.contact): the record the
    per-sender limits are counted on. A contact to a team is one ``action`` with a row per
    member told."""

    sender = models.ForeignKey(User, on_delete=models.CASCADE, related_name="contacts_made")
    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=40)
    action = models.UUIDField(editable=False)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [
            models.Index(fields=["sender", "kind", "created_at"], name="contact_sender_idx"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.sender_id} → {self.recipient_id}"


class BlockQuerySet(models.QuerySet):
    """A block keeps two members apart both ways: neither contacts, asks, invites, mentions or
    is matched with the other. Every place that needs the rule asks here."""

    def between(self, first, second):
        """Blocks between ``first`` and ``second``, in either direction (users, ids or
        ``OuterRef`` expressions)."""
        return self.filter(Q(blocker=first, blocked=second) | Q(blocker=second, blocked=first))

    def between_any(self, person, people):
        """Blocks between ``person`` and any of ``people``, in either direction."""
        return self.filter(
            Q(blocker=person, blocked__in=people) | Q(blocker__in=people, blocked=person)
        )

    def among(self, people) -> set[tuple[int, int]]:
        """The pairs of ids among ``people`` (ids) kept apart by a block, both orders."""
        pairs = set()
        for blocker, blocked in self.filter(blocker__in=people, blocked__in=people).values_list(
            "blocker_id", "blocked_id"
        ):
            pairs |= {(blocker, blocked), (blocked, blocker)}
        return pairs


class Block(models.Model):
    """``blocker`` and ``blocked`` are kept apart (``BlockQuerySet.between``)."""

    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocked_by")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_unique")]

    def __str__(self):
        return f"{self.blocker} blocks {self.blocked}"
