"""The demo member, who attended a demo session, finds their credential, downloads its PDF
certificate, and anyone opens the verification page from the certificate's QR link — in a
real browser."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test import override_settings
from playwright.sync_api import expect

from members.models import User
from tests.database import module_live_server
from tests.e2e.sessions import session_cookie
from tests.e2e.test_accessibility import AXE, AXE_RUN, BLOCKING

pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.flushes_database]

MEMBER = "member@example.org"


@pytest.fixture(scope="module")
def site(demo_snapshot, django_db_blocker, tmp_path_factory):
    overrides = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    overrides.enable()
    with django_db_blocker.unblock():
        demo_snapshot.commit(settings.MEDIA_ROOT)
        member = User.objects.get(email=MEMBER)
        try:
            with module_live_server(static_handler=StaticFilesHandler) as url:
                # The certificate's QR code and link name the site's address: this server's.
                overrides_url = override_settings(SITE_URL=url)
                overrides_url.enable()
                try:
                    yield {"url": url, "cookie": session_cookie(member, url), "member": member}
                finally:
                    overrides_url.disable()
        finally:
            overrides.disable()


def test_member_finds_the_credential_downloads_the_pdf_and_its_qr_link_verifies(site, browser):
    context = browser.new_context(accept_downloads=True)
    context.add_cookies([site["cookie"]])
    page = context.new_page()
    page.goto(site["url"] + "/credentials/")
    expect(page.get_by_role("heading", name="My credentials")).to_be_visible()
    page.get_by_role("link", name="Attended a learning session").first.click()
    expect(page.get_by_text("This credential is genuine and in force.")).to_be_visible()
    expect(page.get_by_role("link", name="Add to LinkedIn profile")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Certificate (PDF)").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    # The QR code is also a link on the certificate: the same address.
    links = re.findall(rb"/URI \((http[^)]+)\)", pdf)
    assert links, "the certificate links to its verification page"
    url = links[0].decode()
    assert url.startswith(site["url"] + "/credentials/")

    visitor_context = browser.new_context(viewport={"width": 360, "height": 740})
    visitor_context.add_init_script(path=AXE)
    visitor = visitor_context.new_page()
    visitor.goto(url)
    expect(visitor.get_by_role("heading", name="Attended a learning session")).to_be_visible()
    expect(visitor.get_by_text("This credential is genuine and in force.")).to_be_visible()
    expect(visitor.locator("dd", has_text=str(site["member"])).first).to_be_visible()
    # The verification page, like every main page, has no serious or critical axe finding.
    violations = visitor.evaluate(AXE_RUN)["violations"]
    assert [v["id"] for v in violations if v["impact"] in BLOCKING] == []
    visitor_context.close()
    context.close()
