"""Row locks on PostgreSQL: never more confirmed registrations than seats, also when many
members register (or cancel) at the same instant."""

import threading

import pytest
from django.core import mail
from django.db import connection

from events.models import Registration
from events.services.guests import guest_confirm, guest_register
from events.services.registration import registration_cancel, registration_create, waitlist_position
from tests.factories import EventFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
]


def at_once(function, arguments):
    """Run ``function`` on each argument in its own thread, all released together."""
    barrier = threading.Barrier(len(arguments))
    results, errors = {}, []

    def run(argument):
        try:
            barrier.wait()
            results[argument] = function(argument)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(a,)) for a in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


def in_order(event):
    return list(Registration.objects.filter(event=event).order_by("registered_at", "pk"))


def test_thirty_members_for_ten_seats_then_cancellations_promote_one_each():
    event = EventFactory(capacity=10)
    people = UserFactory.create_batch(30)
    by_id = {person.pk: person for person in people}

    def register(user_id):
        return registration_create(event=event, user=by_id[user_id]).status

    statuses = at_once(register, list(by_id))
    assert sorted(statuses.values()) == ["confirmed"] * 10 + ["waitlisted"] * 20
    rows = in_order(event)
    # First come, first served: the ten seats went to the first ten through the lock, and
    # the waitlist is numbered 1 to 20 in the order people arrived.
    assert [r.status for r in rows] == ["confirmed"] * 10 + ["waitlisted"] * 20
    assert [waitlist_position(r) for r in rows[10:]] == list(range(1, 21))
    assert len(mail.outbox) == 30

    # Five confirmed members cancel at the same instant: exactly five are promoted, the
    # first five on the waitlist, and the rest keep their order.
    leaving = [r.user_id for r in rows[:5]]
    at_once(lambda user_id: registration_cancel(event=event, user=by_id[user_id]), leaving)
    assert Registration.objects.filter(event=event, status="confirmed").count() == 10
    promoted = {r.user_id for r in rows[10:15]}
    confirmed = set(
        Registration.objects.filter(event=event, status="confirmed").values_list(
            "user_id", flat=True
        )
    )
    assert confirmed == {r.user_id for r in rows[5:10]} | promoted
    waiting = [r.user_id for r in in_order(event) if r.status == "waitlisted"]
    assert waiting == [r.user_id for r in rows[15:]]
    assert sorted(
        r.user_id for r in Registration.objects.filter(event=event, status="cancelled")
    ) == sorted(leaving)


def test_one_member_clicking_many_times_at_once_gets_one_registration():
    event = EventFactory(capacity=10)
    member = UserFactory()
    results = at_once(lambda _n: registration_create(event=event, user=member).pk, list(range(12)))
    assert len(set(results.values())) == 1
    assert Registration.objects.filter(event=event).count() == 1


def test_last_seat_and_a_cancellation_race():
    """One seat left, ten newcomers and a cancellation at the same instant: two seats end up
    taken by exactly two people, never three."""
    event = EventFactory(capacity=5)
    holders = UserFactory.create_batch(4)
    for holder in holders:
        registration_create(event=event, user=holder)
    newcomers = UserFactory.create_batch(10)
    actions = {f"new-{p.pk}": p for p in newcomers}
    actions["cancel"] = holders[0]

    def act(key):
        if key == "cancel":
            return registration_cancel(event=event, user=actions[key]).status
        return registration_create(event=event, user=actions[key]).status

    at_once(act, list(actions))
    assert Registration.objects.filter(event=event, status="confirmed").count() == 5
    assert Registration.objects.filter(event=event, status="waitlisted").count() == 8


def test_thirty_guests_and_members_for_ten_seats_get_exactly_ten():
    event = EventFactory(capacity=10, guests_allowed=True)
    members = {f"member-{person.pk}": person for person in UserFactory.create_batch(15)}
    guests = {
        f"guest-{index}": guest_register(
            event=event, name=f"Guest {index}", email=f"guest{index}@partner.example"
        )
        for index in range(15)
    }

    def take_a_seat(key):
        if key in members:
            return registration_create(event=event, user=members[key]).status
        return guest_confirm(registration=guests[key]).status

    statuses = at_once(take_a_seat, [*members, *guests])
    assert sorted(statuses.values()) == ["confirmed"] * 10 + ["waitlisted"] * 20
    assert Registration.objects.filter(event=event, status="confirmed").count() == 10
    waiting = [r for r in in_order(event) if r.status == "waitlisted"]
    assert [waitlist_position(r) for r in waiting] == list(range(1, 21))
