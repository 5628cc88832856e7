import pytest

from events.models import Invitation
from tests.factories import (
    ApplicantFactory,
    EventFactory,
    EventHostFactory,
    InvitationFactory,
    RegistrationFactory,
    StaffFactory,
    UserFactory,
)

ROLES = [
    "visitor", "applicant", "member", "confirmed", "waitlisted", "host", "invitee", "moderator",
]  # fmt: skip
LINK = "https://meet.example.org/secret-room"


@pytest.fixture
def roles(db):
    """Every role a visibility test walks: a viewer (or None) per name."""
    return {
        "visitor": None,
        "applicant": ApplicantFactory(),
        "member": UserFactory(display_name="Mo Member"),
        "confirmed": UserFactory(display_name="Cora Confirmed"),
        "waitlisted": UserFactory(display_name="Wes Waitlisted"),
        "host": UserFactory(display_name="Hana Host"),
        "invitee": UserFactory(display_name="Ivo Invitee"),
        "moderator": StaffFactory(display_name="Mia Moderator"),
    }


def as_role(client, roles, role):
    client.logout()
    if roles[role] is not None:
        client.force_login(roles[role])
    return client


@pytest.fixture
def world(roles):
    """A public, a members-only and a private workshop (one seat each: "confirmed" holds it,
    "waitlisted" waits), and a draft; "host" hosts all four; "invitee" is invited to the
    private one and has not answered."""
    events = {
        "public": EventFactory(title="Public event zq", slug="public-event", capacity=1),
        "members": EventFactory(
            title="Members event zq", slug="members-event", visibility="members", capacity=1
        ),
        "private": EventFactory(
            title="Private workshop zq", slug="private-workshop", type="workshop",
            visibility="private", capacity=1,
        ),
        "draft": EventFactory(
            title="Draft event zq", slug="draft-event", status="draft", published_at=None
        ),
    }  # fmt: skip
    for event in events.values():
        EventHostFactory(event=event, user=roles["host"])
    for name in ("public", "members", "private"):
        event = events[name]
        if name == "private":
            for role in ("confirmed", "waitlisted"):
                InvitationFactory(event=event, user=roles[role], status=Invitation.Status.ACCEPTED)
            InvitationFactory(event=event, user=roles["invitee"])
        RegistrationFactory(event=event, user=roles["confirmed"])
        RegistrationFactory(
            event=event, user=roles["waitlisted"], status="waitlisted", confirmed_at=None
        )
    return events
