"""Every way one member reaches another passes the one contact gate (members.contact): a block
either way refuses it, a kind the recipient switched off reaches nobody, a recipient who
unsubscribed from email gets none, and each sender is limited per day and per recipient."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from events.services.invitations import invitation_create
from innovations import services as innovations
from innovations.models import TeamMember
from members.contact import KINDS, ContactRefused
from members.models import Block, Contact
from members.services import message_send
from mentoring.services.requests import request_create
from spaces.models import Reply
from spaces.services.discussions import reply_create
from spaces.services.membership import invite
from tests.factories import (
    EventFactory,
    InnovationFactory,
    MentorProfileFactory,
    SpaceFactory,
    SpaceMemberFactory,
    ThreadFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _message(sender, recipient):
    message_send(sender=sender, recipient=recipient, subject="Hello", body="A question.")


def _interest(sender, recipient):
    innovation = InnovationFactory(owner=recipient)
    innovations.interest_express(
        innovation=innovation, user=sender, purpose="support", message="We could fund it."
    )


def _adoption(sender, recipient):
    innovation = InnovationFactory(owner=recipient)
    innovations.adoption_record(
        innovation=innovation, by=sender, organisation_name="Volta TVET", country="GH"
    )


def _comment(sender, recipient):
    innovation = InnovationFactory(owner=recipient)
    innovations.comment_create(innovation=innovation, author=sender, body="Useful!")


def _team(sender, recipient):
    innovation = InnovationFactory(owner=sender)
    innovations.team_add(innovation=innovation, by=sender, member=recipient)
    assert TeamMember.objects.filter(innovation=innovation, user=recipient).exists()


def _invitation(sender, recipient):
    event = EventFactory(
        visibility="private", starts_at=timezone.now() + timezone.timedelta(days=7)
    )
    event.hosts.create(user=sender)
    invitation_create(event=event, by=sender, user=recipient)


def _mentoring(sender, recipient):
    mentor = MentorProfileFactory(user=recipient)
    request_create(
        mentee=sender, mentor=mentor, goals="Set up apprenticeships.", topics=[],
        duration_months=3, language="en",
    )  # fmt: skip


def _space_invitation(sender, recipient):
    space = SpaceFactory(visibility="private", entry="invitation")
    SpaceMemberFactory(space=space, user=sender, role="moderator")
    invite(space=space, by=sender, user=recipient)


def _space_mention(sender, recipient):
    """A mention is never refused: the reply goes up, and only the person named may not hear."""
    thread = ThreadFactory()
    SpaceMemberFactory(space=thread.space, user=sender)
    SpaceMemberFactory(space=thread.space, user=recipient, following="mentions")
    reply_create(
        thread=thread, author=sender, body=f"What do you think, @{recipient.username}?",
        language="en",
    )  # fmt: skip
    assert Reply.objects.filter(thread=thread, author=sender).exists()


PATHS = {
    "member_message": _message,
    "innovation_interest": _interest,
    "innovation_adoption": _adoption,
    "innovation_comment": _comment,
    "innovation_team": _team,
    "event_invitation": _invitation,
    "mentoring": _mentoring,
    "space_invitation": _space_invitation,
}
# Paths that go on whatever the gate says; the person it refuses is simply not told.
QUIET = {"space_mention": _space_mention}


def test_every_contact_kind_has_a_path_here():
    assert set(PATHS) | set(QUIET) == set(KINDS)


@pytest.mark.parametrize("kind", PATHS)
@pytest.mark.parametrize("who_blocked", ["recipient", "sender"])
def test_a_block_either_way_refuses_every_path(kind, who_blocked):
    sender, recipient = UserFactory(), UserFactory()
    blocker, blocked = (recipient, sender) if who_blocked == "recipient" else (sender, recipient)
    Block.objects.create(blocker=blocker, blocked=blocked)
    with pytest.raises(ValidationError) as refused:
        PATHS[kind](sender, recipient)
    expected = "You blocked this member" if who_blocked == "sender" else "does not accept contact"
    assert expected in str(refused.value)
    assert not Contact.objects.exists()
    assert not recipient.notifications.exists()


@pytest.mark.parametrize("kind", [name for name, kind in KINDS.items() if kind.mutable])
def test_a_kind_the_recipient_switched_off_reaches_them_not(kind):
    sender, recipient = UserFactory(), UserFactory()
    recipient.profile.muted_kinds = [kind]
    recipient.profile.save()
    if kind in QUIET:
        QUIET[kind](sender, recipient)
    elif KINDS[kind].direct:
        with pytest.raises(ContactRefused, match="does not accept"):
            PATHS[kind](sender, recipient)
    else:  # the contact goes to the team; this member is not told
        PATHS[kind](sender, recipient)
    assert not recipient.notifications.exists()


@pytest.mark.parametrize("kind", PATHS | QUIET)
def test_a_recipient_who_unsubscribed_gets_no_email(kind, django_capture_on_commit_callbacks):
    sender, recipient = UserFactory(), UserFactory()
    recipient.profile.delivery = "never"  # what the one-click unsubscribe sets
    recipient.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        (PATHS | QUIET)[kind](sender, recipient)
    assert [message for message in mail.outbox if recipient.email in message.to] == [], kind
    assert recipient.notifications.exists()  # still in the app


@pytest.mark.parametrize("kind", PATHS)
def test_each_sender_is_limited_per_recipient_a_day(kind):
    sender, recipient = UserFactory(), UserFactory()
    limit = KINDS[kind].per_recipient
    Contact.objects.bulk_create(
        [Contact(sender=sender, recipient=recipient, kind=kind, action=f"{index:032x}")
         for index in range(limit)]
    )  # fmt: skip
    with pytest.raises(ContactRefused, match="times today"):
        PATHS[kind](sender, recipient)


@pytest.mark.parametrize("kind", PATHS)
def test_each_sender_is_limited_per_day(kind):
    sender, recipient = UserFactory(), UserFactory()
    others = UserFactory.create_batch(2)
    Contact.objects.bulk_create(
        [Contact(sender=sender, recipient=others[index % 2], kind=kind, action=f"{index:032x}")
         for index in range(KINDS[kind].daily)]
    )  # fmt: skip
    with pytest.raises(ContactRefused, match="a day"):
        PATHS[kind](sender, recipient)


def _limit_reached(sender, recipient, kind, *, per_recipient):
    if per_recipient:
        counts = [(recipient, KINDS[kind].per_recipient)]
    else:
        counts = [(UserFactory(), KINDS[kind].daily)]
    Contact.objects.bulk_create(
        [Contact(sender=sender, recipient=person, kind=kind, action=f"{index:032x}")
         for person, limit in counts for index in range(limit)]
    )  # fmt: skip


@pytest.mark.parametrize("kind", QUIET)
@pytest.mark.parametrize(
    "refused_because", ["recipient blocked", "sender blocked", "per recipient", "per day"]
)
def test_a_quiet_path_goes_on_and_tells_nobody_the_gate_refuses(kind, refused_because):
    sender, recipient = UserFactory(), UserFactory()
    if refused_because == "recipient blocked":
        Block.objects.create(blocker=recipient, blocked=sender)
    elif refused_because == "sender blocked":
        Block.objects.create(blocker=sender, blocked=recipient)
    else:
        _limit_reached(sender, recipient, kind, per_recipient=refused_because == "per recipient")
    before = Contact.objects.count()
    QUIET[kind](sender, recipient)
    assert Contact.objects.count() == before
    assert not recipient.notifications.exists()


@pytest.mark.parametrize("kind", QUIET)
def test_a_quiet_path_reaches_whoever_the_gate_admits(kind):
    sender, recipient = UserFactory(), UserFactory()
    QUIET[kind](sender, recipient)
    assert Contact.objects.filter(sender=sender, recipient=recipient, kind=kind).count() == 1
    assert recipient.notifications.filter(kind=kind).count() == 1
