"""A member drafts and submits; a moderator requests changes; the member revises and
resubmits; the moderator publishes; a visitor finds it in the showcase, the feed, the sitemap
and the export — in a real browser."""

import pytest
from playwright.sync_api import expect

from innovations.models import Innovation
from tests.e2e.sessions import session_cookie
from tests.factories import StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


BUTTONS = {
    "publish": "Publish",
    "request_changes": "Request changes",
    "reject": "Reject with a reason",
}


def run_admin_action(browser, live_server, moderator, innovation, action, note=None):
    """The moderator opens the review queue, then the innovation, and takes the decision with
    its button; the page that follows asks for the note (optional when publishing)."""
    context = browser.new_context()
    context.add_cookies([session_cookie(moderator, live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/admin/innovations/innovation/review/")
    page.get_by_role("link", name=innovation.title).click()
    page.get_by_role("button", name=BUTTONS[action]).click()
    if note is not None:
        page.get_by_label("Comments for the team").fill(note)
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/admin/innovations/innovation/review/")
    context.close()


def test_innovation_from_draft_to_showcase(live_server, page, browser):
    member = UserFactory(display_name="Ines Innovator")
    moderator = StaffFactory(is_superuser=True)
    page.context.add_cookies([session_cookie(member, live_server.url)])

    page.goto(live_server.url + "/innovations/new/")
    page.get_by_label("Title").fill("Solar installer apprenticeships")
    page.get_by_label("Summary").fill("Young people learn to install solar kits on real jobs.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Saved.")).to_be_visible()
    innovation = Innovation.objects.get()
    assert innovation.status == "draft"

    page.goto(live_server.url + f"/innovations/{innovation.slug}/edit/")
    page.get_by_label("The problem").fill("Installers are scarce in rural areas.")
    page.get_by_label("The solution").fill("A 6-month apprenticeship with local installers.")
    page.get_by_label("Stage").select_option("pilot")
    page.get_by_label("Green skills").check()
    # Countries are ticked region by region; the filter opens the region of a name typed.
    page.get_by_label("Filter the countries").fill("sénég")
    page.get_by_label("Senegal").check()
    page.get_by_label("Filter the countries").fill("mali")
    page.get_by_label("Mali", exact=True).check()
    expect(page.locator("summary", has_text="Africa")).to_contain_text("2 chosen")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Submitted. A moderator will review it")).to_be_visible()

    innovation.refresh_from_db()
    assert innovation.status == "submitted"
    run_admin_action(browser, live_server, moderator, innovation, "request_changes",
                     note="Please add the pilot's results.")  # fmt: skip
    innovation.refresh_from_db()
    assert innovation.status == "changes_requested"

    page.goto(live_server.url + f"/innovations/{innovation.slug}/edit/")
    expect(page.get_by_text("Please add the pilot's results.")).to_be_visible()
    page.get_by_label("Evidence of results").fill("**38 of 40** apprentices found work.")
    page.get_by_role("button", name="Submit for review").click()
    innovation.refresh_from_db()
    assert innovation.status == "submitted"
    run_admin_action(browser, live_server, moderator, innovation, "publish")
    innovation.refresh_from_db()
    assert innovation.status == "published"

    visitor = browser.new_context()
    visitor_page = visitor.new_page()
    visitor_page.goto(live_server.url + "/innovations/?theme=green-skills")
    visitor_page.get_by_role("link", name="Solar installer apprenticeships").click()
    expect(visitor_page.get_by_text("38 of 40")).to_be_visible()
    for path in ("/innovations/feed/", "/sitemap.xml", "/innovations/export.json"):
        response = visitor_page.request.get(live_server.url + path)
        assert response.ok
        assert f"/innovations/{innovation.slug}/" in response.text(), path
    visitor.close()
