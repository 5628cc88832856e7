"""Event.objects.same_as_every_member: the members whose events may be shared with every
member's (counts, search matches) are exactly those who see what a plain member sees."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import (
    ApplicantFactory,
    EventFactory,
    EventHostFactory,
    InvitationFactory,
    RegistrationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def listed(user):
    return set(Event.objects.listed_for(user).values_list("pk", flat=True))


def test_a_member_shares_the_members_view_until_an_event_is_their_own():
    public, private = EventFactory(), EventFactory(visibility="private")
    EventFactory(visibility="members")
    plain = UserFactory()
    everyone = {
        "plain": plain,
        "registered to a public event": RegistrationFactory(event=public).user,
        "invited to a private event": InvitationFactory(event=private).user,
        "registered to a private event": RegistrationFactory(event=private).user,
        "hosting a private event": EventHostFactory(event=EventFactory(visibility="private")).user,
        "with a private event of their own": EventFactory(
            visibility="private", created_by=UserFactory()
        ).created_by,
        # A draft is listed for nobody, but its author is not shared with: kept simple, safe.
        "with a draft of their own": EventFactory(status="draft", created_by=UserFactory()).created_by,
        "staff": StaffFactory(),
        "applicant": ApplicantFactory(),
    }  # fmt: skip
    shared = {name for name, user in everyone.items() if Event.objects.same_as_every_member(user)}
    assert shared == {"plain", "registered to a public event"}
    for name in shared:
        assert listed(everyone[name]) == listed(plain), name
    for name in ("invited to a private event", "registered to a private event",
                 "hosting a private event", "with a private event of their own"):  # fmt: skip
        assert listed(everyone[name]) > listed(plain), name


def _next_events(client):
    sections = {s["name"]: s["context"] for s in client.get("/").context["sections"]}
    return [event.title for event in sections["events:next"]["events"]]


def _listing(client, query=""):
    response = client.get(f"/events/{query}")
    types = {o["value"]: o["count"] for o in response.context["facets"]["type"]}
    return response.context["page_obj"].paginator.count, types


def test_members_share_the_listing_and_next_events_but_never_an_invitees_private_event(client):
    """The listing's counts and the home page's next events are computed once for every
    member who sees what every member sees; a member invited to a private event gets their
    own, before and after the others, and nobody's "my events" are shared."""
    soon = timezone.now() + timedelta(days=1)
    EventFactory(title="Open clinic", type="clinic", starts_at=soon + timedelta(days=1))
    private = EventFactory(title="Closed workshop", type="workshop", visibility="private",
                           starts_at=soon)  # fmt: skip
    invitee = InvitationFactory(event=private).user
    first, second = UserFactory(), UserFactory()

    for member, titles, counts in (
        (first, ["Open clinic"], (1, {"clinic": 1})),
        (invitee, ["Closed workshop", "Open clinic"], (2, {"clinic": 1, "workshop": 1})),
        (second, ["Open clinic"], (1, {"clinic": 1})),
    ):
        client.force_login(member)
        assert _next_events(client) == titles
        assert _listing(client) == counts
    client.force_login(invitee)
    assert _listing(client, "?when=mine") == (1, {"workshop": 1})
    client.force_login(first)
    assert _listing(client, "?when=mine") == (0, {})
    # A new event shows at once: what members share is forgotten when events change.
    EventFactory(title="Early session", starts_at=soon - timedelta(hours=12))
    assert _next_events(client) == ["Early session", "Open clinic"]
    assert _listing(client) == (2, {"clinic": 1, "session": 1})
