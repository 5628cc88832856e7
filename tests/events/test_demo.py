"""The demo: at least 12 events of every type, past and upcoming, in several zones, some
full with a waitlist, a private workshop with invitees, a clinic with slots; idempotent."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Booking, ClinicSlot, Event, EventType, Invitation, Registration
from members.models import User

pytestmark = [pytest.mark.django_db]


def snapshot():
    return (
        list(Event.objects.order_by("slug").values_list("slug", "starts_at", "status", "sequence")),
        list(
            Registration.objects.order_by("pk").values_list("event__slug", "user__email", "status")
        ),
        Invitation.objects.count(),
        ClinicSlot.objects.count(),
        Booking.objects.count(),
    )


def test_demo_events_cover_the_issue_and_seeding_twice_changes_nothing(client, demo):
    first = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == first
    now = timezone.now()
    events = Event.objects.all()
    assert events.count() >= 12
    assert set(events.values_list("type", flat=True)) == set(EventType.values)
    assert events.upcoming(now).published().count() >= 5
    assert events.past(now).count() >= 4
    assert len(set(events.values_list("timezone", flat=True))) >= 5
    full = [e for e in events.with_seats() if e.capacity and e.confirmed_count >= e.capacity]
    assert any(e.registrations.filter(status="waitlisted").exists() for e in full)
    private = events.get(visibility="private")
    assert private.invitations.filter(status="pending").exists()
    assert ClinicSlot.objects.filter(event__starts_at__gt=now).count() >= 4
    assert Booking.objects.exclude(advice="").exists()
    # The demo member's view: their events, a waitlist place, an invitation, a clinic booking.
    client.post(
        "/accounts/login/", {"login": "member@example.org", "password": "skills-network-demo"}
    )
    mine = client.get("/events/?when=mine")
    assert mine.status_code == 200
    assert mine.context["page_obj"].paginator.count >= 5
    assert client.get(private.get_absolute_url()).status_code == 200
    assert client.get("/events/").status_code == 200
    client.logout()
    assert client.get(private.get_absolute_url()).status_code == 404


def test_event_pages_are_light(client, demo):
    import gzip

    client.post(
        "/accounts/login/", {"login": "member@example.org", "password": "skills-network-demo"}
    )
    paths = ["/events/", "/events/?when=past", "/events/?when=mine"] + [
        event.get_absolute_url()
        for event in Event.objects.listed_for(User.objects.get(email="member@example.org"))
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert len(gzip.compress(response.content, compresslevel=6)) <= 14 * 1024, path
