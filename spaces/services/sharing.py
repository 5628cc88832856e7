"""What a space shares: files, its members' innovations, and sessions its members propose."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import Event, EventHost
from events.models import Visibility as EventVisibility
from events.services.hosting import event_save
from events.services.invitations import invitation_create
from innovations.models import Innovation
from members.models import User
from network.moderation import audit
from network.notifications import notify
from spaces.access import can_moderate, can_post, membership_of
from spaces.models import (
    Membership,
    SessionProposal,
    SharedFile,
    SharedInnovation,
    Space,
    Visibility,
)
from spaces.services.membership import space_moderators


@transaction.atomic
def file_share(*, space: Space, by: User, title: str, checked) -> SharedFile:
    """A checked document (resources.uploads.check_document) shared in the space."""
    if not can_post(by, space, membership_of(space, by)):
        raise PermissionDenied
    shared = SharedFile(
        space=space,
        uploaded_by=by,
        title=title.strip()[:160] or checked.original_name,
        original_filename=checked.original_name,
        file_size=checked.size,
        content_type=checked.content_type,
    )
    shared.file.save("upload", checked.upload, save=False)
    shared.save()
    return shared


@transaction.atomic
def file_remove(*, shared: SharedFile, by: User) -> None:
    if shared.uploaded_by_id != by.pk and not can_moderate(by, shared.space):
        raise PermissionDenied
    shared.file.delete(save=False)
    shared.delete()


def linkable_innovations(user: User):
    """The published innovations a member may link to a space: those they own or work on."""
    return Innovation.objects.visible_to(user).published().of_team(user)


@transaction.atomic
def innovation_link(*, space: Space, by: User, innovation: Innovation) -> SharedInnovation:
    if not can_post(by, space, membership_of(space, by)):
        raise PermissionDenied
    if not linkable_innovations(by).filter(pk=innovation.pk).exists():
        raise PermissionDenied
    link, _created = SharedInnovation.objects.get_or_create(
        space=space, innovation=innovation, defaults={"linked_by": by}
    )
    return link


@transaction.atomic
def proposal_create(*, space: Space, proposer: User, **fields) -> SessionProposal:
    if not can_post(proposer, space, membership_of(space, proposer)):
        raise PermissionDenied
    proposal = SessionProposal.objects.create(space=space, proposer=proposer, **fields)
    for moderator in space_moderators(space):
        if moderator.pk == proposer.pk:
            continue
        notify(
            recipient=moderator,
            kind="space_membership",
            message=gettext_lazy("%(name)s proposes a session in “%(space)s”: %(topic)s"),
            params={"name": str(proposer), "space": space.title, "topic": proposal.topic},
            url=reverse("spaces:manage", kwargs={"slug": space.slug}),
        )
    return proposal


EVENT_VISIBILITY = {
    Visibility.PUBLIC: EventVisibility.PUBLIC,
    Visibility.MEMBERS: EventVisibility.MEMBERS,
    Visibility.PRIVATE: EventVisibility.PRIVATE,
}


@transaction.atomic
def proposal_decide(
    *, proposal: SessionProposal, by: User, accept: bool, note: str = ""
) -> SessionProposal:
    """A space moderator (or staff) accepts a proposed session, which creates a draft event
    in the space with the proposer as host (staff publish it), or declines it with a note.
    In a private space the event is private too, and the space's members are invited (the
    invitations go out when it is published)."""
    space = proposal.space
    if not can_moderate(by, space):
        raise PermissionDenied
    proposal = SessionProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != SessionProposal.Status.PROPOSED:
        raise ValidationError(_("This proposal has already been answered."))
    proposal.decided_by, proposal.decided_at, proposal.note = by, timezone.now(), note[:500]
    if accept:
        event = event_save(
            event=Event(
                type=proposal.format,
                title=proposal.topic[:200],
                summary=_("Proposed in the space “%(space)s”.") % {"space": space.title},
                description=proposal.description,
                written_in=proposal.language,
                starts_at=proposal.preferred_start,
                ends_at=proposal.preferred_start + timedelta(minutes=proposal.duration_minutes),
                timezone=proposal.timezone,
                visibility=EVENT_VISIBILITY[space.visibility],
                region=space.region,
            ),
            by=by,
        )
        EventHost.objects.create(event=event, user=proposal.proposer, role=EventHost.Role.HOST)
        space.events.add(event)
        if space.is_private:
            for membership in (
                Membership.objects.active().filter(space=space).select_related("user")
            ):
                if membership.user_id != proposal.proposer_id:
                    try:
                        # From the host, through the contact gate like any invitation.
                        invitation_create(event=event, by=proposal.proposer, user=membership.user)
                    except ValidationError:
                        continue
        proposal.event, proposal.status = event, SessionProposal.Status.ACCEPTED
        message = gettext_lazy(
            "Your proposed session “%(topic)s” was accepted: it is now a draft event you host."
        )
    else:
        proposal.status = SessionProposal.Status.DECLINED
        message = gettext_lazy("Your proposed session “%(topic)s” was declined.")
    proposal.save()
    notify(
        recipient=proposal.proposer,
        kind="space_membership",
        message=message,
        params={"topic": proposal.topic},
        url=space.get_absolute_url(),
    )
    audit(actor=by, action="proposal_accepted" if accept else "proposal_declined",
          target=proposal, reason=note)  # fmt: skip
    return proposal
