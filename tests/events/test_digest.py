"""The discovery digest's events section, and its "register" inbox action."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from events.digest import upcoming_events_section
from events.models import Registration
from network.digests import current_period, send_digests
from tests.factories import EventFactory, EventHostFactory, RegistrationFactory, UserFactory

pytestmark = [pytest.mark.django_db]


def reader(country="KE", **kwargs):
    user = UserFactory(**kwargs)
    profile = user.profile
    profile.country = country
    profile.delivery = "never"
    profile.discovery_digest = True
    profile.save()
    return user


def titles(section):
    return [item.title for item in section.items]


def test_section_lists_global_and_regional_events_with_seats_and_never_private():
    member = reader("KE")
    EventFactory(title="Global zq")
    EventFactory(title="Africa zq", scope="regional", region="africa")
    EventFactory(title="Americas zq", scope="regional", region="americas")
    EventFactory(title="Members zq", visibility="members")
    EventFactory(title="Private zq", visibility="private")
    EventFactory(title="Draft zq", status="draft")
    full = EventFactory(title="Full zq", capacity=1)
    RegistrationFactory(event=full)
    EventFactory(title="Closed zq", registration_closes_at=timezone.now() - timedelta(hours=1))
    mine = EventFactory(title="Already mine zq")
    RegistrationFactory(event=mine, user=member)
    hosting = EventFactory(title="Hosting zq")
    EventHostFactory(event=hosting, user=member)
    sections = upcoming_events_section([member], timezone.now() - timedelta(days=7))
    assert sorted(titles(sections[member.pk])) == ["Africa zq", "Global zq", "Members zq"]


def test_digest_email_carries_a_register_link_that_registers_once(
    client, django_capture_on_commit_callbacks
):
    member = reader("KE")
    event = EventFactory(title="Digest zq", capacity=3)
    assert send_digests(kind="weekly", period=current_period("weekly"), user_ids=[member.pk]) == 1
    [email] = mail.outbox
    assert "Digest zq" in email.body
    link = re.search(r"Register: (\S+)", email.body)[1]
    path = link.replace("http://127.0.0.1:8000", "")
    page = client.get(path)
    assert page.status_code == 200
    assert "Register for “Digest zq”" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path)
        client.post(path)  # the link works once
    assert Registration.objects.get(event=event, user=member).status == "confirmed"
    assert [m.subject for m in mail.outbox[1:]] == ["You are registered: Digest zq"]
