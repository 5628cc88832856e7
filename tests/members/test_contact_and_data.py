import json

import pytest
from django.core import mail

from members.models import Message, User
from tests.factories import ApplicantFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(client):
    sender = UserFactory(display_name="Sam Sender", email="sam@example.org")
    recipient = UserFactory(display_name="Rita Recipient", email="rita@example.org")
    client.force_login(sender)
    return sender, recipient


def send(client, recipient, subject="Hello", body="Can we talk about apprenticeships?"):
    return client.post(
        f"/members/{recipient.username}/message/", {"subject": subject, "body": body}
    )


def test_message_is_emailed_without_exposing_the_recipient(
    client, pair, django_capture_on_commit_callbacks
):
    sender, recipient = pair
    recipient.profile.delivery = "immediate"
    recipient.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, recipient)
    assert response.status_code == 302
    followed = client.get(response["Location"])
    assert "rita@example.org" not in followed.content.decode()
    [email] = mail.outbox
    assert email.to == ["rita@example.org"]
    assert email.reply_to == []  # nobody's address: the answer is written on the site
    assert "sam@example.org" not in email.body
    assert "Can we talk about apprenticeships?" in email.body
    message = Message.objects.get()
    assert message.sender == sender
    assert f"/members/me/messages/{message.pk}/" in email.body
    assert recipient.notifications.get().kind == "member_message"


@pytest.mark.parametrize("delivery", ["daily", "weekly", "never"])
def test_a_message_reaches_the_inbox_as_the_recipient_chose(
    client, pair, delivery, django_capture_on_commit_callbacks
):
    sender, recipient = pair
    recipient.profile.delivery = delivery
    recipient.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, recipient, subject="Curricula").status_code == 302
    assert mail.outbox == []  # not now: in their digest, or never by email
    notice = recipient.notifications.get()
    assert (notice.kind, notice.emailed_at) == ("member_message", None)
    client.force_login(recipient)
    inbox = client.get("/members/me/messages/").content.decode()
    assert "Curricula" in inbox
    page = client.get(notice.url).content.decode()
    assert "Can we talk about apprenticeships?" in page
    assert "sam@example.org" not in page
    assert f"/members/{sender.username}/message/?subject=Re%3A%20Curricula" in page


def test_a_member_who_switched_messages_off_is_not_written_to(client, pair):
    _sender, recipient = pair
    recipient.profile.muted_kinds = ["member_message"]
    recipient.profile.save()
    response = send(client, recipient)
    assert "This member does not accept messages at the moment." in response.content.decode()
    assert Message.objects.count() == 0


def test_a_blocker_cannot_write_to_the_member_they_blocked_either(client, pair):
    _sender, recipient = pair
    client.post(f"/members/{recipient.username}/block/")
    response = send(client, recipient)
    assert "You blocked this member" in response.content.decode()
    assert Message.objects.count() == 0


def test_only_the_two_people_read_a_message(client, pair):
    sender, recipient = pair
    send(client, recipient)
    message = Message.objects.get()
    for reader, status in ((sender, 200), (recipient, 200), (UserFactory(), 404)):
        client.force_login(reader)
        assert client.get(f"/members/me/messages/{message.pk}/").status_code == status


def test_eleventh_message_in_a_day_is_refused(client, pair):
    _sender, recipient = pair
    others = UserFactory.create_batch(4)
    for index in range(10):
        assert send(client, others[index % 4], subject=f"Message {index}").status_code == 302
    response = send(client, recipient, subject="One too many")
    assert response.status_code == 200
    assert "You can send at most 10 messages a day" in response.content.decode()
    assert Message.objects.count() == 10


def test_a_fourth_message_to_the_same_member_in_a_day_is_refused(client, pair):
    _sender, recipient = pair
    for index in range(3):
        assert send(client, recipient, subject=f"Message {index}").status_code == 302
    response = send(client, recipient, subject="Again")
    assert response.status_code == 200
    assert "You have reached this member 3 times today with messages" in response.content.decode()
    assert Message.objects.count() == 3


def test_blocked_sender_cannot_message(client, pair):
    sender, recipient = pair
    client.force_login(recipient)
    client.post(f"/members/{sender.username}/block/")
    client.force_login(sender)
    profile = client.get(f"/members/{recipient.username}/").content.decode()
    assert "Send a message" not in profile
    response = send(client, recipient)
    assert "does not accept contact from you" in response.content.decode()
    assert Message.objects.count() == 0
    client.force_login(recipient)
    client.post(f"/members/{sender.username}/block/", {"action": "unblock"})
    client.force_login(sender)
    assert send(client, recipient).status_code == 302


def test_applicants_and_visitors_cannot_message(client, pair):
    _sender, recipient = pair
    client.logout()
    assert send(client, recipient).status_code == 302  # to sign in
    assert "/accounts/login/" in send(client, recipient)["Location"]
    client.force_login(ApplicantFactory())
    assert send(client, recipient).status_code == 404
    assert Message.objects.count() == 0


def test_export_holds_my_data_and_no_one_elses_address(client, pair):
    _sender, recipient = pair
    send(client, recipient)
    response = client.get("/members/me/export.json")
    assert response["Content-Disposition"] == 'attachment; filename="my-network-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "sam@example.org"
    assert data["messages_sent"][0]["to"] == "Rita Recipient"
    assert "rita@example.org" not in response.content.decode()


def test_delete_account_needs_the_password(client, pair):
    sender, _recipient = pair
    response = client.post("/members/me/delete/", {"password": "wrong"})
    assert "This is not your password." in response.content.decode()
    assert User.objects.filter(pk=sender.pk).exists()
    response = client.post("/members/me/delete/", {"password": "a-long-test-password"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=sender.pk).exists()
    assert "_auth_user_id" not in client.session


def test_organisation_list_filters(client):
    from tests.factories import OrganisationFactory

    OrganisationFactory(name="Alpha", type="tvet", country="KE")
    OrganisationFactory(name="Beta", type="academia", country="FR")
    OrganisationFactory(name="Gamma", type="tvet", country="JO", verified=True)

    def listed(query):
        return [o.name for o in client.get(f"/organisations/?{query}").context["page_obj"]]

    assert listed("type=tvet") == ["Alpha", "Gamma"]
    assert listed("region=europe-central-asia") == ["Beta"]
    assert listed("type=tvet&country=JO") == ["Gamma"]
    assert listed("verified=true") == ["Gamma"]
    assert listed("country=ZZ") == ["Alpha", "Beta", "Gamma"]


def test_export_includes_what_i_shared_in_the_showcase(client):
    from innovations.models import Comment
    from tests.factories import InnovationFactory

    me = UserFactory()
    mine = InnovationFactory(owner=me, title="My own innovation")
    Comment.objects.create(innovation=InnovationFactory(), author=me, body="My feedback")
    client.force_login(me)
    data = json.loads(client.get("/members/me/export.json").content)
    assert [i["title"] for i in data["innovations"]] == [mine.title]
    assert data["innovation_comments"][0]["comment"] == "My feedback"


def test_deleted_members_content_stays_as_former_member(client):
    from tests.factories import InnovationFactory

    me = UserFactory()
    innovation = InnovationFactory(owner=me, title="Shared work")
    client.force_login(me)
    client.post("/members/me/delete/", {"password": "a-long-test-password"})
    client.force_login(UserFactory())
    page = client.get(innovation.get_absolute_url()).content.decode()
    assert "Shared work" in page
    assert "A former member" in page
