import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_loads_and_switches_to_french(live_server, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Skills innovation, shared"
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(live_server.url + "/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    expect(page.get_by_role("link", name="Membres")).to_be_visible()
    assert all(url.startswith(live_server.url) for url in requests)
