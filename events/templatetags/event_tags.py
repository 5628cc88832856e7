from functools import lru_cache

from django import template
from django.template.defaultfilters import date, time
from django.templatetags.tz import do_timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

register = template.Library()


@register.filter
def zone_label(name: str) -> str:
    """``America/New_York`` as "America/New York"."""
    return (name or "UTC").replace("_", " ")


@register.simple_tag(takes_context=True)
def event_when(context, event, start_at=None, end_at=None):
    """When an event (or a clinic slot: ``start_at``, ``end_at``) happens: in the viewer's zone
    (``zone`` in the context; visitors: the event's own), with the event's zone beside it when
    it differs."""
    return _when(
        get_language(), context.get("zone") or "", event.timezone,
        start_at or event.starts_at, end_at or event.ends_at,
    )  # fmt: skip


# A list of twenty events formatted some two hundred dates and times, a third of the events
# listing's time. The text depends only on these values (a change of time or zone is a new
# key), so each process keeps the last few thousand.
@lru_cache(maxsize=4096)
def _when(language, zone, event_zone, starts_at, ends_at):
    here = zone or event_zone
    start, end = do_timezone(starts_at, here), do_timezone(ends_at, here)
    start_day, end_day = date(start, "Ymd"), date(end, "Ymd")
    elsewhere = bool(zone) and zone != event_zone
    html = format_html(
        '\n\n<span class="when"><time datetime="{}">{}, {}</time>–<time datetime="{}">{}{}</time>'
        "\n{} ({}{})</span>",
        date(start, "c"), date(start, "DATE_FORMAT"), time(start, "TIME_FORMAT"),
        date(end, "c"), f"{date(end, 'DATE_FORMAT')}, " if start_day != end_day else "",
        time(end, "TIME_FORMAT"),
        date(start, "T"), zone_label(here), f", {gettext('your time')}" if elsewhere else "",
    )  # fmt: skip
    if elsewhere:
        local, local_end = do_timezone(starts_at, event_zone), do_timezone(ends_at, event_zone)
        local_day, local_end_day = date(local, "Ymd"), date(local_end, "Ymd")
        html += format_html(
            '\n<span class="when-event">· {} <time datetime="{}">{}{}</time>–{}{} {} ({})</span>',
            gettext("event's time:"), date(local, "c"),
            f"{date(local, 'DATE_FORMAT')}, " if local_day != start_day else "",
            time(local, "TIME_FORMAT"),
            f"{date(local_end, 'DATE_FORMAT')}, " if local_day != local_end_day else "",
            time(local_end, "TIME_FORMAT"), date(local, "T"), zone_label(event_zone),
        )  # fmt: skip
    return html + mark_safe("\n\n")
