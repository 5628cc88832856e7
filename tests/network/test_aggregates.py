"""Shared aggregates (facet counts, figures) are forgotten when what they count changes, and
only then: the frequent writes no aggregate reads (a sign-in, a message, a comment, a
reminder) leave them in place."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.utils import timezone

from innovations.models import Comment
from members.models import Message
from network.cache import begin_request, end_request, shared_aggregate
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


def test_a_request_reads_the_generation_once_and_a_save_in_it_forgets_the_aggregates():
    def shared(value):
        return shared_aggregate("probe", "everyone", [], lambda: value)

    begin_request()
    try:
        assert shared(1) == 1
        InnovationFactory()  # a save within the request: counted afresh at once
        assert shared(2) == 2
        forget_in_another_process()  # this request keeps the generation it read
        assert shared(3) == 2
    finally:
        end_request()
    begin_request()  # the next request reads it again
    try:
        assert shared(4) == 4
    finally:
        end_request()
    forget_in_another_process()  # outside requests (jobs, shell) it is read every time
    assert shared(5) == 5


def forget_in_another_process():
    cache.incr("aggregates:generation")


def test_what_has_no_date_in_its_rules_is_kept_ten_minutes(client):
    """The showcase's and the library's totals and facets, and related innovations, change
    only by a save (which forgets them at once), so they are kept ten minutes rather than
    recomputed every minute; the events', which change as time passes, are kept a minute."""
    innovation = InnovationFactory()
    client.force_login(UserFactory())
    with mock.patch.object(cache, "set", wraps=cache.set) as kept:
        for path in ("/innovations/", "/resources/", "/events/", innovation.get_absolute_url()):
            assert client.get(path).status_code == 200
    lifetimes = {
        call.args[0].split(":")[1]: call.args[2]
        for call in kept.call_args_list
        if call.args[0].startswith("aggregate:")
    }
    assert lifetimes["showcase-count"] == lifetimes["showcase-facets"] == 600
    assert lifetimes["library-count"] == lifetimes["library-facets"] == 600
    assert lifetimes["related-innovations"] == 600
    assert lifetimes["events-count"] == lifetimes["events-facets"] == 60
