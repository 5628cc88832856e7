from django import template

from network.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """``{{ text|markdown }}``: member-written Markdown as sanitised HTML."""
    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_without_page(context):
    """The current query string without ``page``, for pagination links."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    return query.urlencode()
