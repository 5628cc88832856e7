from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def report_url(obj):
    """The report form's address for any registered reportable object."""
    return reverse(
        "report", kwargs={"label": obj._meta.label_lower.replace(".", "-"), "pk": obj.pk}
    )
