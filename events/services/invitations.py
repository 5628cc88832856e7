"""Invitations: how private workshops fill. Accepting registers the invitee."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.access import can_manage, is_host
from events.models import Event, Invitation, Status
from events.services._shared import notify_emailed, send_event_email
from events.services.registration import registration_cancel, registration_create
from members import contact
from network.notifications import email_preference, notify


@transaction.atomic
def invitation_create(*, event: Event, by, user) -> Invitation:
    """Invite a member (how private workshops fill). Inviting twice changes nothing."""
    if not can_manage(by, event):
        raise PermissionDenied
    if not user.is_member:
        raise ValidationError(_("Only approved members can be invited."))
    if is_host(user, event):
        raise ValidationError(_("%(name)s is already on the programme.") % {"name": user})
    if event.status == Status.CANCELLED or event.is_over():
        raise ValidationError(_("This event is over or cancelled."))
    invited = Invitation.objects.filter(event=event, user=user).first()
    if invited is not None:
        return invited
    contact.admit(sender=by, recipients=[user], kind="event_invitation")
    invitation, created = Invitation.objects.get_or_create(
        event=event, user=user, defaults={"invited_by": by}
    )
    if created and event.status == Status.PUBLISHED:
        tell_invited(invitation)
    return invitation


def tell_invited(invitation: Invitation) -> None:
    """The invitation's own email, at once (it waits for an answer), unless the member wants
    no email at all: then only the app tells them."""
    event, user = invitation.event, invitation.user
    message = gettext_lazy("You are invited to “%(title)s”.")
    params, url = {"title": event.title}, event.get_absolute_url()
    if email_preference(user, "event_invitation") == "never":
        notify(recipient=user, kind="event_invitation", message=message, params=params, url=url)
        return
    notify_emailed(user, kind="event_invitation", message=message, params=params, url=url)
    send_event_email(user, "event_invitation", event=event, context={"invitation": invitation})


@transaction.atomic
def invitation_respond(*, event: Event, user, accept: bool) -> Invitation:
    """Accepting registers the invitee (a seat, or the waitlist); declining gives it up."""
    invitation = Invitation.objects.select_for_update().filter(event=event, user=user).first()
    if invitation is None:
        raise PermissionDenied
    if accept:
        registration_create(event=event, user=user)
    else:
        registration_cancel(event=event, user=user)
    invitation.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return invitation
