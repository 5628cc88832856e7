"""Shared aggregates (facet counts, figures) are forgotten when what they count changes, and
only then: the frequent writes no aggregate reads (a sign-in, a message, a comment, a
reminder) leave them in place."""

import pytest
from django.utils import timezone

from innovations.models import Comment
from members.models import Message
from network.cache import shared_aggregate
from tests.factories import InnovationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted():
    """A shared aggregate that says how many times it was computed."""
    computed = []

    def value():
        return shared_aggregate(
            "test-figure", "public", [], lambda: computed.append(1) or len(computed)
        )

    return value


def test_frequent_writes_that_count_nothing_keep_the_aggregates(client, counted):
    member, other = UserFactory(), UserFactory()
    innovation = InnovationFactory()
    assert counted() == 1
    client.force_login(member)  # writes last_login
    member.refresh_from_db()
    assert member.last_login is not None
    Message.objects.create(sender=member, recipient=other, subject="Hello", body="Hi")
    Comment.objects.create(innovation=innovation, author=member, body="Useful")
    assert counted() == 1


@pytest.mark.parametrize("change", ["publish", "hide", "suspend", "rename", "delete"])
def test_a_change_to_what_is_counted_forgets_them(counted, change):
    innovation = InnovationFactory()
    member = UserFactory()
    assert counted() == 1
    if change == "publish":
        InnovationFactory()
    elif change == "hide":
        innovation.hidden_at = timezone.now()
        innovation.save(update_fields=["hidden_at"])
    elif change == "suspend":
        member.is_active = False
        member.save(update_fields=["is_active"])
    elif change == "rename":
        member.profile.headline = "Trainer"
        member.profile.save()
    else:
        innovation.delete()
    assert counted() == 2
