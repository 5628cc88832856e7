"""A collection's brief as a PDF, for partners to print or pass on: its title and
introduction, then each public item with what it is, its summary, the curator's note and its
address. Drawn in the reader's language with network.pdf (pure Python, the font ships with
the app)."""

import html

from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from network.markdown import render_markdown
from network.pdf import FONT, document

TEAL = (15, 118, 110)
GREY = (75, 85, 99)


def _plain(markdown: str) -> str:
    """The text of a Markdown introduction, without its markup."""
    return html.unescape(strip_tags(render_markdown(markdown))).strip()


def collection_brief_pdf(collection, items) -> bytes:
    """The brief of ``collection`` with ``items`` (its public items, in order)."""
    pdf = document(format="A4")
    pdf.set_title(collection.title)
    pdf.set_author(settings.SITE_NAME)
    pdf.set_lang(collection.language)
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    width = pdf.epw
    pdf.set_font(FONT, "B", 10)
    pdf.set_text_color(*TEAL)
    pdf.cell(width, 6, settings.SITE_NAME, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, "B", 20)
    pdf.multi_cell(width, 9, collection.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.set_text_color(*GREY)
    today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    count = len(items)
    pdf.cell(width, 6, _("A collection for partners · %(date)s") % {"date": today},
             new_x="LMARGIN", new_y="NEXT")  # fmt: skip
    pdf.set_text_color(0, 0, 0)
    introduction = _plain(collection.description)
    if introduction:
        pdf.ln(3)
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(width, 5.5, introduction, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for number, item in enumerate(items, start=1):
        thing = item.thing
        kind = _("Resource") if item.resource_id else _("Innovation")
        url = settings.SITE_URL + thing.get_absolute_url()
        pdf.set_draw_color(*TEAL)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
        pdf.ln(2)
        pdf.set_font(FONT, "", 8)
        pdf.set_text_color(*TEAL)
        pdf.cell(width, 5, f"{number}. {kind}".upper(), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FONT, "B", 13)
        pdf.multi_cell(width, 6.5, thing.title, new_x="LMARGIN", new_y="NEXT")
        if thing.summary:
            pdf.set_font(FONT, "", 10)
            pdf.multi_cell(width, 5, thing.summary, new_x="LMARGIN", new_y="NEXT")
        if item.note:
            pdf.set_font(FONT, "I", 10)
            pdf.multi_cell(width, 5, item.note, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color(*TEAL)
        pdf.multi_cell(width, 5, url, link=url, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(3)
    pdf.set_font(FONT, "", 8)
    pdf.set_text_color(*GREY)
    address = settings.SITE_URL + collection.get_absolute_url()
    pdf.multi_cell(
        width, 4.5,
        ngettext(
            "%(count)s public item. The collection, always current: %(address)s",
            "%(count)s public items. The collection, always current: %(address)s",
            count,
        )
        % {"count": count, "address": address},
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    return bytes(pdf.output())
