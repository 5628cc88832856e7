"""A visitor without an account tells a team they would like to fund, pilot, adopt or
collaborate: the email is confirmed first, the first message from an address waits for a
moderator, later ones go straight to the team, and the conversation is relayed by email with
no address shown that the visitor did not choose to share."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from innovations.models import VisitorInterest, VisitorReply
from innovations.tasks import forget_visitors
from innovations.visitors import visitor_interest_decide
from network.models import Notification
from tests.factories import InnovationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db
VISITOR = "funder@foundation.example"


@pytest.fixture
def innovation():
    return InnovationFactory(
        title="Solar apprenticeships", owner=UserFactory(email="owner@team.example")
    )


def write(client, innovation, email=VISITOR, **extra):
    data = {"name": "Fatima Funder", "organisation": "Skills Foundation", "email": email,
            "purpose": "support", "message": "We could fund a pilot in two regions.", **extra}  # fmt: skip
    return client.post(f"/innovations/{innovation.slug}/visitors/", data)


def page_of(message) -> str:
    url = re.search(r"https?://\S+/visitors/[^/\s]+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def confirm(client, path):
    return client.post(path, {"action": "confirm"}, follow=True)


def told(user):
    return list(Notification.objects.filter(recipient=user, kind="innovation_interest"))


def test_the_first_message_waits_for_a_moderator_then_reaches_the_team(
    client, innovation, django_capture_on_commit_callbacks
):
    assert (
        f"/innovations/{innovation.slug}/visitors/"
        in client.get(innovation.get_absolute_url()).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = write(client, innovation)
    assert response.status_code == 302
    interest = VisitorInterest.objects.get()
    assert interest.state == "unconfirmed"
    [email] = mail.outbox
    assert email.to == [VISITOR]
    path = page_of(email)
    assert told(innovation.owner) == []  # nobody is told before the email is confirmed
    confirm(client, path)
    interest.refresh_from_db()
    assert interest.state == "held"
    assert told(innovation.owner) == []
    # It is in the moderators' queue, and a moderator releases it.
    moderator = StaffFactory()
    client.force_login(moderator)
    dashboard = client.get("/admin/moderation/").content.decode()
    assert (
        "Visitors&#x27; first messages to teams" in dashboard
        or "Visitors' first messages" in dashboard
    )
    client.post(
        "/admin/innovations/visitorinterest/",
        {"action": "release", "_selected_action": [interest.pk]},
    )
    interest.refresh_from_db()
    assert interest.state == "sent" and interest.decided_by == moderator
    [notice] = told(innovation.owner)
    assert "Fatima Funder" in notice.message
    # The team reads it on the innovation's page, without the address (not shared).
    client.force_login(innovation.owner)
    page = client.get(innovation.get_absolute_url()).content.decode()
    assert "We could fund a pilot in two regions." in page
    assert VISITOR not in page


def test_a_later_message_from_a_released_address_goes_straight_to_the_team(
    client, innovation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write(client, innovation)
    confirm(client, page_of(mail.outbox[-1]))
    visitor_interest_decide(
        interest=VisitorInterest.objects.get(), moderator=StaffFactory(), release=True
    )
    other = InnovationFactory(title="Digital logbooks")
    with django_capture_on_commit_callbacks(execute=True):
        write(client, other, message="And this one too.")
    confirm(client, page_of(mail.outbox[-1]))
    later = VisitorInterest.objects.get(innovation=other)
    assert later.state == "sent"
    assert len(told(other.owner)) == 1


def test_a_declined_message_reaches_nobody(client, innovation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        write(client, innovation)
    confirm(client, page_of(mail.outbox[-1]))
    visitor_interest_decide(
        interest=VisitorInterest.objects.get(), moderator=StaffFactory(), release=False
    )
    assert told(innovation.owner) == []
    client.force_login(innovation.owner)
    assert "We could fund a pilot" not in client.get(innovation.get_absolute_url()).content.decode()


def test_the_conversation_is_relayed_without_addresses(
    client, innovation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write(client, innovation)
    path = page_of(mail.outbox[-1])
    confirm(client, path)
    interest = VisitorInterest.objects.get()
    visitor_interest_decide(interest=interest, moderator=StaffFactory(), release=True)
    client.force_login(innovation.owner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/innovations/{innovation.slug}/visitors/answer/{interest.pk}/",
            {"body": "Thank you! Let us talk about the regions."},
        )
    [email] = mail.outbox
    assert email.to == [VISITOR]
    assert "Let us talk about the regions." in email.body
    assert "owner@team.example" not in email.body and not email.reply_to
    # The visitor answers from their page; the team is told on the site.
    client.logout()
    page = client.get(path).content.decode()
    assert "Let us talk about the regions." in page
    client.post(path, {"action": "reply", "body": "Great, next week?"})
    assert VisitorReply.objects.filter(author=None, body="Great, next week?").exists()
    assert any("answered" in notice.message for notice in told(innovation.owner))
    # Someone not on the team cannot answer for it.
    client.force_login(UserFactory())
    response = client.post(
        f"/innovations/{innovation.slug}/visitors/answer/{interest.pk}/", {"body": "Hi"}
    )
    assert response.status_code == 404


def test_a_shared_address_is_shown_to_the_team(
    client, innovation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        write(client, innovation, share_email="on")
    confirm(client, page_of(mail.outbox[-1]))
    visitor_interest_decide(
        interest=VisitorInterest.objects.get(), moderator=StaffFactory(), release=True
    )
    client.force_login(innovation.owner)
    assert VISITOR in client.get(innovation.get_absolute_url()).content.decode()


def test_only_public_innovations_and_limits_per_address(client):
    members_only = InnovationFactory(visibility="members")
    assert client.get(f"/innovations/{members_only.slug}/visitors/").status_code == 404
    innovation = InnovationFactory()
    for _attempt in range(3):
        assert write(client, innovation).status_code == 302
    response = write(client, innovation)
    assert response.status_code == 429
    assert VisitorInterest.objects.count() == 3


def test_a_forged_link_finds_nothing(client, innovation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        write(client, innovation)
    path = page_of(mail.outbox[-1])
    assert client.get(path[:-3] + "xx/").status_code == 404
    other = InnovationFactory()
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/innovations/{other.slug}/visitors/{token}/").status_code == 404


def test_each_team_member_reads_the_notice_in_their_own_language(
    client, django_capture_on_commit_callbacks
):
    owner = UserFactory(language="fr")
    innovation = InnovationFactory(title="Chantiers-écoles", owner=owner)
    with django_capture_on_commit_callbacks(execute=True):
        write(client, innovation)  # written from an English page
    confirm(client, page_of(mail.outbox[-1]))
    visitor_interest_decide(
        interest=VisitorInterest.objects.get(), moderator=StaffFactory(), release=True
    )
    [notice] = told(owner)
    assert notice.message == (
        "Fatima Funder, un visiteur, s'intéresse à « Chantiers-écoles » : Soutenir ou financer"
    )


def test_visitors_are_forgotten_after_the_retention_period(innovation, settings):
    settings.VISITOR_RETENTION_DAYS = 30
    now = timezone.now()

    def written(days_ago, state, email=VISITOR):
        interest = VisitorInterest.objects.create(
            innovation=innovation, name="V", email=email, purpose="support", message="Hello",
            state=state,
        )  # fmt: skip
        VisitorInterest.objects.filter(pk=interest.pk).update(
            created_at=now - timedelta(days=days_ago)
        )
        return interest

    expired_link = written(3, "unconfirmed")
    fresh_link = written(1, "unconfirmed", email="new@example.org")
    old_quiet = written(40, "sent")
    old_declined = written(40, "declined")
    old_but_talking = written(40, "sent")
    VisitorReply.objects.create(interest=old_but_talking, body="Still interested?")
    old_reply = VisitorReply.objects.create(interest=old_quiet, body="Thanks")
    VisitorReply.objects.filter(pk=old_reply.pk).update(created_at=now - timedelta(days=35))
    recent = written(10, "held")

    assert forget_visitors.delay().get() == 3
    left = set(VisitorInterest.objects.values_list("pk", flat=True))
    assert left == {fresh_link.pk, old_but_talking.pk, recent.pk}
    assert not {expired_link.pk, old_quiet.pk, old_declined.pk} & left
    assert not VisitorReply.objects.filter(pk=old_reply.pk).exists()  # the conversation too


def test_the_form_says_how_long_a_message_is_kept(client, innovation, settings):
    settings.VISITOR_RETENTION_DAYS = 90
    page = client.get(f"/innovations/{innovation.slug}/visitors/").content.decode()
    assert "deleted 90 days after the last message" in page
