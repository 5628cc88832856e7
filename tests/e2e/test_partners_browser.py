"""Partners without an account, in a real browser: one registers for a public demo webinar as
a guest, confirms from the email and gets the calendar file with the meeting link; another
tells a demo innovation's team they would like to fund it, and confirms from the email."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core import mail
from django.test import override_settings
from playwright.sync_api import expect

from innovations.models import VisitorInterest
from tests.database import module_live_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.flushes_database]

EVENT = "green-skills-for-the-solar-transition"
INNOVATION = "chantiers-ecoles-solaires-pour-jeunes-femmes-electriciennes"


@pytest.fixture(scope="module")
def site(demo_snapshot, django_db_blocker, tmp_path_factory):
    overrides = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    overrides.enable()
    with django_db_blocker.unblock():
        demo_snapshot.commit(settings.MEDIA_ROOT)
        try:
            with module_live_server(static_handler=StaticFilesHandler) as url:
                # The emails' links name the site's address: this server's.
                overrides_url = override_settings(SITE_URL=url)
                overrides_url.enable()
                try:
                    yield {"url": url}
                finally:
                    overrides_url.disable()
        finally:
            overrides.disable()


def test_a_visitor_registers_as_a_guest_confirms_and_gets_the_calendar(
    site, browser, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{site['url']}/events/{EVENT}/")
    page.get_by_role("link", name="Register without an account").click()
    page.get_by_label("Your name").fill("Greta Guest")
    page.get_by_label("Your email").fill("greta@partner.example")
    page.get_by_label("Organisation").fill("Partner Fund")
    # The server shares this test's transaction: its emails leave when this block ends.
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Register").click()
        expect(page.get_by_text("Almost there: we have sent you an email.")).to_be_visible()

    [email] = [m for m in mail.outbox if m.to == ["greta@partner.example"]]
    link = re.search(r"http\S+/guests/\S+/", email.body).group(0)
    page.goto(link)
    expect(page.get_by_text("One step left: confirm your registration.")).to_be_visible()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Confirm my registration").click()
        expect(page.get_by_text("Your seat is confirmed. See you there!")).to_be_visible()
    expect(page.get_by_text("Join online:")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Add to my calendar (.ics)").click()
    calendar = Path(download.value.path()).read_bytes().decode()
    assert "BEGIN:VEVENT" in calendar
    assert f"https://meet.example.org/sin-{EVENT}" in calendar.replace("\r\n ", "")
    context.close()


def test_a_visitor_tells_a_team_they_would_like_to_fund_their_innovation(
    site, browser, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site['url']}/innovations/{INNOVATION}/")
    page.get_by_role("link", name="Interested? Tell the team").click()
    page.get_by_label("Your name").fill("Farah Funder")
    page.get_by_label("Organisation").fill("Skills Foundation")
    page.get_by_label("Your email").fill("farah@foundation.example")
    page.get_by_label("Support or fund").check()
    page.get_by_label("Message to the team").fill("We could fund a second cohort.")
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_text("Almost there: we have sent you an email.")).to_be_visible()

    [email] = [m for m in mail.outbox if m.to == ["farah@foundation.example"]]
    page.goto(re.search(r"http\S+/visitors/\S+/", email.body).group(0))
    page.get_by_role("button", name="Confirm my email and send").click()
    expect(page.get_by_text("A moderator reads first messages")).to_be_visible()
    assert VisitorInterest.objects.get(email="farah@foundation.example").state == "held"
    context.close()
