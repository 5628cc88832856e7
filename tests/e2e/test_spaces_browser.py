"""A member joins a chapter and starts a thread; another member replies and mentions them;
the first sees the notification, follows it, and reads the reply — in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.e2e.sessions import session_cookie
from tests.factories import SpaceFactory, SpaceMemberFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_join_a_chapter_start_a_thread_and_read_a_mention(live_server, page, browser):
    chapter = SpaceFactory(kind="chapter", region="africa", title="Africa chapter",
                           description="Skills innovators across Africa.")  # fmt: skip
    aisha = UserFactory(display_name="Aisha Bello", username="aisha")
    joseph = SpaceMemberFactory(space=chapter, user=UserFactory(display_name="Joseph Okello")).user

    page.context.add_cookies([session_cookie(aisha, live_server.url)])
    page.goto(live_server.url + "/spaces/")
    page.get_by_role("link", name="Africa chapter").click()
    page.get_by_role("button", name="Join this space").click()
    expect(page.get_by_text("Welcome to “Africa chapter”.")).to_be_visible()
    page.get_by_role("link", name="Start a thread").first.click()
    page.get_by_label("Title").fill("How do you keep masters engaged?")
    page.get_by_label("Message").fill("Our masters stop filling in logbooks after a month.")
    page.get_by_role("button", name="Post the thread").click()
    expect(page.get_by_role("heading", name="How do you keep masters engaged?")).to_be_visible()
    thread_url = page.url

    other = browser.new_context()
    other.add_cookies([session_cookie(joseph, live_server.url)])
    second = other.new_page()
    second.goto(thread_url)
    second.get_by_label("Your reply").fill("@aisha weekly SMS reminders worked for us.")
    second.get_by_role("button", name="Post my reply").click()
    expect(second.get_by_text("Your reply is up.")).to_be_visible()
    other.close()

    page.goto(live_server.url + "/notifications/")
    mention = page.get_by_role("button", name="Joseph Okello mentioned you in “How do you keep")
    expect(mention).to_be_visible()
    mention.click()
    expect(page.get_by_text("weekly SMS reminders worked for us.")).to_be_visible()
    expect(page.locator("article.comment").first).to_contain_text("Joseph Okello")
