"""An invitation's link (members.invitations): it fills in the sign-up form, makes the person
a member once they sign up (they still confirm their address), works once, and expires."""

from unittest import mock
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import mail, signing
from django.utils import timezone

from members.invitations import invitation_token, invitation_url
from members.models import Invitation, User
from network.models import AuditEntry
from tests.factories import JoinInvitationFactory, OrganisationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


@pytest.fixture
def inviter(db):
    return StaffFactory(display_name="Ines Inviter", email="ines@example.org")


@pytest.fixture
def invitation(inviter):
    organisation = OrganisationFactory(name="Dakar Skills Institute", country="SN")
    return JoinInvitationFactory(
        email="Amina@Example.org",
        name="Amina Diallo",
        organisation=organisation,
        language="fr",
        invited_by=inviter,
    )


def link(invitation) -> str:
    """The path and query of the link emailed to the invitee."""
    parts = urlsplit(invitation_url(invitation))
    return f"{parts.path}?{parts.query}"


def signup_data(invitation, **overrides):
    data = {
        "email": "amina@example.org",
        "password1": "a-strong-passphrase-42",
        "password2": "a-strong-passphrase-42",
        "display_name": "Amina Diallo",
        "organisation": invitation.organisation.pk,
        "new_organisation_name": "",
        "organisation_type": "",
        "role": "Director",
        "country": "SN",
        "motivation": "",
        "website": "",
        "invitation": invitation_token(invitation),
    }
    data.update(overrides)
    return data


def test_the_link_opens_the_sign_up_form_filled_in_in_the_invitees_language(client, invitation):
    url = link(invitation)
    assert url.startswith("/fr/accounts/signup/?invitation=")
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["email"].value() == "Amina@Example.org"
    assert form["display_name"].value() == "Amina Diallo"
    assert form["organisation"].value() == invitation.organisation.pk
    assert form["country"].value() == "SN"
    assert form.fields["motivation"].required is False  # nobody needs convincing
    assert "Ines Inviter vous a invité à rejoindre le réseau." in response.content.decode()


def test_signing_up_through_the_link_makes_a_member_approved_by_the_inviter(
    client, invitation, inviter, django_capture_on_commit_callbacks
):
    moderator = StaffFactory(email="mod@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, signup_data(invitation))
    # They still confirm their address before they can sign in.
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="amina@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert (user.status, user.language) == ("approved", "fr")
    assert user.profile.decided_by == inviter
    assert list(user.affiliations.values_list("organisation__name", "role")) == [
        ("Dakar Skills Institute", "Director")
    ]
    invitation.refresh_from_db()
    assert invitation.state == "accepted"
    assert invitation.user == user
    entry = AuditEntry.objects.get(action="application_approved")
    assert (entry.actor, entry.object_id) == (inviter, str(user.pk))
    # Welcomed as any approved member; no application for the moderators to decide.
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert "mod@example.org" not in recipients and moderator.email == "mod@example.org"
    welcome = [m for m in mail.outbox if m.to == ["amina@example.org"] and "approuvée" in m.subject]
    assert len(welcome) == 1


def test_the_link_works_once(client, invitation):
    client.post(SIGNUP, signup_data(invitation))
    client.logout()
    response = client.get(link(invitation))
    page = response.content.decode()
    assert "Cette invitation a déjà servi." in page
    assert response.context["form"]["email"].value() is None  # the ordinary, empty form
    # Sent again for another address, the token makes an ordinary application.
    client.post(SIGNUP, signup_data(invitation, email="someone@example.org", motivation="Hi."))
    assert User.objects.get(email="someone@example.org").status == "applicant"


def test_an_expired_invitation_shows_why_and_the_ordinary_sign_up(client, invitation):
    url = link(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    response = client.get(url)
    assert "Cette invitation a expiré." in response.content.decode()
    assert response.context["form"].fields["motivation"].required is True
    client.post(SIGNUP, signup_data(invitation, motivation="I train teachers."))
    assert User.objects.get(email="amina@example.org").status == "applicant"
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_a_link_older_than_invitation_days_has_expired(client, invitation, settings):
    settings.INVITATION_DAYS = 14
    fifteen_days_ago = timezone.now().timestamp() - 15 * 86400
    with mock.patch("django.core.signing.time.time", return_value=fifteen_days_ago):
        old_link = link(invitation)
    response = client.get(old_link)
    assert "Cette invitation a expiré." in response.content.decode()
    response = client.get(link(invitation))  # a link sent today works
    assert "Ines Inviter vous a invité à rejoindre le réseau." in response.content.decode()


def test_a_tampered_link_is_not_valid(client, invitation):
    other = JoinInvitationFactory(email="other@example.org")
    forged = signing.dumps({"invitation": other.pk, "email": "amina@example.org"}, salt="x")
    response = client.get(f"{SIGNUP}?invitation={forged}")
    assert "This invitation link is not valid" in response.content.decode()
    response = client.get(f"{SIGNUP}?invitation={invitation_token(invitation)[:-2]}")
    assert "This invitation link is not valid" in response.content.decode()


def test_the_invitation_is_for_its_own_address(client, invitation):
    response = client.post(SIGNUP, signup_data(invitation, email="friend@example.org"))
    assert response.status_code == 200
    assert "This invitation is for Amina@Example.org: sign up with that address." in (
        response.content.decode()
    )
    assert not User.objects.filter(email="friend@example.org").exists()


# --- the admin's list of invitations ----------------------------------------------------------
@pytest.fixture
def staff(client, inviter):
    client.force_login(inviter)
    return client


def test_the_list_shows_each_invitations_status_and_finds_by_name(staff, invitation):
    JoinInvitationFactory(name="Old Invite", expires_at=timezone.now() - timezone.timedelta(days=1))
    JoinInvitationFactory(name="Used Invite", accepted_at=timezone.now(), user=UserFactory())
    response = staff.get("/admin/members/invitation/?state=expired")
    assert [str(i.name) for i in response.context["cl"].result_list] == ["Old Invite"]
    response = staff.get("/admin/members/invitation/?q=diallo")
    assert [i.email for i in response.context["cl"].result_list] == ["Amina@Example.org"]
    page = staff.get("/admin/members/invitation/").content.decode()
    for status in ("Open", "Expired", "Accepted"):
        assert f'<td class="field-state">{status}</td>' in page


def test_send_again_gives_a_new_link_for_invitation_days(
    staff, invitation, inviter, django_capture_on_commit_callbacks, settings
):
    settings.INVITATION_DAYS = 10
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timezone.timedelta(days=1)
    )
    used = JoinInvitationFactory(accepted_at=timezone.now(), user=UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            "/admin/members/invitation/",
            {"action": "resend", "_selected_action": [invitation.pk, used.pk]},
        )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == "open"
    assert (
        timezone.timedelta(days=9)
        < invitation.expires_at - timezone.now()
        <= (timezone.timedelta(days=10))
    )
    assert [message.to for message in mail.outbox] == [["Amina@Example.org"]]
    assert AuditEntry.objects.get(action="invitation_resent").actor == inviter


def test_staff_invite_one_person_from_the_admin(staff, inviter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            "/admin/members/invitation/add/",
            {
                "email": "solo@example.org",
                "name": "Solo Person",
                "organisation": "",
                "language": "es",
            },
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="solo@example.org")
    assert (invitation.invited_by, invitation.state) == (inviter, "open")
    assert [message.to for message in mail.outbox] == [["solo@example.org"]]
    # An address with an account is refused here too.
    UserFactory(email="member@example.org")
    response = staff.post(
        "/admin/members/invitation/add/",
        {"email": "MEMBER@example.org", "name": "Member", "organisation": "", "language": "en"},
    )
    assert response.status_code == 200
    assert "An account with this address exists already." in response.content.decode()
