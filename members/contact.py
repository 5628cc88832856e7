"""One gate for every member-to-member contact (DESIGN §4).

A message, an expression of interest, an adoption proposal, an invitation, being added to a
team, a mentoring request, a comment to a team, a mention: every path by which one member
reaches another asks ``admit`` first, which enforces, in one place:

- blocks, both ways (``Block.objects.between_any``): neither reaches the other;
- the recipient's choice: a kind they switched off (``Profile.muted_kinds``) reaches nobody
  who switched it off, and a contact meant for one person who did is refused;
- per-sender limits, per day and per recipient per day, counted on ``Contact`` rows under a
  lock of the sender's row, so that simultaneous contacts count each other.

Refusals are ``ContactRefused`` (a ValidationError) with a message the sender can read.
What the recipient is then told follows their delivery preference (``tell``). Nobody's
address is ever shown: replies are written on the site.
"""

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.models import Block, Contact, User
from network.notifications import email_preference, notify, notify_by_email


class ContactRefused(ValidationError):
    """The gate said no; the message says why, to the sender."""


@dataclass(frozen=True)
class Kind:
    """A way of reaching another member. ``name`` is also the notification kind a member may
    switch off, when ``mutable``; ``direct`` contacts are meant for the recipient alone (a
    team's members are told of a comment, but a message has one reader)."""

    name: str
    what: object  # how the refusal names it ("messages")
    daily: int
    per_recipient: int
    mutable: bool = True
    direct: bool = True


KINDS = {
    kind.name: kind
    for kind in (
        Kind("member_message", gettext_lazy("messages"), daily=10, per_recipient=3),
        Kind("innovation_interest", gettext_lazy("expressions of interest"), daily=10,
             per_recipient=3, direct=False),
        Kind("innovation_adoption", gettext_lazy("adoption reports"), daily=10,
             per_recipient=3, direct=False),
        Kind("innovation_comment", gettext_lazy("comments"), daily=30, per_recipient=10,
             direct=False),
        Kind("innovation_team", gettext_lazy("team invitations"), daily=30, per_recipient=3),
        Kind("event_invitation", gettext_lazy("invitations"), daily=200, per_recipient=3,
             mutable=False),
        Kind("space_invitation", gettext_lazy("invitations to a space"), daily=100,
             per_recipient=3, mutable=False),
        Kind("space_mention", gettext_lazy("mentions"), daily=50, per_recipient=10),
        # Mentors take requests or not by their availability, not by muting emails.
        Kind("mentoring", gettext_lazy("mentoring requests"), daily=10, per_recipient=2,
             mutable=False),
    )
}  # fmt: skip


def refusal(sender, people, *, group: bool = False) -> str | None:
    """Why ``sender`` may not reach ``people`` because of a block, or None."""
    block = Block.objects.between_any(sender, people).first()
    if block is None:
        return None
    if block.blocker_id == sender.pk:
        return _("You blocked this member. Unblock them first to contact them.")
    if group:
        return _("A member of this team does not accept contact from you.")
    return _("This member does not accept contact from you.")


@transaction.atomic
def admit(*, sender, recipients, kind: str) -> list[User]:
    """Let ``sender`` reach ``recipients`` (a member or several) with a contact of ``kind``,
    or raise ContactRefused. Returns the recipients to tell: those who did not switch the
    kind off. Records the contact, so that it counts towards the sender's limits."""
    kind = KINDS[kind]
    if not (sender.is_authenticated and sender.is_member):
        raise PermissionDenied
    people = [person for person in recipients if person.pk != sender.pk and person.is_active]
    if not people:
        raise ContactRefused(_("There is nobody to contact here."))
    reason = refusal(sender, people, group=not kind.direct)
    if reason:
        raise ContactRefused(reason)
    if kind.mutable:
        told = [p for p in people if kind.name not in (p.profile.muted_kinds or [])]
        if kind.direct and not told:
            raise ContactRefused(
                _("This member does not accept %(what)s at the moment.") % {"what": kind.what}
            )
    else:
        told = people
    # Lock the sender's row so that two contacts at once cannot both pass the limits.
    User.objects.select_for_update().filter(pk=sender.pk).first()
    since = timezone.now() - timedelta(days=1)
    sent = Contact.objects.filter(sender=sender, kind=kind.name, created_at__gte=since)
    # One contact to a team is one of the sender's contacts, and one to each member.
    if sent.values("action").distinct().count() >= kind.daily:
        raise ContactRefused(
            _("You can send at most %(limit)s %(what)s a day. Please try again tomorrow.")
            % {"limit": kind.daily, "what": kind.what}
        )
    busiest = (
        sent.filter(recipient__in=people)
        .values("recipient")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("n", flat=True)
        .first()
    )
    if (busiest or 0) >= kind.per_recipient:
        raise ContactRefused(
            _("You have reached this member %(limit)s times today with %(what)s; please wait "
              "until tomorrow.") % {"limit": kind.per_recipient, "what": kind.what}
        )  # fmt: skip
    action = uuid.uuid4()
    Contact.objects.bulk_create(
        [Contact(sender=sender, recipient=p, kind=kind.name, action=action) for p in people]
    )
    return told


def tell(
    recipient, *, kind: str, message, params=None, url="", template="", context=None,
    at_once=False,
):  # fmt: skip
    """Tell ``recipient`` of a contact as they chose: its own email at once (``template``)
    for those who want emails immediately, otherwise an in-app notification that their
    daily or weekly digest carries (or nothing by email, for "never"). ``at_once``: a contact
    that waits for an answer within days (a mentoring request) is emailed at once to all but
    those who want no email."""
    preference = email_preference(recipient, kind)
    if template and (preference == "immediate" or (at_once and preference != "never")):
        notify_by_email(
            recipient, kind=kind, message=message, params=params, url=url,
            template=template, context=context or {},
        )  # fmt: skip
    else:
        notify(recipient=recipient, kind=kind, message=message, params=params, url=url)
