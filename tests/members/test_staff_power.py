"""Staff power needs a strong session (DESIGN §1): without a second factor a staff account,
superusers included, is the ordinary member it also is; the power comes with the second
factor, in the same session, and staff sessions end sooner."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.test import RequestFactory

from members.access import without_staff_power
from members.models import User
from tests.database import make_roles
from tests.factories import InnovationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return InnovationFactory(status="draft", title="A member's draft zq")


@pytest.mark.parametrize("superuser", [False, True])
def test_staff_without_a_second_factor_get_member_answers(client, draft, superuser):
    staff = StaffFactory(two_factor=False, is_superuser=superuser)
    client.force_login(staff)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/innovations/{draft.slug}/edit/").status_code == 404
    response = client.get("/admin/members/user/")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")
    home = client.get("/").content.decode()
    assert "your staff powers wait for two-factor authentication" in home


def test_the_same_staff_with_a_second_factor_hold_their_power(client, draft):
    client.force_login(StaffFactory())
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get("/admin/members/user/").status_code == 200
    assert "staff powers wait" not in client.get("/").content.decode()


def test_a_second_factor_but_a_session_that_did_not_use_it_is_asked_for_the_code(client, draft):
    staff = StaffFactory(two_factor=False)
    client.force_login(staff)  # signed in before the factor existed
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get(draft.get_absolute_url()).status_code == 404
    response = client.get("/admin/")
    assert response["Location"].startswith("/accounts/2fa/reauthenticate/?next=/admin/")
    assert "Enter your authentication code" in client.get("/").content.decode()


def test_setting_up_a_second_factor_brings_the_power_to_this_session(client, draft):
    staff = StaffFactory(two_factor=False)
    client.force_login(staff)
    request = RequestFactory().get("/")
    request.session = client.session
    request.user = staff
    authenticator = Authenticator.objects.create(
        user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    authenticator_added.send(
        sender=Authenticator, request=request, user=staff, authenticator=authenticator
    )
    request.session.save()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_what_a_session_without_staff_power_saves_keeps_the_account_staff(rf):
    staff = StaffFactory(two_factor=False, is_superuser=True)
    weak = without_staff_power(staff)
    assert (weak.is_staff, weak.is_superuser, weak.has_perm("members.change_user")) == (
        False, False, False
    )  # fmt: skip
    weak.display_name = "Renamed"
    weak.save()
    weak.refresh_from_db()
    assert not weak.is_staff
    stored = User.objects.get(pk=staff.pk)
    assert (stored.is_staff, stored.is_superuser, stored.display_name) == (True, True, "Renamed")


def test_staff_sessions_end_after_twelve_hours_of_inactivity(client, settings):
    settings.STAFF_SESSION_SECONDS = 12 * 3600
    # Without a second factor here, so that the password alone completes the sign-in.
    staff = StaffFactory(
        password="a-long-test-password", email="staff@example.org", two_factor=False
    )
    member = UserFactory(password="a-long-test-password", email="member@example.org")
    for user, expected in ((staff, 12 * 3600), (member, settings.SESSION_COOKIE_AGE)):
        client.logout()
        response = client.post(
            "/accounts/login/", {"login": user.email, "password": "a-long-test-password"}
        )
        assert response.status_code == 302
        client.get("/")
        assert client.session.get_expiry_age() == expected, user


# In a real transaction: allauth records the new factor in the session on commit, during the
# request, as it does in production (a test case's transaction would run it only afterwards).
@pytest.mark.django_db(transaction=True)
def test_staff_signed_in_set_up_their_factor_at_once_and_are_offered_the_way_back(client):
    """Through the real forms: signed in with the password a moment ago, a staff member sent to
    set up two-factor authentication is not asked for the password again, and once the code is
    accepted the page offers the admin page they were going to."""
    make_roles()  # the staff groups, which an earlier test's flush may have emptied
    StaffFactory(email="new.staff@example.org", two_factor=False)
    client.post(
        "/accounts/login/", {"login": "new.staff@example.org", "password": "a-long-test-password"}
    )
    going = "/admin/innovations/innovation/?status__exact=submitted"
    response = client.get(going)
    assert response["Location"] == "/accounts/2fa/totp/activate/"
    setup = client.get("/accounts/2fa/totp/activate/")
    assert setup.status_code == 200  # not the reauthentication page
    secret = client.session[SECRET_SESSION_KEY]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    done = client.post("/accounts/2fa/totp/activate/", {"code": code})
    html = client.get(done["Location"]).content.decode()  # the recovery codes, to keep
    assert "Two-factor authentication is set up." in html
    assert f'<a href="{going.replace("&", "&amp;")}">Continue where you were going</a>' in html
    assert client.get(going).status_code == 200
    # Arrived: the way back is not offered again.
    assert "Continue where you were going" not in client.get("/accounts/2fa/").content.decode()
