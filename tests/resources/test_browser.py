"""A member shares a document; a moderator declines one and approves the other in the admin;
a visitor finds the public one and downloads it; the members-only one stays out of reach —
in a real browser."""

import pytest
from playwright.sync_api import expect

from resources.models import Resource
from tests.e2e.sessions import session_cookie
from tests.factories import StaffFactory, UserFactory
from tests.resources.files import PDF

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def share(page, live_server, tmp_path, *, title, access):
    path = tmp_path / f"{title}.pdf"
    path.write_bytes(PDF)
    page.goto(live_server.url + "/resources/contribute/")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Type").select_option("guide")
    page.get_by_label("File").set_input_files(str(path))
    page.get_by_label("Green skills").check()
    page.get_by_label("Access").select_option(access)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Thank you. A moderator will review it")).to_be_visible()
    return Resource.objects.get(title=title)


def admin_action(browser, live_server, moderator, resource, action, reason=None):
    context = browser.new_context()
    context.add_cookies([session_cookie(moderator, live_server.url)])
    page = context.new_page()
    page.goto(live_server.url + "/admin/resources/resource/?status__exact=submitted")
    page.check(f'input[name="_selected_action"][value="{resource.pk}"]')
    page.select_option('select[name="action"]', action)
    page.get_by_role("button", name="Run").click()
    if reason is not None:
        page.get_by_label("Reason, sent to the contributors").fill(reason)
        page.get_by_role("button", name="Decline").click()
    page.wait_for_url("**/admin/resources/resource/**")
    context.close()


def test_share_review_find_and_download(live_server, page, browser, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    member = UserFactory(display_name="Mia Member")
    moderator = StaffFactory(is_superuser=True)
    page.context.add_cookies([session_cookie(member, live_server.url)])

    # A bad file is refused with a clear message, what was typed stays.
    bad = tmp_path / "fake.pdf"
    bad.write_bytes(b"<html><script>alert(1)</script></html>")
    page.goto(live_server.url + "/resources/contribute/")
    page.get_by_label("Title").fill("Solar kit guide")
    page.get_by_label("Type").select_option("guide")
    page.get_by_label("File").set_input_files(str(bad))
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("the file is a web page or an image")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Solar kit guide")

    public = share(page, live_server, tmp_path, title="Solar kit guide", access="public")
    members = share(page, live_server, tmp_path, title="Members workbook", access="members")
    admin_action(browser, live_server, moderator, public, "approve")
    admin_action(browser, live_server, moderator, members, "approve")
    public.refresh_from_db()
    members.refresh_from_db()
    assert (public.status, members.status) == ("published", "published")

    visitor = browser.new_context(accept_downloads=True)
    visitor_page = visitor.new_page()
    visitor_page.goto(live_server.url + "/resources/?theme=green-skills")
    expect(visitor_page.get_by_text("Members workbook")).to_have_count(0)
    visitor_page.get_by_role("link", name="Solar kit guide").click()
    with visitor_page.expect_download() as download_info:
        visitor_page.get_by_role("link", name="Download").click()
    download = download_info.value
    assert download.suggested_filename == "Solar kit guide.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == PDF
    # (Django's test live server serves MEDIA_URL on purpose; the /media/ guess is tested
    # against the real handler stack, runserver's included, in test_visibility.)
    for path in (f"/resources/{members.slug}/", f"/resources/{members.slug}/download/"):
        assert visitor_page.request.get(live_server.url + path).status == 404, path
    visitor.close()
    public.refresh_from_db()
    assert public.download_count == 1
