from functools import cache
from urllib.parse import quote

from django import template
from django.template.loader import render_to_string

from network.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """``{{ text|markdown }}``: member-written Markdown as sanitised HTML."""
    return render_markdown(text)


@register.simple_tag
@cache
def logo_data_uri() -> str:
    """The logo (components/logo.svg) as a data: URI, for the header and the favicon: no
    request of its own."""
    return "data:image/svg+xml," + quote(render_to_string("components/logo.svg").strip())


# Query parameters of a list that are not filters: its page, its order, its tab.
NOT_FILTERS = frozenset({"page", "sort", "when"})


@register.simple_tag(takes_context=True)
def active_filters(context) -> int:
    """How many filters the list's query applies, for its folded "Filter (n active)" control."""
    request = context.get("request")
    if request is None:
        return 0
    return sum(
        1
        for name, values in request.GET.lists()
        if name not in NOT_FILTERS
        for value in values
        if value.strip()
    )
