"""User text: Markdown rendered, then sanitised with nh3 (an allowlist, so nothing else gets in)."""

import threading
from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "a", "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# A converter is built once per thread and reset between texts (nothing of one text, such
# as its reference links, carries over): building one for each text, its parsers, patterns
# and extensions, took about 40% of a short text's time, 7 ms of a page of twenty bios.
_local = threading.local()


def _converter() -> markdown_lib.Markdown:
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = _local.converter = markdown_lib.Markdown(
            extensions=["sane_lists"], output_format="html"
        )
    return converter.reset()


def render_markdown(text: str, *, nofollow: bool = True) -> SafeString:
    """Render member-written Markdown to safe HTML.

    Raw HTML in the input is escaped by nh3's allowlist; links only keep http(s)/mailto and get
    ``rel="nofollow ugc noopener"`` when ``nofollow`` (content from members is not endorsed).
    The same text gives the same HTML, so short texts (bios, summaries, comments), rendered
    on every card of every page, are kept rendered in each process.
    """
    if not text:
        return mark_safe("")
    if len(text) <= KEPT_LENGTH:
        return mark_safe(_kept(text, nofollow))
    return mark_safe(_render(text, nofollow))


# Up to 1,024 texts of at most 2,000 characters: a few megabytes a process at most.
KEPT_LENGTH = 2000


@lru_cache(maxsize=1024)
def _kept(text: str, nofollow: bool) -> str:
    return _render(text, nofollow)


def _render(text: str, nofollow: bool) -> str:
    html = _converter().convert(text)
    rel = "nofollow ugc noopener noreferrer" if nofollow else "noopener noreferrer"
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=rel,
        strip_comments=True,
    )
