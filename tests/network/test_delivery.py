"""Email by preference: immediately, in a daily or weekly digest, or never — each
notification in exactly one email, digests never doubled, signed links that cannot be forged."""

import re
import threading
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from innovations.models import Follow
from network import links
from network.digests import current_period, send_digests
from network.models import Delivery, Notification
from network.notifications import notify
from tests.factories import InnovationFactory, UserFactory

pytestmark = pytest.mark.django_db


def member(delivery="daily", language="en", muted=(), discovery=False, **kwargs):
    user = UserFactory(language=language, **kwargs)
    profile = user.profile
    profile.delivery = delivery
    profile.muted_kinds = list(muted)
    profile.discovery_digest = discovery
    profile.save()
    return user


def emails_to(user):
    return [m for m in mail.outbox if m.to == [user.email]]


def test_immediate_preference_emails_each_notification_once(django_capture_on_commit_callbacks):
    user = member("immediate")
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(recipient=user, kind="member_message", message="Hello there")
    [email] = emails_to(user)
    assert email.subject == "Hello there"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    from network.tasks import email_notification

    email_notification(notification.pk)  # a retry, or a duplicate message
    assert len(emails_to(user)) == 1


@pytest.mark.parametrize(
    "delivery, muted", [("daily", ()), ("never", ()), ("immediate", ("member_message",))]
)
def test_no_immediate_email_unless_wanted(django_capture_on_commit_callbacks, delivery, muted):
    user = member(delivery, muted=muted)
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=user, kind="member_message", message="Hello")
    assert emails_to(user) == []
    assert user.notifications.count() == 1  # still shown in the app


def test_notification_is_in_the_recipients_language():
    from django.utils.translation import gettext_lazy

    user = member(language="fr")
    notify(recipient=user, kind="application_decided",
           message=gettext_lazy("Your membership application was approved."))  # fmt: skip
    assert user.notifications.get().message == "Votre demande d'adhésion a été approuvée."


def test_daily_digest_sends_pending_notifications_once_and_twice_sends_nothing():
    user = member("daily")
    other = member("weekly")
    for text in ("First thing", "Second thing"):
        notify(recipient=user, kind="innovation_comment", message=text)
    notify(recipient=other, kind="innovation_comment", message="Weekly thing")
    period = current_period("daily")
    assert send_digests(kind="daily", period=period, user_ids=[user.pk, other.pk]) == 1
    [email] = emails_to(user)
    assert "First thing" in email.body and "Second thing" in email.body
    assert emails_to(other) == []
    assert send_digests(kind="daily", period=period, user_ids=[user.pk, other.pk]) == 0
    assert len(mail.outbox) == 1
    # The next day's digest does not repeat them.
    tomorrow = current_period("daily", timezone.now() + timedelta(days=1))
    assert send_digests(kind="daily", period=tomorrow, user_ids=[user.pk]) == 0
    assert Delivery.objects.get(recipient=user, key=tomorrow).skipped is True


def test_a_digest_handed_over_again_is_the_same_message():
    user, other = member("daily"), member("daily")
    for recipient in (user, other):
        notify(recipient=recipient, kind="innovation_comment", message="News")
    period = current_period("daily")
    send_digests(kind="daily", period=period, user_ids=[user.pk, other.pk], claim="task-1")
    # The worker died after the mail server took the message, before the mark was committed:
    # the redelivered task (same claim) hands it over again, under the same Message-ID.
    Delivery.objects.filter(recipient=user).update(sent_at=None)
    Notification.objects.filter(recipient=user).update(emailed_at=None)
    send_digests(kind="daily", period=period, user_ids=[user.pk, other.pk], claim="task-1")
    first, again = emails_to(user)
    [others] = emails_to(other)
    assert first.extra_headers["Message-ID"] == again.extra_headers["Message-ID"]
    assert first.message()["Message-ID"] == first.extra_headers["Message-ID"]
    assert others.extra_headers["Message-ID"] != first.extra_headers["Message-ID"]
    tomorrow = current_period("daily", timezone.now() + timedelta(days=1))
    notify(recipient=user, kind="innovation_comment", message="More news")
    send_digests(kind="daily", period=tomorrow, user_ids=[user.pk])
    assert emails_to(user)[-1].extra_headers["Message-ID"] != first.extra_headers["Message-ID"]


def test_a_failed_send_leaves_the_digest_and_its_notifications_unsent(monkeypatch):
    from django.core.mail.backends.locmem import EmailBackend

    user = member("daily")
    notify(recipient=user, kind="innovation_comment", message="Still to come")
    period = current_period("daily")

    def refuse(self, messages):
        raise ConnectionRefusedError

    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "send_messages", refuse)
        with pytest.raises(ConnectionRefusedError):
            send_digests(kind="daily", period=period, user_ids=[user.pk], claim="task-1")
    assert Delivery.objects.get(recipient=user).sent_at is None
    assert Notification.objects.get(recipient=user).emailed_at is None
    # The retry (same task, same claim) sends it.
    assert send_digests(kind="daily", period=period, user_ids=[user.pk], claim="task-1") == 1
    assert "Still to come" in emails_to(user)[0].body


def test_daily_digest_never_repeats_what_an_immediate_email_sent(
    django_capture_on_commit_callbacks,
):
    user = member("immediate")
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=user, kind="innovation_comment", message="Already emailed")
    user.profile.delivery = "daily"
    user.profile.save()
    notify(recipient=user, kind="innovation_comment", message="Only in the digest")
    send_digests(kind="daily", period=current_period("daily"), user_ids=[user.pk])
    _immediate, digest = emails_to(user)
    assert "Already emailed" not in digest.body
    assert "Only in the digest" in digest.body


def test_weekly_discovery_digest_matches_interests_in_the_members_language():
    reader = member("never", language="es", discovery=True)
    reader.profile.interests.set(["solar"])
    bored = member("never", discovery=True)
    bored.profile.interests.set(["knitting"])
    InnovationFactory(
        title="Solar kits for TVET", facets={"country": ["CL"], "region": ["americas"]}
    ).tags.set(["solar"])
    InnovationFactory(title="Old news", published_at=timezone.now() - timedelta(days=30)).tags.set(
        ["solar"]
    )
    InnovationFactory(title="Hidden draft", status="draft", published_at=timezone.now()).tags.set(
        ["solar"]
    )
    sent = send_digests(
        kind="weekly", period=current_period("weekly"), user_ids=[reader.pk, bored.pk]
    )
    assert sent == 1
    [email] = emails_to(reader)
    assert email.subject == "Su semana en la red"
    assert "Solar kits for TVET" in email.body
    # The section, the stage and the link are in Spanish too.
    assert "Nuevas innovaciones para usted" in email.body
    assert "Seguir sus novedades" in email.body
    assert "/es/innovations/" in email.body
    assert "Old news" not in email.body and "Hidden draft" not in email.body
    html = email.alternatives[0].content
    assert "<img" not in html
    assert "/act/" in html and "/unsubscribe/" in html
    assert emails_to(bored) == []


def test_digest_reads_a_constant_number_of_queries_per_batch():
    def run(count):
        users = [member("daily") for _ in range(count)]
        for user in users:
            notify(recipient=user, kind="innovation_comment", message="x")
        with CaptureQueriesContext(connection) as queries:
            send_digests(kind="weekly", period=f"batch-{count}", user_ids=[u.pk for u in users])
            send_digests(kind="daily", period=f"batch-{count}", user_ids=[u.pk for u in users])
        return sum(1 for q in queries if q["sql"].lstrip().upper().startswith("SELECT"))

    assert run(3) == run(30)


# --- unsubscribe -------------------------------------------------------------------------
def test_one_click_unsubscribe_works_without_a_session_and_get_changes_nothing(client):
    user = member("immediate", discovery=True)
    url = links.unsubscribe_url(user).removeprefix("http://127.0.0.1:8000")
    assert client.get(url).status_code == 200
    user.profile.refresh_from_db()
    assert user.profile.delivery == "immediate"
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    user.profile.refresh_from_db()
    assert (user.profile.delivery, user.profile.discovery_digest) == ("never", False)


def test_unsubscribe_token_cannot_be_forged(client):
    victim = member("immediate")
    attacker = member("immediate")
    token = links.unsubscribe_token(attacker)
    forged = signing.dumps({"u": victim.pk, "s": "all"}, salt="wrong-salt")
    tampered = token.replace(
        token.split(":")[0], signing.b64_encode(b'{"u":%d}' % victim.pk).decode()
    )
    for bad in (forged, tampered, "nonsense"):
        assert client.post(f"/unsubscribe/{bad}/").status_code == 404
    victim.profile.refresh_from_db()
    assert victim.profile.delivery == "immediate"


# --- action links --------------------------------------------------------------------------
def action_path(user, innovation):
    return links.action_url(user, "follow_innovation", innovation.pk).removeprefix(
        "http://127.0.0.1:8000"
    )


def test_action_link_confirms_on_get_acts_on_post_once(client):
    user = member()
    innovation = InnovationFactory(title="Follow me")
    path = action_path(user, innovation)
    page = client.get(path)
    assert "Follow “Follow me”" in page.content.decode()
    assert not Follow.objects.exists()
    client.post(path)
    assert Follow.objects.filter(user=user, innovation=innovation).count() == 1
    Follow.objects.all().delete()
    replay = client.post(path)
    assert "This link was already used" in replay.content.decode()
    assert not Follow.objects.exists()


def test_action_link_is_for_one_member_and_one_action(client):
    owner_of_link = member()
    someone_else = member()
    innovation = InnovationFactory()
    path = action_path(owner_of_link, innovation)
    client.force_login(someone_else)
    assert client.post(path).status_code == 404
    token = path.split("/")[-2]
    payload = signing.loads(token, salt=links.ACTION_SALT)
    payload["a"] = "something_else"
    forged = signing.dumps(payload, salt="not-the-salt")
    assert client.post(f"/act/{forged}/").status_code == 404
    assert not Follow.objects.exists()


def test_action_link_expires(client, monkeypatch):
    user = member()
    path = action_path(user, InnovationFactory())
    later = timezone.now().timestamp() + links.ACTION_MAX_AGE + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.post(path)
    assert response.status_code == 410
    assert not Follow.objects.exists()


def test_action_link_respects_visibility(client):
    user = member()
    draft = InnovationFactory(status="draft", published_at=None)
    assert client.get(action_path(user, draft)).status_code == 404


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_digest_runs_at_the_same_time_send_each_email_once():
    users = [member("daily") for _ in range(12)]
    for user in users:
        notify(recipient=user, kind="innovation_comment", message="Concurrent")
    period = current_period("daily")
    barrier = threading.Barrier(4)
    sent = []

    def run(claim):
        try:
            barrier.wait()
            sent.append(
                send_digests(
                    kind="daily", period=period, user_ids=[u.pk for u in users], claim=claim
                )
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(f"run-{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(sent) == 12
    assert sorted(len(emails_to(u)) for u in users) == [1] * 12
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0
    assert re.search("Concurrent", mail.outbox[0].body)


def test_a_staff_member_in_the_batch_does_not_widen_what_others_get():
    from tests.factories import StaffFactory

    staff = StaffFactory()
    staff.profile.discovery_digest = True
    staff.profile.save()
    staff.profile.interests.set(["solar"])
    reader = member("never", discovery=True)
    reader.profile.interests.set(["solar"])
    InnovationFactory(
        title="Secret solar draft", status="draft", published_at=timezone.now()
    ).tags.set(["solar"])
    InnovationFactory(title="Public solar kit").tags.set(["solar"])
    send_digests(
        kind="weekly", period=current_period("weekly"), user_ids=sorted([staff.pk, reader.pk])
    )
    for email in mail.outbox:
        assert "Secret solar draft" not in email.body
    assert "Public solar kit" in emails_to(reader)[0].body


def test_a_decision_with_its_own_email_is_emailed_once_whatever_the_preference(
    django_capture_on_commit_callbacks,
):
    from members.services import application_approve
    from tests.factories import ApplicantFactory, StaffFactory

    for delivery in ("immediate", "daily"):
        mail.outbox = []
        applicant = ApplicantFactory()
        applicant.profile.delivery = delivery
        applicant.profile.save()
        with django_capture_on_commit_callbacks(execute=True):
            application_approve(user=applicant, moderator=StaffFactory())
        assert len(emails_to(applicant)) == 1, delivery
        send_digests(kind="daily", period=f"once-{delivery}", user_ids=[applicant.pk])
        assert len(emails_to(applicant)) == 1, delivery
