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


@register.simple_tag(takes_context=True)
def query_without_page(context):
    """The current query string without ``page``, for pagination links."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    return query.urlencode()
