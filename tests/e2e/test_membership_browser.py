"""A new person signs up, confirms their email, waits as an applicant, is approved by a
moderator in the admin, and then sees the member directory — in a real browser."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import User
from tests.e2e.sessions import session_cookie
from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_signup_confirm_wait_approve_then_directory(live_server, page, browser):
    UserFactory(display_name="Members Only Person")  # profile visibility: members
    moderator = StaffFactory(is_superuser=True, email="mod@example.org")

    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email").fill("ada@example.org")
    page.locator("#id_password1").fill("a-strong-passphrase-42")
    page.get_by_label("Password (again)").fill("a-strong-passphrase-42")
    page.get_by_label("Your name").fill("Ada Applicant")
    page.get_by_label("Or name your organisation").fill("Accra Skills Lab")
    page.get_by_label("Organisation type").select_option("tvet")
    page.get_by_label("Your role").fill("Coordinator")
    page.get_by_label("Country").fill("Ghana")  # or picked from its list
    page.get_by_label("Why do you want to join?").fill("To learn from peers.")
    page.get_by_role("button", name="Apply to join").click()
    page.wait_for_url(re.compile(r".*/accounts/confirm-email/$"))

    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    link = re.search(r"http://[^/\s]+(/accounts/confirm-email/\S+)", confirmation.body).group(1)
    page.goto(live_server.url + link)
    page.get_by_role("button", name="Confirm").click()
    if "/accounts/login/" in page.url:
        page.get_by_label("Email").fill("ada@example.org")
        page.locator("#id_password").fill("a-strong-passphrase-42")
        page.get_by_role("button", name="Sign In").click()

    page.goto(live_server.url + "/members/me/")
    expect(page.get_by_text("Application under review")).to_be_visible()
    page.goto(live_server.url + "/members/")
    assert page.get_by_text("Members Only Person").count() == 0

    moderator_context = browser.new_context()
    moderator_context.add_cookies([session_cookie(moderator, live_server.url)])
    admin_page = moderator_context.new_page()
    # The moderator works from the review queue: each application opens on its motivation.
    admin_page.set_viewport_size({"width": 390, "height": 844})
    admin_page.goto(live_server.url + "/admin/moderation/")
    admin_page.get_by_role("link", name="Membership applications").click()
    admin_page.get_by_role("link", name="Ada Applicant").click()
    expect(admin_page.get_by_role("heading", name="Motivation")).to_be_visible()
    admin_page.get_by_role("button", name="Approve").click()
    expect(admin_page.get_by_text("1 applicant approved.")).to_be_visible()
    expect(admin_page.get_by_text("No application is waiting.")).to_be_visible()
    assert User.objects.get(email="ada@example.org").status == User.Status.APPROVED
    moderator_context.close()

    page.goto(live_server.url + "/members/")
    expect(page.get_by_role("link", name="Members Only Person")).to_be_visible()
    page.goto(live_server.url + "/members/me/")
    expect(page.get_by_text("Member", exact=True)).to_be_visible()
    approval = [m for m in mail.outbox if m.to == ["ada@example.org"]][-1]
    assert "approved" in approval.subject
