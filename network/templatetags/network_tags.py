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
