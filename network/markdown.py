"""User text: Markdown rendered, then sanitised with nh3 (an allowlist, so nothing else gets in)."""

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "a", "h3", "h4", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str, *, nofollow: bool = True) -> SafeString:
    """Render member-written Markdown to safe HTML.

    Raw HTML in the input is escaped by nh3's allowlist; links only keep http(s)/mailto and get
    ``rel="nofollow ugc noopener"`` when ``nofollow`` (content from members is not endorsed).
    """
    if not text:
        return mark_safe("")
    html = markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html")
    rel = "nofollow ugc noopener noreferrer" if nofollow else "noopener noreferrer"
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=rel,
        strip_comments=True,
    )
    return mark_safe(cleaned)
