"""Malformed query strings on every list and search page: a clear page, never a 500.

People share and edit addresses by hand, bots try anything, and old links carry filters that no
longer exist. Every list, search, feed and export answers such a query with 200 (the page, with
the bad part ignored or explained) or 400, never a server error; an HTML page still renders its
main landmark. The same queries run on PostgreSQL in CI, where NUL bytes and over-long values
reach the database differently.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from network.models import Notification
from tests.factories import (
    AffiliationFactory,
    CollectionFactory,
    EventFactory,
    InnovationFactory,
    MentorProfileFactory,
    ResourceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LONG = "x" * 10_000
BAD_QUERIES = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=1.5",
    "page=99999999999999999999",
    "page=%00",
    "page=1&page=2&page=abc",
    "country=XX",
    "country=xx&country=KE",
    "region=nowhere",
    "theme=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "foo=bar",
    "foo=bar&foo=baz&q=a&q=b",
    f"q={LONG}",
    f"tag={LONG}",
    f"{LONG}={LONG}",
    "q=" + "é" * 5_000,
    "q=%00",
    "q=a%00b",
    "%00=%00",
    "q=%ff%fe",
    "theme=%ff%fe&region=%c3%28",
    "sort=drop%20table",
    "sort=-pk",
    "sort=%00",
    "start=2026-13-45",
    "month=2026-13",
    "month=9999-99",
    "month=%00",
    "year=abc",
    "year=-1",
    "year=99999999999999999999",
    "year=1e309",
    "when=%00",
    "when=everything",
    "expertise=%00&expertise=x",
    "open_to_mentor=maybe",
    "verified=%00",
    "type=%00&stage=%00&sdg=99&target=%00&seeking=%00",
    "organisation=%00",
    "language=%ff",
    "q=%25%27%22%5C%3B--",
    "q=*&q=%5B",
    "&&&==&=&",
    "q",
    "%",
    "%zz=%zz",
    "+" * 200,
]
# Values tried on every parameter a page's own forms offer (so new filters are covered too).
HOSTILE_VALUES = ["a%00b", "%ff%fe", LONG, "99999999999999999999"]

PUBLIC = [
    "/",
    "/innovations/",
    "/innovations/tags/",
    "/members/",
    "/organisations/",
    "/resources/",
    "/resources/collections/",
    "/events/",
    "/mentoring/mentors/",
    "/search/",
    "/innovations/feed/",
    "/innovations/export.csv",
    "/innovations/export.json",
]
SIGNED_IN_ONLY = ["/notifications/", "/innovations/mine/", "/resources/mine/"]
NOT_HTML = {"/innovations/tags/", "/innovations/feed/", "/innovations/export.csv",
            "/innovations/export.json"}  # fmt: skip
MAIN = '<main id="main"'


@pytest.fixture
def member(db):
    """A member in a network with something on every list."""
    user = UserFactory(display_name="Query Tester")
    AffiliationFactory(user=user)
    owner = UserFactory()
    InnovationFactory(owner=owner)
    InnovationFactory(owner=user, visibility="members")
    soon = timezone.now() + timedelta(days=3)
    EventFactory(starts_at=soon, ends_at=soon + timedelta(hours=1))
    past = timezone.now() - timedelta(days=30)
    EventFactory(starts_at=past, ends_at=past + timedelta(hours=1))
    ResourceFactory(contributor=user, publisher_type="member")
    CollectionFactory()
    MentorProfileFactory()
    Notification.objects.create(recipient=user, kind="member_message", message="Hello")
    return user


def parameters_offered(html: str) -> set[str]:
    """The names of the fields the page's own forms send."""
    names = set(re.findall(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', html))
    return names - {"csrfmiddlewaretoken", "next", "action"}


def _body(response) -> bytes:
    return b"".join(response) if response.streaming else response.content


def _check(client, path, query):
    response = client.get(f"{path}?{query}")
    where = f"{path}?{query[:80]}"
    assert response.status_code in (200, 400), (where, response.status_code)
    body = _body(response)
    if response.status_code == 200 and path not in NOT_HTML:
        assert MAIN in body.decode(), where
    return response


def _walk(client, path):
    first = client.get(path)
    assert first.status_code == 200, path
    queries = list(BAD_QUERIES)
    if path not in NOT_HTML:
        for name in sorted(parameters_offered(first.content.decode())):
            queries += [f"{name}={value}" for value in HOSTILE_VALUES]
    for query in queries:
        _check(client, path, query)


@pytest.mark.parametrize("path", PUBLIC)
def test_signed_out_pages_survive_malformed_queries(client, member, path):
    _walk(client, path)


@pytest.mark.parametrize("path", PUBLIC + SIGNED_IN_ONLY)
def test_signed_in_pages_survive_malformed_queries(client, member, path):
    client.force_login(member)
    _walk(client, path)


def test_the_walk_reaches_the_filters(client, member):
    """The walk really covers the filters: the pages offer them as parameters."""
    client.force_login(member)
    offered = parameters_offered(client.get("/innovations/").content.decode())
    assert {"q", "theme", "region", "country"} <= offered
    offered = parameters_offered(client.get("/resources/").content.decode())
    assert {"q", "type", "year"} <= offered


def test_a_bad_page_number_still_shows_results(client, member):
    """Out-of-range or garbage page numbers fall back to a real page of results."""
    for query in ["page=abc", "page=0", "page=-1", "page=99999999999999999999"]:
        response = client.get(f"/innovations/?{query}")
        assert response.status_code == 200
        assert "Innovation" in response.content.decode(), query
