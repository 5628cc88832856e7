"""Invitations to join: the signed link, sending it, and signing up through it.

The link is the sign-up page with a signed token (``?invitation=``), in the invitee's
language. The token names the invitation and its address and expires after
``INVITATION_DAYS``; the invitation itself works once and until its ``expires_at`` (renewed
when it is sent again). Opening the link fills in the sign-up form; the person still
confirms their address (allauth's mandatory verification), and signing up through a link
that still works makes them a member at once, approved by whoever invited them.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from members.models import Invitation, Organisation, User
from members.services import application_approve
from network.emails import send_email
from network.moderation import audit

SALT = "members.invitation"

# Why a link does not work (shown above the ordinary sign-up form).
EXPIRED = _(
    "This invitation has expired. Ask the person who invited you for a new one, or apply to "
    "join below."
)
USED = _("This invitation has been used already. Sign in if it was you, or apply to join below.")
INVALID = _(
    "This invitation link is not valid: check that it was copied whole, or apply to join below."
)


def invitation_lifetime() -> timedelta:
    return timedelta(days=settings.INVITATION_DAYS)


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps(
        {"invitation": invitation.pk, "email": invitation.email.lower()}, salt=SALT
    )


def invitation_url(invitation: Invitation) -> str:
    """The sign-up page in the invitee's language, with a new token."""
    with translation.override(invitation.language):
        path = reverse("account_signup")
    return f"{settings.SITE_URL}{path}?{urlencode({'invitation': invitation_token(invitation)})}"


def invitation_from_token(token: str) -> tuple[Invitation | None, str]:
    """The invitation ``token`` opens, or None and why not (expired, used, not valid)."""
    try:
        data = signing.loads(token, salt=SALT, max_age=invitation_lifetime())
    except signing.SignatureExpired:
        return None, EXPIRED
    except signing.BadSignature:
        return None, INVALID
    if not isinstance(data, dict):
        return None, INVALID
    invitation = (
        Invitation.objects.filter(pk=data.get("invitation"), email__iexact=data.get("email", ""))
        .select_related("organisation", "invited_by")
        .first()
    )
    if invitation is None:
        return None, INVALID
    if invitation.state == Invitation.State.ACCEPTED:
        return None, USED
    if invitation.state == Invitation.State.EXPIRED:
        return None, EXPIRED
    return invitation, ""


def signup_initial(invitation: Invitation) -> dict:
    """What the sign-up form shows filled in for ``invitation``."""
    initial = {"email": invitation.email, "display_name": invitation.name}
    organisation = invitation.organisation
    if organisation is not None:
        if Organisation.objects.listed().filter(pk=organisation.pk).exists():
            initial["organisation"] = organisation.pk
        else:
            initial["new_organisation_name"] = organisation.name
            initial["organisation_type"] = organisation.type
        if organisation.country:
            initial["country"] = str(organisation.country)
    return initial


# --- writes ----------------------------------------------------------------------------------
def invitation_send(*, invitation: Invitation) -> None:
    """Email ``invitation``'s link to the invitee in their language (once the transaction
    commits), valid from now for ``INVITATION_DAYS``."""
    now = timezone.now()
    invitation.sent_at = now
    invitation.expires_at = now + invitation_lifetime()
    invitation.save(update_fields=["sent_at", "expires_at"])
    send_email(
        to=[invitation.email],
        template="invitation",
        context={
            "invitation": invitation,
            "inviter": invitation.invited_by,
            "url": invitation_url(invitation),
            "days": settings.INVITATION_DAYS,
        },
        language=invitation.language,
    )


@transaction.atomic
def invitation_resend(*, invitation: Invitation, moderator: User) -> bool:
    """Send a new link (valid for ``INVITATION_DAYS`` again); False for one already used."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        return False
    audit(
        actor=moderator,
        action="invitation_resent",
        target=invitation,
        before={"expires_at": invitation.expires_at.isoformat()},
    )
    invitation_send(invitation=invitation)
    return True


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> bool:
    """``user`` signed up through ``invitation``'s link: the invitation is used up, and they
    are a member at once, approved by whoever invited them (audited, and welcomed by email,
    as any approval). False, changing nothing, if the invitation was used or expired in the
    meantime or is for another address."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != Invitation.State.OPEN or invitation.email.lower() != user.email.lower():
        return False
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    user.language = invitation.language
    user.save(update_fields=["language"])
    application_approve(user=user, moderator=invitation.invited_by)
    return True


# A membership application filled in from what someone already gave the network without an
# account (a guest's registration): their own link carries it, signed, for a month.
PREFILL_SALT = "members.signup-prefill"
PREFILL_FIELDS = ("display_name", "email", "new_organisation_name", "country")


def prefill_token(**fields) -> str:
    return signing.dumps({k: v for k, v in fields.items() if k in PREFILL_FIELDS and v},
                         salt=PREFILL_SALT)  # fmt: skip


def prefill_from_token(token: str) -> dict:
    try:
        data = signing.loads(token, salt=PREFILL_SALT, max_age=timedelta(days=30))
    except signing.BadSignature:
        return {}
    return (
        {k: str(v) for k, v in data.items() if k in PREFILL_FIELDS}
        if isinstance(data, dict)
        else {}
    )
