"""Page weight in a real browser, as a phone on a slow link would receive it (DESIGN.md §7).

Every main page is loaded cold (a new browser context, so nothing cached) at 360×740 with the
demo content, signed in as the demo member where the page needs one. For each page:

- transferred bytes, at most 15 KB: what went over the wire for every request of the page
  (response headers plus the encoded, i.e. compressed, body, from Playwright's
  ``request.sizes()``), excluding user images (avatars, covers, logos);
- at most 3 requests (user images left out as above);
- every request goes to the live server's host (127.0.0.1), none fails;
- the document's compressed HTML body is at most 14 KB (GZipMiddleware compresses it; the
  test checks that the response really is gzip-encoded).

Static files are measured as production serves them: the module runs ``collectstatic`` with
``CompressedManifestStaticFilesStorage`` into a temporary STATIC_ROOT, and WhiteNoise (not the
test server's uncompressed static handler) serves the hashed, precompressed files.

``pytest -s`` prints the table; ``WEIGHT_REPORT=path`` also writes it to that file (Markdown).
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.test.testcases import LiveServerThread

from members.models import User
from tests.database import module_live_server
from tests.e2e.sessions import session_cookie

# Each test runs in a transaction that is rolled back; the module's seeded data was committed
# before, so the server thread sees it on any database (shared in-memory SQLite or PostgreSQL).
pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.flushes_database]

KB = 1024
MAX_BYTES = 15 * KB
MAX_REQUESTS = 3
MAX_HTML_GZ = 14 * KB
VIEWPORT = {"width": 360, "height": 740}
MEMBER = "member@example.org"
# User images: served through views (never a public media URL), left out of the budget.
USER_IMAGE = re.compile(r"/(avatar|cover|logo)\.jpg$")

# (label, path, needs a signed-in member). Detail pages are the heaviest of their kind in the
# demo content.
PAGES = [
    ("home", "/", False),
    ("showcase", "/innovations/", False),
    (
        "innovation",
        "/innovations/jifunze-logbook-digital-records-for-informal-apprenticeships/",
        False,
    ),
    ("directory", "/members/", True),
    ("profile", "/members/fatou-diop/", True),
    ("events", "/events/", False),
    ("event", "/events/inclusive-apprenticeships-lagos-session/", False),
    ("mentors", "/mentoring/mentors/", True),
    ("library", "/resources/", False),
    ("resource", "/resources/quality-apprenticeships-toolkit/", False),
    ("search", "/search/?q=skills", False),
]

ROWS = []


class ProductionStaticServer(LiveServerThread):
    """The test server without its static handler: WhiteNoise serves STATIC_ROOT as in
    production (``static_handler`` wraps the WSGI application; this one returns it as is)."""

    def __init__(self, host, connections_override):
        super().__init__(
            host, static_handler=lambda application: application,
            connections_override=connections_override,
        )  # fmt: skip


@pytest.fixture(scope="module")
def site(demo_snapshot, django_db_blocker, tmp_path_factory):
    """One seeded database, compressed static files and a live server for the whole module."""
    static_root = tmp_path_factory.mktemp("staticfiles")
    media_root = tmp_path_factory.mktemp("media")
    overrides = override_settings(
        STATIC_ROOT=static_root,
        MEDIA_ROOT=media_root,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "127.0.0.1"],
    )
    overrides.enable()
    # The admin's and django-countries' flag files are never on these pages (a page that asked
    # for one would fail loudly: no manifest entry); leaving them out saves ~10 s.
    call_command(
        "collectstatic", interactive=False, verbosity=0, ignore_patterns=["admin", "flags"]
    )
    with django_db_blocker.unblock():
        demo_snapshot.commit(media_root)
        member = User.objects.get(email=MEMBER)
        try:
            with module_live_server(ProductionStaticServer) as url:
                member_cookie = session_cookie(member, url)
                yield {"url": url, "media_root": media_root, "member_cookie": member_cookie}
        finally:
            overrides.disable()
            report()


def transferred(request):
    """Bytes received for one request: the response headers plus the encoded body.

    Chromium gives no body size (a negative number) for a response it reuses, such as the
    favicon fetched again right after the same icon in the header; that one counts at its
    Content-Length (or decoded length) rather than at nothing.
    """
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    if body < 0:
        response = request.response()
        body = int(response.header_value("content-length") or len(response.body()))
    return max(sizes["responseHeadersSize"], 0) + body


def report():
    if not ROWS:
        return
    lines = [
        "| page | bytes | requests | html gz bytes |",
        "|---|---:|---:|---:|",
        *(f"| {page} | {total:,} | {count} | {html:,} |" for page, total, count, html in ROWS),
    ]
    table = "\n".join(lines)
    print(f"\nPage weight (360×740, cold cache, static as whitenoise serves it):\n{table}")
    if path := os.environ.get("WEIGHT_REPORT"):
        Path(path).write_text(table + "\n")


@pytest.mark.parametrize(("label", "path", "signed_in"), PAGES, ids=[p[0] for p in PAGES])
def test_page_weight(live, browser, label, path, signed_in):
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True)
    if signed_in:
        context.add_cookies([live["member_cookie"]])
    page = context.new_page()
    requested, finished, failed = [], [], []
    page.on("request", lambda request: requested.append(request))
    page.on("requestfinished", lambda request: finished.append(request))
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    try:
        response = page.goto(live["url"] + path, wait_until="networkidle")
        assert response.status == 200, f"{path}: {response.status}"
        assert response.url == live["url"] + path, f"{path} went to {response.url}"
        document = response.request
        html_gz = document.sizes()["responseBodySize"]
        encoding = response.header_value("content-encoding")

        elsewhere = [r.url for r in requested if urlsplit(r.url).hostname != "127.0.0.1"]
        counted = [r for r in finished if not USER_IMAGE.search(urlsplit(r.url).path)]
        weights = [(r.url.removeprefix(live["url"]), transferred(r)) for r in counted]
        total = sum(size for _, size in weights)
        broken = [
            f"{r.url}: {status}" for r in counted if (status := r.response().status) >= 400
        ]  # fmt: skip
        static = [r for r in counted if urlsplit(r.url).path.startswith(settings.STATIC_URL)]
        uncompressed = [
            r.url for r in static
            if r.url.endswith((".css", ".js")) and not r.response().header_value("content-encoding")
        ]  # fmt: skip
    finally:
        context.close()

    ROWS.append((label, total, len(counted), html_gz))
    detail = ", ".join(f"{url}={size}" for url, size in weights)
    assert elsewhere == [], f"{label}: requests to another host: {elsewhere}"
    assert failed == [] and broken == [], f"{label}: failed requests: {failed + broken}"
    assert static, f"{label}: no static file was requested (is the page styled?)"
    assert uncompressed == [], f"{label}: static files not served compressed: {uncompressed}"
    assert encoding == "gzip", f"{label}: the HTML went uncompressed ({encoding!r})"
    assert html_gz <= MAX_HTML_GZ, f"{label}: HTML is {html_gz:,} bytes compressed"
    assert len(counted) <= MAX_REQUESTS, f"{label}: {len(counted)} requests: {detail}"
    assert total <= MAX_BYTES, f"{label}: {total:,} bytes transferred: {detail}"
