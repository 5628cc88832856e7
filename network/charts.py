"""Charts drawn on the server as inline SVG: no script, no library, a few hundred bytes a
chart, printable, and styled by the site's stylesheet (``.chart`` in site.css).

Each chart is an image named by its title and described by its description (``role="img"``);
the table printed beneath it is its full text alternative. Two kinds: ``bars`` (one
horizontal bar per row, labels on the left) and ``columns`` (months, left to right).
"""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

WIDTH = 640
LABEL_WIDTH = 200
ROW_HEIGHT = 22
COLUMNS_HEIGHT = 180


def value_text(value, unit: str) -> str:
    """A value as a chart or table prints it: 1,234 · 12.5% · 3.5 days."""
    if not isinstance(value, int | float):
        return str(value)
    text = number_format(value, decimal_pos=1 if isinstance(value, float) else None,
                         force_grouping=True)  # fmt: skip
    return f"{text}%" if unit == "percent" else text


def chart(table, *, kind: str, title, description, ident: str):
    """The SVG of ``table`` (network.insights.Table) as ``kind``, or "" when it has nothing
    to draw. ``ident`` makes the title's and description's ids unique on the page."""
    values = [row[1] for row in table.rows if isinstance(row[1], int | float)]
    if not values or kind not in ("bars", "columns"):
        return ""
    top = max(values) or 1
    draw = _bars if kind == "bars" else _columns
    width, height, body = draw(table, top)
    return format_html(
        '<svg class="chart chart-{}" role="img" aria-labelledby="{}-title" aria-describedby="{}-desc" '
        'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        kind, ident, ident, width, height, ident, title, ident, description, body,
    )  # fmt: skip


def _bars(table, top):
    span = WIDTH - LABEL_WIDTH - 70
    rows = []
    for index, row in enumerate(table.rows):
        value = row[1] if isinstance(row[1], int | float) else 0
        y = index * ROW_HEIGHT
        rows.append(
            (
                LABEL_WIDTH - 6, y + 15, Truncator(str(row[0])).chars(30),
                LABEL_WIDTH, y + 4, max(round(span * value / top), 1 if value else 0),
                LABEL_WIDTH + max(round(span * value / top), 0) + 4, y + 15,
                value_text(row[1], table.unit),
            )
        )  # fmt: skip
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="14"></rect><text x="{}" y="{}">{}</text>',
        rows,
    )
    return WIDTH, len(table.rows) * ROW_HEIGHT + 4, body


def _columns(table, top):
    count = len(table.rows)
    left, bottom = 50, COLUMNS_HEIGHT - 24
    step = (WIDTH - left - 10) / count
    every = max(1, round(count / 8))  # about eight month labels, whatever the span
    bars, labels = [], []
    for index, row in enumerate(table.rows):
        value = row[1] if isinstance(row[1], int | float) else 0
        height = round((bottom - 10) * value / top)
        x = round(left + index * step, 1)
        bars.append((x, bottom - height, min(max(round(step * 0.8, 1), 1), 40), height))
        if index % every == 0:
            labels.append((x, bottom + 16, str(row[0])))
    body = format_html(
        '<text x="{}" y="14" text-anchor="end">{}</text><line x1="{}" y1="{}" x2="{}" y2="{}">'
        "</line>{}{}",
        left - 6, value_text(top, table.unit), left, bottom, WIDTH - 10, bottom,
        format_html_join("", '<rect x="{}" y="{}" width="{}" height="{}"></rect>', bars),
        format_html_join("", '<text x="{}" y="{}">{}</text>', labels),
    )  # fmt: skip
    return WIDTH, COLUMNS_HEIGHT, body
