"""Discussions in a space: threads, replies, and the history of their edits."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.models import by_unsuspended
from network.taxonomy import Language
from spaces.models.spaces import Space


class ThreadQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Threads ``user`` may read: in a space they may read (SpaceQuerySet.readable_by),
        not hidden after reports nor by a suspended member (staff see all)."""
        spaces = Space.objects.readable_by(user)
        threads = self.filter(space__in=spaces)
        if user is not None and user.is_authenticated and user.is_staff:
            return threads
        return threads.filter(by_unsuspended("author"), hidden_at__isnull=True)

    def public(self):
        """Threads of public spaces anyone may read: for sitemaps and search engines."""
        return self.visible_to(None)


class Thread(models.Model):
    class Mode(models.TextChoices):
        DISCUSSION = "discussion", _("A discussion")
        QUESTION = "question", _("A question to the community")

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=160)
    body = models.TextField(_("message"), max_length=10000, help_text=_("Markdown."))
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH
    )
    mode = models.CharField(_("kind"), max_length=10, choices=Mode, default=Mode.DISCUSSION)
    answer = models.OneToOneField(
        "Reply", verbose_name=_("accepted answer"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    pinned_at = models.DateTimeField(_("pinned"), null=True, blank=True)
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True, db_index=True)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)
    # Kept current by a PostgreSQL trigger (title A, body B; accents folded).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["space", "-pinned_at", "-last_activity_at"], name="space_thread_order_idx"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("spaces:thread", kwargs={"slug": self.space.slug, "pk": self.pk})

    @property
    def is_question(self) -> bool:
        return self.mode == self.Mode.QUESTION


class ReplyQuerySet(models.QuerySet):
    def shown(self):
        """Replies not hidden after reports and not by a suspended member."""
        return self.filter(by_unsuspended("author"), hidden_at__isnull=True)

    def visible_to(self, user):
        replies = self.filter(thread__in=Thread.objects.visible_to(user))
        if user is not None and user.is_authenticated and user.is_staff:
            return replies
        return replies.shown()


class Reply(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("reply"), max_length=10000, help_text=_("Markdown."))
    language = models.CharField(
        _("language"), max_length=8, choices=Language, default=Language.ENGLISH
    )
    quoting = models.ForeignKey(
        "self", verbose_name=_("quoting"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden after reports"), null=True, blank=True)

    objects = ReplyQuerySet.as_manager()

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"], name="space_reply_order_idx")]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.thread.get_absolute_url()}?reply={self.pk}#reply-{self.pk}"


class Revision(models.Model):
    """What a thread or a reply said before an edit: visible to moderators."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    title = models.CharField(_("title"), max_length=160, blank=True)
    body = models.TextField(_("text before the edit"))
    saved_at = models.DateTimeField(_("replaced"), auto_now_add=True)

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["-saved_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(thread__isnull=False, reply__isnull=True)
                | Q(thread__isnull=True, reply__isnull=False),
                name="space_revision_of_one",
            )
        ]

    def __str__(self):
        return self.body[:60]
