"""Innovation clinics: experts publish slots, a member books one for their innovation, one
booking per slot, and the expert's advice reaches only the innovation's team (and staff)."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from events.models import Booking, ClinicSlot
from events.services.clinics import advice_save, booking_create
from innovations.models import TeamMember
from tests.factories import (
    ClinicSlotFactory,
    EventFactory,
    EventHostFactory,
    InnovationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def clinic():
    event = EventFactory(type="clinic", title="Clinic zq", visibility="members")
    expert = EventHostFactory(event=event, role="expert").user
    return event, expert


def test_expert_publishes_a_slot_in_the_clinics_zone(client, clinic):
    event, expert = clinic
    event.timezone = "Asia/Kolkata"
    event.save()
    client.force_login(expert)
    day = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%d")
    response = client.post(
        f"/events/{event.slug}/slots/", {"starts_at": f"{day}T15:30", "minutes": "45"}
    )
    assert response.status_code == 302
    slot = ClinicSlot.objects.get()
    assert slot.starts_at.strftime("%H:%M") == "10:00"  # 15:30 in Kolkata is 10:00 UTC
    assert slot.ends_at - slot.starts_at == timedelta(minutes=45)
    assert slot.expert == expert


def test_members_who_are_not_hosts_cannot_publish_slots(client, clinic):
    event, _expert = clinic
    client.force_login(UserFactory())
    response = client.post(f"/events/{event.slug}/slots/", {"starts_at": "2030-01-01T10:00"})
    assert response.status_code == 403


def test_member_books_a_slot_for_their_innovation_and_gets_the_calendar_file(
    client, clinic, django_capture_on_commit_callbacks
):
    event, expert = clinic
    slot = ClinicSlotFactory(event=event, expert=expert)
    member = UserFactory()
    mine = InnovationFactory(owner=member, title="My innovation")
    theirs = InnovationFactory(title="Someone else's")
    client.force_login(member)
    form = client.get(f"/events/{event.slug}/slots/{slot.pk}/book/")
    assert list(form.context["form"].fields["innovation"].queryset) == [mine]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/events/{event.slug}/slots/{slot.pk}/book/",
            {"innovation": theirs.pk, "question": "Can I?"},
        )
        assert response.status_code == 200  # not theirs to bring
        response = client.post(
            f"/events/{event.slug}/slots/{slot.pk}/book/",
            {"innovation": mine.pk, "question": "How do we scale to a second country?"},
        )
    booking = Booking.objects.get()
    assert response["Location"] == booking.get_absolute_url()
    assert (booking.member, booking.innovation) == (member, mine)
    [email] = mail.outbox
    assert email.to == [member.email]
    assert email.attachments[0][0] == "event.ics"
    assert expert.notifications.get().kind == "clinic_booked"


def test_one_booking_per_slot_and_one_slot_per_member(clinic):
    event, expert = clinic
    first, second = ClinicSlotFactory.create_batch(2, event=event, expert=expert)
    member, other = UserFactory.create_batch(2)
    booking_create(
        slot=first, member=member, innovation=InnovationFactory(owner=member), question="Q"
    )
    with pytest.raises(ValidationError):
        booking_create(
            slot=first, member=other, innovation=InnovationFactory(owner=other), question="Q"
        )
    with pytest.raises(ValidationError):
        booking_create(
            slot=second, member=member, innovation=member.owned_innovations.get(), question="Q"
        )


def test_team_members_may_book_for_their_teams_innovation(clinic):
    event, expert = clinic
    slot = ClinicSlotFactory(event=event, expert=expert)
    innovation = InnovationFactory()
    teammate = UserFactory()
    TeamMember.objects.create(innovation=innovation, user=teammate)
    booking = booking_create(slot=slot, member=teammate, innovation=innovation, question="Q")
    assert booking.innovation == innovation


def test_advice_is_seen_by_the_team_the_expert_and_staff_only(client, clinic):
    event, expert = clinic
    past = timezone.now() - timedelta(hours=3)
    slot = ClinicSlotFactory(
        event=event, expert=expert, starts_at=past, ends_at=past + timedelta(minutes=30)
    )
    owner, teammate = UserFactory.create_batch(2)
    innovation = InnovationFactory(owner=owner)
    TeamMember.objects.create(innovation=innovation, user=teammate)
    booking = Booking.objects.create(
        event=event, slot=slot, member=owner, innovation=innovation, question="Evidence?"
    )
    client.force_login(expert)
    response = client.post(booking.get_absolute_url(), {"advice": "Compare cohorts zq-advice."})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.advice == "Compare cohorts zq-advice."
    assert {n.recipient for n in teammate.notifications.all() | owner.notifications.all()} == {
        owner,
        teammate,
    }
    other_host = EventHostFactory(event=event).user
    viewers = {
        "owner": (owner, 200), "teammate": (teammate, 200), "expert": (expert, 200),
        "staff": (StaffFactory(), 200), "member": (UserFactory(), 404),
        "other host": (other_host, 404),
    }  # fmt: skip
    for name, (viewer, status) in viewers.items():
        client.force_login(viewer)
        response = client.get(booking.get_absolute_url())
        assert response.status_code == status, name
        if status == 200:
            assert "zq-advice" in response.content.decode(), name
    client.logout()
    assert client.get(booking.get_absolute_url()).status_code == 302
    # Only the expert writes it.
    client.force_login(owner)
    assert client.post(booking.get_absolute_url(), {"advice": "Mine!"}).status_code == 403


def test_advice_waits_for_the_slot(clinic):
    event, expert = clinic
    slot = ClinicSlotFactory(event=event, expert=expert)
    member = UserFactory()
    booking = booking_create(
        slot=slot, member=member, innovation=InnovationFactory(owner=member), question="Q"
    )
    with pytest.raises(ValidationError):
        advice_save(booking=booking, by=expert, advice="Too early")


def test_clinic_page_lists_free_and_booked_slots_without_naming_bookers(client, clinic):
    event, expert = clinic
    booked, free = ClinicSlotFactory.create_batch(2, event=event, expert=expert)
    member = UserFactory(display_name="Secret Booker")
    booking_create(
        slot=booked, member=member, innovation=InnovationFactory(owner=member, title="Hush zq"),
        question="Q",
    )  # fmt: skip
    client.force_login(UserFactory())
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Booked" in html
    assert f"/slots/{free.pk}/book/" in html
    assert "Secret Booker" not in html and "Hush zq" not in html


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_many_members_booking_one_slot_at_once_get_one_booking():
    event = EventFactory(type="clinic")
    slot = ClinicSlotFactory(event=event, expert=EventHostFactory(event=event).user)
    people = [(member, InnovationFactory(owner=member)) for member in UserFactory.create_batch(8)]
    barrier = threading.Barrier(len(people))
    outcomes = []

    def book(member, innovation):
        try:
            barrier.wait()
            booking_create(slot=slot, member=member, innovation=innovation, question="Q")
            outcomes.append("booked")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=pair) for pair in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["booked"] + ["refused"] * 7
    assert Booking.objects.filter(slot=slot).count() == 1
