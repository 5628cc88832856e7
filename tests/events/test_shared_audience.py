"""Event.objects.same_as_every_member: the members whose events may be shared with every
member's (counts, search matches) are exactly those who see what a plain member sees."""

import pytest

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
