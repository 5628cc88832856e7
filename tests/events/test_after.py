"""After the event: hosts mark attendance, materials and the recording appear, attendees rate
and comment, attendance counts on profiles, and showcased innovations are "presented at"."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from events.models import Feedback, Registration
from events.services.feedback import feedback_save
from events.services.hosting import attendance_mark
from tests.factories import (
    EventFactory,
    EventHostFactory,
    InnovationFactory,
    RegistrationFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db]


def past_event(**kwargs):
    start = timezone.now() - timedelta(days=2)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), **kwargs)


def test_host_marks_attendance(client):
    event = past_event()
    host = EventHostFactory(event=event).user
    came, absent = RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status="waitlisted", confirmed_at=None)
    client.force_login(host)
    page = client.get(f"/events/{event.slug}/attendance/")
    assert len(page.context["form"].fields["attended"].choices) == 2
    response = client.post(f"/events/{event.slug}/attendance/", {"attended": [str(came.pk)]})
    assert response.status_code == 302
    assert dict(Registration.objects.filter(event=event).values_list("pk", "attended")) == {
        came.pk: True, absent.pk: False,
        Registration.objects.get(event=event, status="waitlisted").pk: None,
    }  # fmt: skip


def test_only_hosts_and_staff_mark_attendance_and_not_before_the_start(client):
    event = EventFactory()
    host = EventHostFactory(event=event).user
    client.force_login(UserFactory())
    assert client.get(f"/events/{event.slug}/attendance/").status_code == 403
    client.force_login(host)
    response = client.post(f"/events/{event.slug}/attendance/", {"attended": []})
    assert response.status_code == 200
    assert "once the event has started" in response.content.decode()
    attendance_mark(event=past_event(), by=StaffFactory(), attended_ids=[])


def test_attendees_rate_and_comment_and_others_cannot():
    event = past_event()
    attendee = RegistrationFactory(event=event).user
    absentee = RegistrationFactory(event=event, attended=False).user
    feedback_save(event=event, author=attendee, rating=4, comment="Useful")
    feedback_save(event=event, author=attendee, rating=5, comment="Very useful")
    assert list(Feedback.objects.values_list("rating", "comment")) == [(5, "Very useful")]
    for outsider in (absentee, UserFactory()):
        with pytest.raises(PermissionDenied):
            feedback_save(event=event, author=outsider, rating=1, comment="")
    with pytest.raises(PermissionDenied):  # not before the end
        feedback_save(event=EventFactory(), author=attendee, rating=3, comment="")


def test_page_shows_rating_feedback_materials_and_recording(client):
    event = past_event(recording_url="https://video.example.org/rec-zq")
    event.material_links = "https://slides.example.org/deck-zq.pdf"
    event.save()
    public, members_only = (
        ResourceFactory(title="Public guide zq"),
        ResourceFactory(title="Members guide zq", access="members"),
    )
    event.materials.set([public, members_only])
    for rating in (4, 5):
        attendee = RegistrationFactory(event=event).user
        Feedback.objects.create(
            event=event, author=attendee, rating=rating, comment=f"Said {rating}"
        )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Rated 4.5 out of 5 by 2 attendees" in html
    assert "https://video.example.org/rec-zq" in html
    assert "https://slides.example.org/deck-zq.pdf" in html
    assert "Public guide zq" in html
    assert "Members guide zq" not in html  # materials follow the library's own rules
    client.force_login(UserFactory())
    assert "Members guide zq" in client.get(event.get_absolute_url()).content.decode()


def test_attended_count_for_profiles_counts_only_what_the_viewer_may_see():
    member = UserFactory()
    RegistrationFactory(event=past_event(), user=member, attended=True)
    RegistrationFactory(event=past_event(visibility="members"), user=member, attended=True)
    RegistrationFactory(event=past_event(visibility="private"), user=member, attended=True)
    RegistrationFactory(event=past_event(), user=member, attended=False)
    RegistrationFactory(event=past_event(), user=member)  # not marked
    assert member.event_registrations.attended(viewer=None).count() == 1
    assert member.event_registrations.attended(viewer=UserFactory()).count() == 2
    assert member.event_registrations.attended(viewer=member).count() == 3
    assert member.event_registrations.attended(viewer=StaffFactory()).count() == 3


def test_presented_at_lists_the_events_a_viewer_may_see(client):
    innovation = InnovationFactory()
    public = past_event(title="Shown at public zq")
    members = EventFactory(title="Shown at members zq", visibility="members")
    private = EventFactory(title="Shown at private zq", visibility="private")
    draft = EventFactory(title="Shown at draft zq", status="draft")
    for event in (public, members, private, draft):
        event.innovations.add(innovation)
    assert [e.title for e in innovation.presented_at.listed_for(None).order_by("-starts_at")] == [
        "Shown at public zq"
    ]
    shown = innovation.presented_at.listed_for(UserFactory()).order_by("-starts_at")
    assert [e.title for e in shown] == ["Shown at members zq", "Shown at public zq"]
    # The lower app reads it through the reverse relation, with the same rules.
    assert innovation.presented_at.listed_for(None).count() == 1
    from django.template.loader import render_to_string

    html = render_to_string(
        "events/_presented_at.html",
        {"events": innovation.presented_at.listed_for(None).order_by("-starts_at")},
    )
    assert "Presented at" in html and "Shown at public zq" in html
    assert "Shown at members zq" not in html
