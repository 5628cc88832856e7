"""The XSS corpus and its checker, which every app's ``test_xss.py`` relies on.

If the checker misses a trick, or the corpus holds payloads that would run nothing anyway, the
apps' tests pass for the wrong reason; these tests keep both honest.
"""

import markdown
import pytest

from network.markdown import render_markdown
from tests.security.xss import INERT_UNLESS_MISPARSED, PAYLOADS, dangerous_markup


def test_the_corpus_is_large_distinct_and_storable():
    assert len(PAYLOADS) >= 55
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    # The apps store each payload through the ORM, and PostgreSQL refuses NUL in text.
    assert not [payload for payload in PAYLOADS if "\x00" in payload]
    assert INERT_UNLESS_MISPARSED.issubset(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_is_live_without_the_sanitiser(payload):
    """Each payload runs script when echoed raw or rendered as Markdown without nh3, and the
    checker sees it: so a page that passes really did neutralise it."""
    live = dangerous_markup(payload) or dangerous_markup(markdown.markdown(payload))
    if payload in INERT_UNLESS_MISPARSED:
        assert not live, "listed as inert, but the checker finds it live: remove it from the list"
    else:
        assert live, "the checker cannot see this payload: extend the checker"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_markdown_renderer_neutralises_every_payload(payload):
    assert dangerous_markup(str(render_markdown(payload))) == []


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<!--><script>alert(1)</script>-->", "inline <script>"),
        ("<!-- x --!><img src=x onerror=alert(1)>-->", "event handler onerror"),
        ("<![CDATA[><script>alert(1)</script>]]>", "inline <script>"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">', "event handler onerror"),
        ('<xmp><p title="</xmp><script>alert(1)</script>">', "inline <script>"),
        ("<script src=//evil.example/x.js></script>", "script from '//evil.example/x.js'"),
        ("<script src=https://evil.example/x.js></script>", "script from"),
        ('<img srcset="a.png 1x, javascript:alert(1) 2x">', "srcset="),
        ('<link rel="import" href="/x.html">', "link rel=import"),
        ("<style>@import 'x.css';</style>", "<style>"),
        ('<form name="getElementById"></form>', "clobbers document"),
        ('<a id="defaultView">x</a>', "clobbers document"),
        ('<a href="java&NewLine;script:alert(1)">x</a>', "href="),
        ('<a href="javascript&colon;alert(1)">x</a>', "href="),
    ],
)
def test_the_checker_reads_html_as_a_browser_does(html, problem):
    found = dangerous_markup(html)
    assert any(problem in each for each in found), found


@pytest.mark.parametrize(
    "html",
    [
        '<script src="/static/js/forms.js" defer></script>',
        '<script type="application/ld+json">{"name": "x"}</script>',
        '<link rel="stylesheet" href="/static/css/site.css">',
        '<textarea name="body"></textarea><input name="cookie">',  # a form field's own name
        '<main id="main"><!-- a comment --><p>&lt;script&gt;</p></main>',
        '<img src="/media/a.png" srcset="/media/a.png 1x, /media/b.png 2x" alt="">',
    ],
)
def test_the_checker_accepts_the_site_own_markup(html):
    assert dangerous_markup(html) == []
