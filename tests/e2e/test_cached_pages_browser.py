"""A visitor's page from the shared cache in Chromium: its JSON-LD data block needs no nonce
(it is data, never run), so the page is the same for every visitor and the browser reports
no Content-Security-Policy violation, whether the page was just rendered or kept."""

import pytest

from tests.factories import EventFactory, InnovationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kept_pages_with_json_ld_raise_no_csp_violation(live_server, page, settings):
    settings.PAGE_CACHE_SECONDS = 300  # as in production (the suite runs with it off)
    innovation = InnovationFactory(title="Structured data zq")
    event = EventFactory(title="Structured event zq")
    violations, kept = [], []
    # Chromium reports every blocked script or style on the console ("Refused to execute ...
    # because it violates the following Content Security Policy directive").
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)  # fmt: skip
    page.on("response", lambda response: kept.append(response.headers.get("x-page-cache")))
    for url in (innovation.get_absolute_url(), event.get_absolute_url()):
        for _visit in range(2):  # rendered, then kept
            page.goto(live_server.url + url)
            data = page.locator('script[type="application/ld+json"]')
            assert data.count() == 1
            assert data.get_attribute("nonce") is None
    assert violations == []
    assert "hit" in kept
