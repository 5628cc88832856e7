from django import template

from network.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    """``{{ text|markdown }}``: member-written Markdown as sanitised HTML."""
    return render_markdown(text)
