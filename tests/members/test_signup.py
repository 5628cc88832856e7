import re

import pytest
from django.core import mail
from django.test import Client

from members.models import Affiliation, Organisation, User
from tests.factories import (
    ApplicantFactory,
    InnovationFactory,
    OrganisationFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"


def application(**overrides):
    data = {
        "email": "new.person@example.org",
        "password1": "a-strong-passphrase-42",
        "password2": "a-strong-passphrase-42",
        "display_name": "New Person",
        "organisation": "",
        "new_organisation_name": "Lagos Skills Lab",
        "organisation_type": "tvet",
        "role": "Trainer",
        "country": "NG",
        "motivation": "I run a digital skills lab for young women.",
        "website": "",
    }
    data.update(overrides)
    return data


def test_signup_creates_an_applicant_with_a_new_organisation(
    client, django_capture_on_commit_callbacks
):
    StaffFactory(email="mod@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, application())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="new.person@example.org")
    assert user.status == User.Status.APPLICANT
    assert user.display_name == "New Person"
    assert user.username == "new-person"
    assert user.profile.motivation == "I run a digital skills lab for young women."
    assert str(user.profile.country) == "NG"
    assert user.profile.region == "africa"
    assert user.timezone == "Africa/Lagos"  # Nigeria's first zone, a guess shown to confirm
    organisation = Organisation.objects.get(name="Lagos Skills Lab")
    assert (organisation.type, str(organisation.country), organisation.verified) == (
        "tvet", "NG", False,
    )  # fmt: skip
    assert Affiliation.objects.filter(user=user, organisation=organisation, role="Trainer").exists()
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["mod@example.org", "new.person@example.org"]
    moderator_mail = next(m for m in mail.outbox if m.to == ["mod@example.org"])
    assert "New Person" in moderator_mail.subject


def test_signup_with_an_existing_organisation(client):
    organisation = OrganisationFactory(name="Existing Institute")
    response = client.post(
        SIGNUP, application(organisation=organisation.pk, new_organisation_name="")
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert list(user.affiliations.values_list("organisation__name", flat=True)) == [
        "Existing Institute"
    ]


def test_signup_needs_an_organisation_and_keeps_what_was_typed(client):
    response = client.post(SIGNUP, application(new_organisation_name="", organisation_type=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose your organisation in the list or type its name." in html
    assert 'value="New Person"' in html
    assert "I run a digital skills lab for young women." in html
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_signup_honeypot_stops_bots(client):
    response = client.post(SIGNUP, application(website="http://spam.example"))
    assert response.status_code == 200
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_signup_refuses_short_and_common_passwords(client):
    response = client.post(SIGNUP, application(password1="short", password2="short"))
    assert "at least 10 characters" in response.content.decode()
    response = client.post(SIGNUP, application(password1="password123", password2="password123"))
    assert "too common" in response.content.decode()
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_signup_answers_the_same_for_a_known_address(client):
    UserFactory(email="known@example.org")
    known = client.post(SIGNUP, application(email="known@example.org"))
    client.logout()
    unknown = client.post(SIGNUP, application(email="unknown@example.org"))
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/confirm-email/"


def test_password_reset_answers_the_same_for_known_and_unknown(client):
    UserFactory(email="known@example.org")
    known = client.post("/accounts/password/reset/", {"email": "known@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def confirmation_path(settings) -> str:
    confirmation = next(m for m in mail.outbox if m.to == ["new.person@example.org"])
    link = re.search(
        re.escape(settings.SITE_URL) + r"(/accounts/confirm-email/\S+)", confirmation.body
    )
    return link.group(1)


def test_email_confirmation_link_verifies_the_address_and_signs_in_the_same_browser(
    client, settings
):
    client.post(SIGNUP, application())
    response = client.post(confirmation_path(settings))
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert user.emailaddress_set.get().verified is True
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_confirmation_link_opened_in_another_browser_verifies_without_signing_in(
    client, settings
):
    client.post(SIGNUP, application())
    elsewhere = Client()
    response = elsewhere.post(confirmation_path(settings))
    assert response.status_code == 302
    assert User.objects.get(email="new.person@example.org").emailaddress_set.get().verified
    assert "_auth_user_id" not in elsewhere.session


def test_eleventh_failed_login_within_a_minute_is_refused(client):
    UserFactory(email="target@example.org")
    for attempt in range(10):
        response = client.post(
            "/accounts/login/", {"login": f"someone{attempt}@example.org", "password": "wrong"}
        )
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post(
        "/accounts/login/", {"login": "target@example.org", "password": "a-long-test-password"}
    )
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("filled", ["https://spam.example", "\x00", "x" * 5000])
def test_a_filled_honeypot_is_refused_with_a_message_whatever_it_holds(client, filled):
    response = client.post(SIGNUP, application(website=filled))
    assert response.status_code == 200
    assert "We could not process this sign-up." in response.content.decode()
    assert not User.objects.filter(email="new.person@example.org").exists()


def country_input(html) -> str:
    return re.search(r'<input type="text" name="country"[^>]*>', html).group(0)


def test_no_country_is_chosen_for_the_applicant(client):
    html = client.get(SIGNUP).content.decode()
    assert "value=" not in country_input(html)  # empty, and nothing selected in its list
    assert '<option value="Ghana">' in html
    response = client.post(SIGNUP, application(country=""))
    assert response.status_code == 200
    assert response.context["form"].errors["country"] == ["This field is required."]
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_the_guessed_time_zone_is_shown_to_confirm_or_change(client):
    client.post(SIGNUP, application(country="KE"))
    user = User.objects.get(email="new.person@example.org")
    client.force_login(user)
    for path in ("/", "/members/me/"):
        html = client.get(path).content.decode()
        assert "Times are shown to you in Africa/Nairobi, guessed from your country." in html
        assert 'href="/members/me/edit/#id_preferences-timezone"' in html


def test_a_rate_limited_sign_up_gets_a_page_that_explains_and_keeps_what_was_typed(
    client, settings
):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/h/ip"}
    assert client.post(SIGNUP, application()).status_code == 302
    client.logout()
    response = client.post(
        SIGNUP, application(email="second@example.org", display_name="Second Trainee")
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many attempts" in html
    assert "Please wait a few minutes, then try again." in html
    assert '<form method="post" action="/accounts/signup/"' in html
    assert 'value="second@example.org"' in html
    assert 'value="Second Trainee"' in html
    assert "I run a digital skills lab for young women." in html
    assert "a-strong-passphrase-42" not in html  # passwords are never kept
    assert not User.objects.filter(email="second@example.org").exists()
    french = client.post(
        "/fr" + SIGNUP, application(email="third@example.org"), HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert french.status_code == 429
    assert "Trop de tentatives" in french.content.decode()


def test_an_applicant_refused_is_told_their_application_is_waiting(client):
    innovation = InnovationFactory()
    client.force_login(ApplicantFactory())
    response = client.post(f"/innovations/{innovation.slug}/endorse/")
    assert response.status_code == 403
    assert "your application is waiting for a moderator" in response.content.decode()
    client.force_login(UserFactory(status=User.Status.DECLINED))
    declined = client.post(f"/innovations/{innovation.slug}/endorse/").content.decode()
    assert "your application was not approved" in declined
    assert 'href="/members/me/"' in declined
    client.force_login(UserFactory())
    other = client.post(f"/innovations/{innovation.slug}/archive/")  # not theirs
    assert other.status_code == 403
    assert "You do not have permission to do this." in other.content.decode()


@pytest.mark.parametrize(
    "prefix, typed, code",
    [
        ("", "Ghana", "GH"),
        ("", "  cote d'ivoire ", "CI"),  # whatever the case, accents and spaces
        ("", "gh", "GH"),  # an ISO code
        ("/fr", "Côte d’Ivoire", "CI"),
        ("/fr", "allemagne", "DE"),
        ("/fr", "Germany", "DE"),  # English, whatever the page's language
        ("/es", "Perú", "PE"),
        ("/es", "Estados Unidos", "US"),
    ],
)
def test_the_applicant_types_their_country_by_name_or_code(client, prefix, typed, code):
    response = client.post(prefix + SIGNUP, application(country=typed))
    assert response.status_code == 302
    assert str(User.objects.get(email="new.person@example.org").profile.country) == code


def test_the_country_list_is_in_the_page_language(client):
    html = client.get("/fr" + SIGNUP, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<option value="Allemagne">' in html
    assert country_input(html).count('list="id_country_list"') == 1
    assert '<datalist id="id_country_list">' in html


def test_an_unknown_country_is_refused_with_a_message_and_kept_to_correct(client):
    response = client.post(SIGNUP, application(country="Narnia"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a country from the list, or type its name in full." in html
    assert 'value="Narnia"' in country_input(html)
    assert 'aria-invalid="true"' in country_input(html)
    assert not User.objects.filter(email="new.person@example.org").exists()
