"""What a space shares and plans: checked files with the space's visibility, linked
innovations, and sessions its members propose, which become events in the space."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from events.models import Event, EventHost, Invitation
from network.models import Notification
from spaces.models import SessionProposal, SharedFile
from tests.factories import (
    InnovationFactory,
    SpaceFactory,
    SpaceMemberFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


START = (timezone.now() + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M")


def _propose(client, space, **fields):
    start = START
    data = {
        "topic": "RPL on a phone", "description": "Lessons from our pilot.", "format": "session",
        "preferred_start": start, "timezone": "Africa/Lagos", "duration_minutes": 90,
        "other_dates": "", "language": "fr", **fields,
    }  # fmt: skip
    return client.post(f"/spaces/{space.slug}/propose/", data)


def test_a_proposed_session_becomes_a_draft_event_in_the_space(client):
    space = SpaceFactory(visibility="members", region="africa")
    moderator = SpaceMemberFactory(space=space, role="moderator").user
    proposer = SpaceMemberFactory(space=space).user
    client.force_login(proposer)
    assert _propose(client, space).status_code == 302
    proposal = SessionProposal.objects.get()
    assert proposal.status == "proposed"
    # Typed in the zone the proposer chose.
    lagos = timezone.localtime(proposal.preferred_start, ZoneInfo("Africa/Lagos"))
    assert lagos.strftime("%Y-%m-%dT%H:%M") == START
    assert Notification.objects.filter(recipient=moderator, message__contains="RPL").exists()

    client.force_login(moderator)
    assert "RPL on a phone" in client.get(f"/spaces/{space.slug}/manage/").content.decode()
    client.post(f"/spaces/{space.slug}/proposals/{proposal.pk}/", {"answer": "accept"})
    proposal.refresh_from_db()
    event = proposal.event
    assert proposal.status == "accepted" and event is not None
    assert event.status == "draft" and event.visibility == "members"
    assert event.title == "RPL on a phone" and event.written_in == "fr"
    assert event.ends_at - event.starts_at == timedelta(minutes=90)
    assert event.timezone == "Africa/Lagos" and event.region == "africa"
    assert EventHost.objects.filter(event=event, user=proposer, role="host").exists()
    assert list(space.events.all()) == [event]
    assert Notification.objects.filter(recipient=proposer, message__contains="accepted").exists()
    # Staff publish it; the space then shows it among its sessions.
    event.status = "published"
    event.save()
    client.force_login(proposer)
    assert "RPL on a phone" in client.get(space.get_absolute_url()).content.decode()


def test_a_private_spaces_session_is_private_and_its_members_invited(client):
    space = SpaceFactory(visibility="private", entry="invitation")
    moderator = SpaceMemberFactory(space=space, role="moderator").user
    proposer = SpaceMemberFactory(space=space).user
    colleague = SpaceMemberFactory(space=space).user
    client.force_login(proposer)
    _propose(client, space)
    client.force_login(moderator)
    proposal = SessionProposal.objects.get()
    client.post(f"/spaces/{space.slug}/proposals/{proposal.pk}/", {"answer": "accept"})
    event = Event.objects.get()
    assert event.visibility == "private"
    invited = set(Invitation.objects.filter(event=event).values_list("user", flat=True))
    assert colleague.pk in invited and proposer.pk not in invited
    # Nobody outside the space hears of it.
    client.force_login(UserFactory())
    assert client.get(event.get_absolute_url()).status_code == 404


def test_a_declined_proposal_makes_no_event_and_only_moderators_decide(client):
    space = SpaceFactory()
    moderator = SpaceMemberFactory(space=space, role="moderator").user
    proposer = SpaceMemberFactory(space=space).user
    client.force_login(proposer)
    _propose(client, space)
    proposal = SessionProposal.objects.get()
    url = f"/spaces/{space.slug}/proposals/{proposal.pk}/"
    assert client.post(url, {"answer": "accept"}).status_code == 403
    client.force_login(moderator)
    client.post(url, {"answer": "decline", "note": "We have one on RPL already."})
    proposal.refresh_from_db()
    assert proposal.status == "declined" and proposal.note == "We have one on RPL already."
    assert not Event.objects.exists()
    # Answered once.
    response = client.post(url, {"answer": "accept"}, follow=True)
    assert "already been answered" in response.content.decode()
    assert not Event.objects.exists()


def test_a_proposal_in_the_past_is_refused_with_a_message(client):
    space = SpaceFactory()
    client.force_login(SpaceMemberFactory(space=space).user)
    response = _propose(client, space, preferred_start="2020-01-01T10:00")
    assert "Choose a date in the future." in response.content.decode()
    assert not SessionProposal.objects.exists()


def test_files_are_checked_and_served_only_with_the_spaces_visibility(client):
    space = SpaceFactory(visibility="private", entry="invitation")
    member = SpaceMemberFactory(space=space).user
    client.force_login(member)
    bad = SimpleUploadedFile("notes.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(f"/spaces/{space.slug}/files/", {"title": "Notes", "upload": bad})
    assert "web page or an image" in response.content.decode()
    good = SimpleUploadedFile("budget.csv", b"item,cost\nvenue,100\n")
    client.post(f"/spaces/{space.slug}/files/", {"title": "Budget", "upload": good})
    shared = SharedFile.objects.get()
    assert shared.original_filename == "budget.csv" and "budget" not in shared.file.name
    url = f"/spaces/{space.slug}/files/{shared.pk}/"
    response = client.get(url)
    assert b"".join(response.streaming_content) == b"item,cost\nvenue,100\n"
    assert response["X-Content-Type-Options"] == "nosniff"
    # A resumed download gives the rest of the same bytes.
    part = client.get(url, HTTP_RANGE="bytes=10-")
    assert part.status_code == 206 and b"".join(part.streaming_content) == b"venue,100\n"
    for outsider in (None, UserFactory()):
        client.logout()
        if outsider:
            client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(StaffFactory())
    assert client.get(url).status_code == 200


def test_members_link_their_own_published_innovations(client):
    space = SpaceFactory()
    member = SpaceMemberFactory(space=space).user
    mine = InnovationFactory(owner=member, title="Solar apprenticeships qq")
    other = InnovationFactory(title="Someone else's qq")
    client.force_login(member)
    page = client.get(f"/spaces/{space.slug}/link-innovation/").content.decode()
    assert mine.title in page and other.title not in page
    client.post(f"/spaces/{space.slug}/link-innovation/", {"innovation": other.pk})
    client.post(f"/spaces/{space.slug}/link-innovation/", {"innovation": mine.pk})
    assert list(space.linked_innovations.values_list("innovation", flat=True)) == [mine.pk]
    client.logout()
    assert mine.title in client.get(space.get_absolute_url()).content.decode()
