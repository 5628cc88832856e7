"""Every text a member or manager writes about an event, through the XSS corpus, renders
harmless; and bad input keeps what was typed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Booking, Feedback, Registration
from tests.factories import (
    ClinicSlotFactory,
    EventFactory,
    EventHostFactory,
    InnovationFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.security.xss import PAYLOADS, dangerous_markup

pytestmark = [pytest.mark.django_db]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_event_texts_render_no_script(client, payload):
    past = timezone.now() - timedelta(days=2)
    event = EventFactory(
        title=payload[:200],
        summary=payload[:300],
        description=payload,
        venue=payload[:300],
        material_links=f"{payload}\nhttps://slides.example.org/deck",
        starts_at=past,
        ends_at=past + timedelta(hours=2),
    )
    host = EventHostFactory(event=event, user=UserFactory(display_name=payload[:120])).user
    EventHostFactory(
        event=event, user=None, guest_name=payload[:120], guest_affiliation=payload[:200]
    )
    attendee = UserFactory(display_name=payload[:120])
    RegistrationFactory(event=event, user=attendee, attended=True)
    Feedback.objects.create(event=event, author=attendee, rating=4, comment=payload)
    slot = ClinicSlotFactory(
        event=EventFactory(type="clinic", title=payload[:200], description=payload),
        expert=host,
        starts_at=past,
        ends_at=past + timedelta(minutes=30),
    )
    booking = Booking.objects.create(
        event=slot.event, slot=slot, member=attendee,
        innovation=InnovationFactory(owner=attendee, title=payload[:200]),
        question=payload, advice=payload, advice_at=past,
    )  # fmt: skip
    pages = {
        attendee: [
            event.get_absolute_url(), "/events/?when=past", "/events/?when=mine",
            slot.event.get_absolute_url(), booking.get_absolute_url(),
        ],
        host: [event.get_absolute_url(), f"/events/{event.slug}/attendance/"],
        None: [event.get_absolute_url(), "/events/?when=past"],
    }  # fmt: skip
    for viewer, paths in pages.items():
        client.logout()
        if viewer is not None:
            client.force_login(viewer)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            assert dangerous_markup(response.content.decode()) == [], path
    # The calendar file is plain text for calendar apps, never served as HTML.
    response = client.get(f"/events/{event.slug}/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_feedback_form_keeps_what_was_typed(client):
    past = timezone.now() - timedelta(days=1)
    event = EventFactory(starts_at=past - timedelta(hours=2), ends_at=past)
    attendee = UserFactory()
    RegistrationFactory(event=event, user=attendee)
    client.force_login(attendee)
    response = client.post(
        f"/events/{event.slug}/feedback/", {"rating": "9", "comment": "Lovely talk, zq-kept"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "zq-kept" in html
    assert "Select a valid choice" in html
    assert Feedback.objects.count() == 0
    response = client.post(f"/events/{event.slug}/feedback/", {"rating": "5", "comment": "Good"})
    assert response.status_code == 302
    assert Feedback.objects.get().rating == 5


def test_slot_form_keeps_what_was_typed(client):
    event = EventFactory(type="clinic")
    expert = EventHostFactory(event=event, role="expert").user
    client.force_login(expert)
    response = client.post(
        f"/events/{event.slug}/slots/",
        {
            "starts_at": "2020-01-01T10:00",
            "minutes": "30",
            "online_url": "https://meet.example.org/zq-room",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "A slot must start in the future." in html
    assert "https://meet.example.org/zq-room" in html
    assert 'value="2020-01-01T10:00"' in html


def test_booking_form_keeps_what_was_typed(client):
    slot = ClinicSlotFactory()
    member = UserFactory()
    InnovationFactory(owner=member)
    client.force_login(member)
    response = client.post(
        f"/events/{slot.event.slug}/slots/{slot.pk}/book/",
        {"innovation": "999999", "question": "My long question zq-kept"},
    )
    assert response.status_code == 200
    assert "My long question zq-kept" in response.content.decode()
    assert Registration.objects.count() == 0
    assert Booking.objects.count() == 0
