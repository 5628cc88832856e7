import pytest
from allauth.mfa.models import Authenticator
from django.core import mail

from members.models import User
from tests.factories import ApplicantFactory, StaffFactory

pytestmark = pytest.mark.django_db


def with_totp(user):
    """Staff made by StaffFactory have their second factor already."""
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    return user


def test_staff_without_two_factor_cannot_reach_admin(client):
    client.force_login(StaffFactory(two_factor=False))
    for path in ("/admin/", "/admin/members/user/", "/fr/admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].endswith("/accounts/2fa/totp/activate/")


def test_staff_with_two_factor_reach_admin(client):
    client.force_login(with_totp(StaffFactory(is_superuser=True)))
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/members/user/?status__exact=applicant").status_code == 200


def test_admin_login_goes_through_the_site_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.fixture
def admin_client(client):
    client.force_login(with_totp(StaffFactory(is_superuser=True)))
    return client


def test_bulk_approve_emails_each_applicant_in_their_language(
    admin_client, django_capture_on_commit_callbacks
):
    french = ApplicantFactory(language="fr", email="fr@example.org")
    english = ApplicantFactory(language="en", email="en@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            "/admin/members/user/",
            {"action": "approve", "_selected_action": [french.pk, english.pk]},
        )
    assert response.status_code == 302
    french.refresh_from_db()
    english.refresh_from_db()
    assert (french.status, english.status) == ("approved", "approved")
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert "approuvée" in subjects["fr@example.org"]
    assert "approved" in subjects["en@example.org"]
    assert french.notifications.get().kind == "application_decided"


def test_decline_asks_for_a_reason_then_emails_it(admin_client, django_capture_on_commit_callbacks):
    applicant = ApplicantFactory(email="a@example.org")
    form = admin_client.post(
        "/admin/members/user/", {"action": "decline", "_selected_action": [applicant.pk]}
    )
    assert form.status_code == 200
    assert "Reason, sent to the applicants" in form.content.decode()
    applicant.refresh_from_db()
    assert applicant.status == User.Status.APPLICANT
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/members/user/",
            {
                "action": "decline",
                "_selected_action": [applicant.pk],
                "reason": "We could not confirm your organisation.",
            },
        )
    applicant.refresh_from_db()
    assert applicant.status == User.Status.DECLINED
    assert applicant.profile.decision_reason == "We could not confirm your organisation."
    assert "We could not confirm your organisation." in mail.outbox[0].body


def test_applicant_sees_their_status_and_not_the_directory_members(client):
    applicant = ApplicantFactory()
    client.force_login(applicant)
    assert "Application under review" in client.get("/members/me/").content.decode()
    assert client.get("/members/").context["page_obj"].paginator.count == 0
