"""The three ways into a space (open, on request, by invitation), leaving, and the space
moderators' answers."""

import re

import pytest
from django.core import mail

from network.models import Notification
from spaces.models import Membership
from tests.factories import ApplicantFactory, SpaceFactory, SpaceMemberFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_joins_an_open_space_in_one_click(client):
    space = SpaceFactory(entry="open")
    member = UserFactory()
    client.force_login(member)
    response = client.post(f"/spaces/{space.slug}/join/", follow=True)
    assert Membership.objects.get(space=space, user=member).state == "active"
    assert "Welcome to" in response.content.decode()
    assert "Start a thread" in response.content.decode()


def test_an_applicant_cannot_join(client):
    space = SpaceFactory(entry="open")
    client.force_login(ApplicantFactory())
    assert client.post(f"/spaces/{space.slug}/join/").status_code == 403
    assert not Membership.objects.exists()


def test_joining_on_request_waits_for_a_space_moderator(client):
    space = SpaceFactory(entry="request", visibility="members")
    moderator = SpaceMemberFactory(space=space, role="moderator").user
    member = UserFactory()
    client.force_login(member)
    client.post(f"/spaces/{space.slug}/join/", {"message": "I run a TVET centre."})
    request = Membership.objects.get(space=space, user=member)
    assert request.state == "requested" and request.message == "I run a TVET centre."
    # Not in yet: no thread form.
    assert client.get(f"/spaces/{space.slug}/new/").status_code == 403
    told = Notification.objects.get(recipient=moderator)
    assert member.display_name in told.message and told.url.endswith("/manage/")

    client.force_login(moderator)
    page = client.get(f"/spaces/{space.slug}/manage/").content.decode()
    assert "I run a TVET centre." in page
    client.post(f"/spaces/{space.slug}/requests/{request.pk}/", {"answer": "accept"})
    request.refresh_from_db()
    assert request.state == "active"
    assert Notification.objects.filter(recipient=member, message__contains="accepted").exists()
    client.force_login(member)
    assert client.get(f"/spaces/{space.slug}/new/").status_code == 200


def test_a_declined_request_cannot_be_repeated(client):
    space = SpaceFactory(entry="request")
    moderator = SpaceMemberFactory(space=space, role="moderator").user
    member = UserFactory()
    request = SpaceMemberFactory(space=space, user=member, state="requested")
    client.force_login(moderator)
    client.post(f"/spaces/{space.slug}/requests/{request.pk}/", {"answer": "decline"})
    client.force_login(member)
    response = client.post(f"/spaces/{space.slug}/join/", follow=True)
    assert "declined your request" in response.content.decode()
    request.refresh_from_db()
    assert request.state == "declined"


def test_only_a_space_moderator_answers_requests(client):
    space = SpaceFactory(entry="request")
    request = SpaceMemberFactory(space=space, state="requested")
    client.force_login(SpaceMemberFactory(space=space).user)
    assert client.post(f"/spaces/{space.slug}/requests/{request.pk}/",
                       {"answer": "accept"}).status_code == 403  # fmt: skip
    request.refresh_from_db()
    assert request.state == "requested"


def test_by_invitation_only_a_signed_link_lets_the_invited_member_in(
    client, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://network.example.org"
    space = SpaceFactory(entry="invitation", visibility="private", title="Financing room")
    moderator = SpaceMemberFactory(space=space, role="moderator").user
    invitee, other = UserFactory(), UserFactory()
    client.force_login(invitee)
    assert client.post(f"/spaces/{space.slug}/join/").status_code == 404  # does not exist
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/spaces/{space.slug}/manage/", {"username": invitee.username})
    [email] = mail.outbox
    assert email.to == [invitee.email] and "Financing room" in email.subject
    link = re.search(r"https://network\.example\.org(/spaces/\S+/invitation/\S+/)", email.body)[1]
    # The link is the invitee's alone, and says nothing to anyone else.
    client.force_login(other)
    assert client.get(link).status_code == 404
    assert client.get(link.replace("/invitation/", "/invitation/x")).status_code == 404
    client.force_login(invitee)
    assert "Accept the invitation" in client.get(link).content.decode()
    response = client.post(link, {"answer": "accept"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/spaces/{space.slug}/"
    assert Membership.objects.get(space=space, user=invitee).state == "active"


def test_an_invitation_passes_the_contact_gate(client):
    from members.models import Block

    space = SpaceFactory(entry="invitation", visibility="private")
    moderator = SpaceMemberFactory(space=space, role="moderator").user
    invitee = UserFactory()
    Block.objects.create(blocker=invitee, blocked=moderator)
    client.force_login(moderator)
    response = client.post(f"/spaces/{space.slug}/manage/", {"username": invitee.username})
    assert "does not accept contact from you" in response.content.decode()
    assert not Membership.objects.filter(user=invitee).exists()
    assert mail.outbox == []


def test_leaving_a_space(client):
    space = SpaceFactory()
    member = SpaceMemberFactory(space=space).user
    client.force_login(member)
    client.post(f"/spaces/{space.slug}/leave/")
    assert Membership.objects.get(space=space, user=member).state == "left"
    assert client.get(f"/spaces/{space.slug}/new/").status_code == 403
    # They may join again (an open space).
    client.post(f"/spaces/{space.slug}/join/")
    assert Membership.objects.get(space=space, user=member).state == "active"


def test_leaving_a_private_space_makes_it_disappear(client):
    space = SpaceFactory(visibility="private", entry="invitation", title="Hidden room")
    member = SpaceMemberFactory(space=space).user
    client.force_login(member)
    assert "Hidden room" in client.get("/spaces/").content.decode()
    client.post(f"/spaces/{space.slug}/leave/")
    assert f"/spaces/{space.slug}/" not in client.get("/spaces/").content.decode()
    assert client.get(f"/spaces/{space.slug}/").status_code == 404
