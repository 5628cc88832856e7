"""Reports, hiding after reports, resolutions, suspensions and the audit log.

The base layer knows no content app: each app declares the models members may report
(``network.content.Reportable``: how to find one the reporter may see, and its author).
"""

from datetime import timedelta

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from network.content import reportable_for
from network.models import AuditEntry, Report
from network.notifications import notify_by_email


def moderators() -> list:
    """Who hears of new applications, submissions and hidden content: the Moderators group,
    or the administrators while nobody is in it."""
    users = get_user_model().objects.filter(is_active=True).select_related("profile")
    return list(users.filter(is_staff=True, groups__name="Moderators").distinct()) or list(
        users.filter(is_superuser=True)
    )


def moderator_emails() -> list[str]:
    return [moderator.email for moderator in moderators()]


def hide_threshold() -> int:
    return getattr(settings, "REPORT_HIDE_THRESHOLD", 3)


def audit(*, actor, action: str, target=None, reason: str = "", before=None, after=None):
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=str(target.pk) if target is not None else "",
        object_repr=str(target)[:200] if target is not None else "",
        reason=reason,
        before=before or {},
        after=after or {},
    )


def record_review(target, *, status: str, note: str, moderator, published: str):
    """Store a moderator's review decision on ``target`` (an innovation or a resource): lock
    its row, log the decision in the audit log, set the status and the note for the authors,
    and the first publication time when ``status`` is ``published``. Returns the stored row,
    still locked for the caller's transaction, and whether anything changed: the same
    decision with the same note twice changes nothing and is told to nobody."""
    target = type(target)._default_manager.select_for_update().get(pk=target.pk)
    if target.status == status and target.review_note == note:
        return target, False
    audit(
        actor=moderator,
        action=f"{target._meta.model_name}_{status}",
        target=target,
        reason=note,
        before={"status": target.status},
        after={"status": status},
    )
    target.status = status
    target.review_note = note
    fields = ["status", "review_note", "updated_at"]
    if status == published and target.published_at is None:
        target.published_at = timezone.now()
        fields.append("published_at")
    target.save(update_fields=fields)
    return target, True


def open_reports(target):
    return Report.objects.filter(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        resolved_at__isnull=True,
    )


@transaction.atomic
def report_create(*, reporter, target, reason: str, note: str = "") -> Report:
    """Record a report. When enough distinct members report it, the content steps aside."""
    content_type = ContentType.objects.get_for_model(target)
    # Lock the reported row so that simultaneous reports count each other.
    type(target)._default_manager.select_for_update().filter(pk=target.pk).first()
    try:
        with transaction.atomic():
            report = Report.objects.create(
                content_type=content_type,
                object_id=target.pk,
                target_repr=str(target)[:200],
                reporter=reporter,
                reason=reason,
                note=note,
            )
    except IntegrityError:
        # This member already has an open report on it: a second one adds no weight.
        return open_reports(target).get(reporter=reporter)
    reporters = weighty_reporters(target)
    if reporters >= hide_threshold() and target.hidden_at is None:
        target.hidden_at = timezone.now()
        target.save(update_fields=["hidden_at"])
        audit(actor=None, action="hidden_after_reports", target=target,
              reason=_("%(count)s members reported it.") % {"count": reporters})  # fmt: skip
        # Moderators hear of it at once, in the app and by email, whatever their digest.
        for moderator in moderators():
            notify_by_email(
                moderator,
                kind="content_hidden",
                message=gettext_lazy("%(count)s members reported “%(target)s”: it is hidden."),
                params={"count": reporters, "target": str(target)[:80]},
                url="/admin/network/report/?resolved_at__isempty=1",
                template="content_hidden",
                context={"target": str(target), "count": reporters},
            )
    return report


def weighty_reporters(target) -> int:
    """How many distinct members with an open report on ``target`` count towards hiding it:
    those approved at least REPORT_TRUSTED_AFTER_DAYS ago."""
    since = timezone.now() - timedelta(days=settings.REPORT_TRUSTED_AFTER_DAYS)
    trusted = get_user_model().objects.approved_before(since)
    return open_reports(target).filter(reporter__in=trusted).values("reporter").distinct().count()


@transaction.atomic
def reports_resolve(*, target, moderator, outcome: str, note: str) -> int:
    """Resolve every open report on ``target`` with one decision, and tell the author."""
    reportable = reportable_for(target)
    author = reportable.author(target)
    before = {"hidden_at": target.hidden_at.isoformat() if target.hidden_at else None}
    if outcome in (Report.Outcome.DISMISSED, Report.Outcome.WARNED):
        target.hidden_at = None
    elif target.hidden_at is None:
        target.hidden_at = timezone.now()
    target.save(update_fields=["hidden_at"])
    count = open_reports(target).update(
        resolved_at=timezone.now(), resolved_by=moderator, outcome=outcome, resolution_note=note
    )
    if outcome == Report.Outcome.SUSPENDED and author is not None:
        user_suspend(user=author, moderator=moderator, reason=note)
    audit(
        actor=moderator,
        action=f"report_{outcome}",
        target=target,
        reason=note,
        before=before,
        after={"hidden_at": target.hidden_at.isoformat() if target.hidden_at else None},
    )
    if author is not None and outcome != Report.Outcome.DISMISSED:
        outcome_label = Report.Outcome(outcome).label
        notify_by_email(
            author,
            kind="report_resolved",
            message=gettext_lazy("A moderator reviewed reports about “%(target)s”: %(outcome)s."),
            params={"target": str(target)[:80], "outcome": outcome_label},
            template="report_resolved",
            context={"target": str(target), "outcome": outcome_label, "note": note},
        )
    return count


@transaction.atomic
def user_suspend(*, user, moderator, reason: str) -> None:
    """A suspended member cannot sign in and disappears everywhere, content included."""
    if user.is_staff and not moderator.is_superuser:
        raise PermissionError("Only administrators suspend staff.")
    before = {"is_active": user.is_active}
    user.is_active = False
    user.suspended_at = timezone.now()
    user.save(update_fields=["is_active", "suspended_at"])
    for session in UserSession.objects.filter(user=user):
        session.end()  # signed out everywhere, now
    audit(actor=moderator, action="user_suspended", target=user, reason=reason,
          before=before, after={"is_active": False})  # fmt: skip


@transaction.atomic
def user_unsuspend(*, user, moderator, reason: str = "") -> None:
    """Lift a suspension: the member and everything they shared come back as they were."""
    user.is_active = True
    user.suspended_at = None
    user.save(update_fields=["is_active", "suspended_at"])
    audit(actor=moderator, action="user_unsuspended", target=user, reason=reason,
          before={"is_active": False}, after={"is_active": True})  # fmt: skip
