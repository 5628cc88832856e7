import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_home_shows_the_network_and_a_call_to_join(client):
    UserFactory.create_batch(3)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skills innovation, shared" in html
    assert 'href="/accounts/signup/"' in html
    assert re.search(r"<dt>Members</dt><dd>3</dd>", html)


def test_home_has_skip_link_main_landmark_and_language_switcher(client):
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert 'href="/fr/" hreflang="fr"' in html
    assert 'href="/es/" hreflang="es"' in html


def test_unknown_page_is_a_styled_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "site.css" in response.content.decode()


def test_unknown_page_in_french_is_a_french_404(client):
    response = client.get("/fr/pas-de-page/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_server_error_page_renders_without_context():
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("en"):
        html = render_to_string("500.html")
    assert "Something went wrong" in html


def test_robots_txt_points_at_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_sitemap_lists_home_with_language_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "<loc>http://testserver/</loc>" in xml
    assert 'hreflang="fr" href="http://testserver/fr/"' in xml


@pytest.mark.parametrize("count", [2, 20])
def test_home_runs_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    from tests.factories import InnovationFactory

    for index in range(count):
        InnovationFactory(featured=index % 2 == 0)
    client.force_login(UserFactory())
    # session, user, last-active stamp, unread count; five figures (and whether the member
    # shares the members' event count: Event.objects.same_as_every_member); featured and
    # newest innovations (+facets); next events; new resources; the dashboard's blocks (one
    # of them the member's spaces)
    with django_assert_num_queries(23):
        response = client.get("/")
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/innovations/", "/events/", "/resources/", "/members/"])
def test_folded_filters_say_how_many_apply(client, path):
    """Filters start folded (open on wide screens by CSS); their control counts the filters
    the query applies, not its page, order or tab."""
    html = client.get(path).content.decode()
    assert '<details class="filters">' in html
    assert "active)" not in html
    filtered = client.get(path, {"q": "solar", "region": "africa", "page": "1", "sort": "new"})
    assert "(2 active)" in filtered.content.decode()
