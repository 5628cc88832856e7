from django import template

register = template.Library()


@register.filter
def zone_label(name: str) -> str:
    """``America/New_York`` as "America/New York"."""
    return (name or "UTC").replace("_", " ")
