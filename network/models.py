"""The shared base: notifications (one model, one service for every app), and moderation
records (reports and the audit log) that point at any content through content types."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=60)
    message = models.CharField(_("message"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # Set when the notification went out by email (immediately or in a digest): each goes
    # into exactly one email.
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self):
        return self.message


class Report(models.Model):
    """A member's report of content or a profile. Reporters stay anonymous to the reported."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        HARASSMENT = "harassment", _("Harassment")
        MISINFORMATION = "misinformation", _("Misinformation")
        INAPPROPRIATE = "inappropriate", _("Inappropriate")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        DISMISSED = "dismissed", _("Dismissed: nothing wrong")
        REMOVED = "removed", _("Content removed")
        WARNED = "warned", _("Author warned")
        SUSPENDED = "suspended", _("Author suspended")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    target_repr = models.CharField(_("reported"), max_length=200)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_made"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True, db_index=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome, blank=True)
    resolution_note = models.TextField(_("note to the author"), blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="report_target_idx")]
        constraints = [
            # One open report per member and item: reporting again does not add weight.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="report_one_open_per_reporter",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()}: {self.target_repr}"


class AuditEntry(models.Model):
    """Every moderation decision: who, what, when, why, before and after. Never edited."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=60)
    content_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200)
    reason = models.TextField(_("reason"), blank=True)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class Delivery(models.Model):
    """One email to one member for one reason: the unique key makes a retry, a second run or
    two concurrent runs send nothing twice. ``key`` is a notification id or a period."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(_("kind"), max_length=20)
    key = models.CharField(_("key"), max_length=40)
    claim = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    skipped = models.BooleanField(_("nothing to send"), default=False)

    class Meta:
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "kind", "key"], name="delivery_unique")
        ]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.recipient_id}"


class PendingTask(models.Model):
    """A task that could not be queued because the broker was away. Nothing is lost: the
    beat's ``replay_pending_tasks`` queues it once the broker is back (every task is
    idempotent, so a replay after a partial failure is safe)."""

    name = models.CharField(_("task"), max_length=200)
    kwargs = models.JSONField(_("arguments"), default=dict)
    error = models.CharField(_("error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("task waiting for the broker")
        verbose_name_plural = _("tasks waiting for the broker")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.name


class FollowedTopic(models.Model):
    """A theme, tag, organisation or member someone follows: it feeds their dashboard and
    weekly digest. ``value`` is the theme slug, tag name, organisation slug or username."""

    class Kind(models.TextChoices):
        THEME = "theme", _("Theme")
        TAG = "tag", _("Tag")
        ORGANISATION = "organisation", _("Organisation")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_topics"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    value = models.CharField(_("what"), max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed topic")
        verbose_name_plural = _("followed topics")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "value"], name="followed_topic_unique")
        ]

    def __str__(self):
        return f"{self.kind}:{self.value}"


class MonthlyCount(models.Model):
    """A month's count of one series of the insight dashboard (network.insights.rollup):
    recounted each night, so that charts over years read a few rows at any size. ``region``
    is an ILO region, or "" for everywhere; ``dimension`` what the count is of, or "" for
    all."""

    metric = models.CharField(max_length=80)
    month = models.DateField()
    region = models.CharField(max_length=40, blank=True)
    # The value a figure breaks down by (a stage, a theme, a country), or "" for the total.
    dimension = models.CharField(max_length=80, blank=True)
    value = models.PositiveIntegerField(default=0)
    counted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("monthly count")
        verbose_name_plural = _("monthly counts")
        constraints = [
            models.UniqueConstraint(
                fields=["metric", "month", "region", "dimension"], name="monthly_count_unique"
            )
        ]
        # The staff permission to see the insight dashboard (and its exports).
        permissions = [("view_insights", _("Can see the insight dashboard"))]

    def __str__(self):
        return f"{self.metric} {self.month:%Y-%m} {self.region}: {self.value}"
