"""Issuing, revoking, suspending and reinstating credentials; a member's choice to show one."""

import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from credentials.conditions import due
from credentials.models import Achievement, Credential
from credentials.signing import credential_document, sign_document
from members.models import User
from network.moderation import audit
from network.notifications import notify

NOTIFICATION_KIND = "credential_issued"


def _sign(credential: Credential) -> None:
    credential.jwt, credential.key_id = sign_document(credential_document(credential))
    credential.save(update_fields=["jwt", "key_id"])


def credential_issue(
    *,
    member,
    achievement: Achievement,
    occasion: str,
    label: str = "",
    by=None,
    reason: str = "",
    quiet: bool = False,
) -> tuple[Credential, bool]:
    """(credential, created): one per member, achievement and occasion, whatever the retries
    or concurrent runs (the unique constraint decides; the loser reads the winner's row)."""
    existing = Credential.objects.filter(
        member=member, achievement=achievement, occasion=occasion
    ).first()
    if existing is not None:
        return existing, False
    now = timezone.now()
    try:
        with transaction.atomic():
            credential = Credential.objects.create(
                member=member,
                achievement=achievement,
                occasion=occasion,
                occasion_label=label[:300],
                recipient_name=str(member)[:200],
                language=member.language or "en",
                issued_at=now,
                valid_until=now + timedelta(days=achievement.valid_days)
                if achievement.valid_days
                else None,
                issued_by=by,
                reason=reason,
            )
            _sign(credential)
            if by is not None:
                audit(actor=by, action="credential_issue", target=credential, reason=reason)
            if not quiet:
                notify(
                    recipient=member,
                    kind=NOTIFICATION_KIND,
                    message=_(
                        "You have a new credential: %(name)s. Download it or add it to your profile."
                    ),
                    params={"name": achievement.name},
                    url=credential.get_absolute_url(),
                )
    except IntegrityError:
        return Credential.objects.get(
            member=member, achievement=achievement, occasion=occasion
        ), False
    return credential, True


def credential_issue_manually(*, member, achievement: Achievement, by, reason: str) -> Credential:
    """Staff issue a credential with a reason (audited): an occasion of its own."""
    credential, _created = credential_issue(
        member=member,
        achievement=achievement,
        occasion=f"manual:{uuid.uuid4().hex}",
        by=by,
        reason=reason,
    )
    return credential


def issue_due(*, kind: str | None = None, ids=None, quiet: bool = False) -> int:
    """Issue every credential whose condition holds (for one kind's objects ``ids``, or all):
    the number issued now."""
    issued = 0
    achievements = Achievement.objects.automatic()
    if kind:
        achievements = achievements.filter(kind=kind)
    for achievement in achievements:
        have = set(
            Credential.objects.filter(achievement=achievement).values_list("member_id", "occasion")
        )
        wanted = [o for o in due(achievement, ids) if (o.member_id, o.occasion) not in have]
        members = User.objects.in_bulk({o.member_id for o in wanted})
        for occasion in wanted:
            member = members.get(occasion.member_id)
            if member is None or not member.is_active:
                continue
            _credential, created = credential_issue(
                member=member,
                achievement=achievement,
                occasion=occasion.occasion,
                label=occasion.label,
                quiet=quiet,
            )
            issued += created
            have.add((occasion.member_id, occasion.occasion))
    return issued


@transaction.atomic
def credential_revoke(*, credential: Credential, by, reason: str) -> Credential:
    credential = Credential.objects.select_for_update().get(pk=credential.pk)
    if credential.revoked_at is None:
        credential.revoked_at = timezone.now()
        credential.status_reason = reason
        credential.save(update_fields=["revoked_at", "status_reason"])
        audit(actor=by, action="credential_revoke", target=credential, reason=reason)
    return credential


@transaction.atomic
def credential_suspend(*, credential: Credential, by, reason: str) -> Credential:
    credential = Credential.objects.select_for_update().get(pk=credential.pk)
    if credential.suspended_at is None and credential.revoked_at is None:
        credential.suspended_at = timezone.now()
        credential.status_reason = reason
        credential.save(update_fields=["suspended_at", "status_reason"])
        audit(actor=by, action="credential_suspend", target=credential, reason=reason)
    return credential


@transaction.atomic
def credential_reinstate(*, credential: Credential, by, reason: str) -> Credential:
    """Lift a suspension (a revocation is final: re-issue instead)."""
    credential = Credential.objects.select_for_update().get(pk=credential.pk)
    if credential.suspended_at is not None:
        credential.suspended_at = None
        credential.status_reason = reason
        credential.save(update_fields=["suspended_at", "status_reason"])
        audit(actor=by, action="credential_reinstate", target=credential, reason=reason)
    return credential


@transaction.atomic
def credential_reissue(*, credential: Credential, by, reason: str) -> Credential:
    """Revoke ``credential`` and issue a fresh one for the same achievement and member (say,
    after a change of name or of the achievement's wording)."""
    credential_revoke(credential=credential, by=by, reason=reason)
    new, _created = credential_issue(
        member=credential.member,
        achievement=credential.achievement,
        occasion=f"reissue:{credential.public_id.hex}",
        label=credential.occasion_label,
        by=by,
        reason=reason,
    )
    return new


def credential_show(*, credential: Credential, member, shown: bool) -> Credential:
    if credential.member_id != member.pk:
        raise PermissionError("only the holder decides")
    credential.shown_on_profile = shown
    credential.save(update_fields=["shown_on_profile"])
    return credential
