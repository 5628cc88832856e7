"""The one-page PDF certificate of a credential, in its holder's language, with a QR code to
its verification page. fpdf2 and segno are pure Python: nothing from the system is needed.

fpdf2's built-in fonts cover Latin-1 only (no font files shipped): letters outside it are
written without their accents (``Nguyễn`` as ``Nguyen``), or as ``?``."""

import io
import unicodedata

import segno
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from credentials import urls_abs


def _latin1(text: str) -> str:
    text = str(text).replace("“", '"').replace("”", '"').replace("’", "'").replace("–", "-")
    out = []
    for char in text:
        try:
            char.encode("latin-1")
            out.append(char)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
            out.append(base[:1] or "?")
    return "".join(out)


def certificate_pdf(credential) -> bytes:
    language = credential.member.language or settings.LANGUAGE_CODE
    verify_url = urls_abs.credential_id(credential.public_id)
    with translation.override(language):
        texts = credential.achievement.in_language(translation.get_language())
        pdf = FPDF(orientation="landscape", format="A4")
        pdf.set_title(_latin1(texts["name"]))
        pdf.set_author(_latin1(settings.SITE_NAME))
        pdf.set_auto_page_break(False)
        pdf.add_page()
        pdf.set_draw_color(15, 118, 110)
        pdf.set_line_width(1.5)
        pdf.rect(10, 10, 277, 190)
        pdf.set_y(28)
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 8, _latin1(settings.SITE_NAME), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 12)
        pdf.cell(0, 10, _latin1(_("This certifies that")), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "B", 26)
        pdf.cell(
            0, 16, _latin1(credential.recipient_name), align="C", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_font("Helvetica", "", 12)
        pdf.cell(0, 10, _latin1(_("has earned")), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "B", 20)
        pdf.multi_cell(0, 10, _latin1(texts["name"]), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.set_x(30)
        pdf.multi_cell(
            237, 6, _latin1(texts["description"]), align="C", new_x="LMARGIN", new_y="NEXT"
        )
        if credential.occasion_label:
            pdf.ln(2)
            pdf.set_font("Helvetica", "I", 11)
            pdf.multi_cell(
                0, 6, _latin1(credential.occasion_label), align="C", new_x="LMARGIN", new_y="NEXT"
            )
        pdf.set_xy(25, 160)
        pdf.set_font("Helvetica", "", 10)
        issued = formats.date_format(credential.issued_at, "DATE_FORMAT")
        pdf.multi_cell(
            170,
            6,
            _latin1(
                _("Issued on %(date)s by %(issuer)s.")
                % {"date": issued, "issuer": settings.SITE_NAME}
                + "\n"
                + _("Scan the code or open this address to check it:")
                + "\n"
                + verify_url
            ),
        )
        qr = segno.make(verify_url, error="m")
        image = io.BytesIO()
        qr.save(image, kind="png", scale=6, border=2)
        image.seek(0)
        pdf.image(
            image, x=232, y=145, w=40, h=40, alt_text=_latin1(_("QR code to the verification page"))
        )
        pdf.link(232, 145, 40, 40, verify_url)
    return bytes(pdf.output())
