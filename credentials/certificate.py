"""The one-page PDF certificate of a credential, in its holder's language, with a QR code to
its verification page. fpdf2 and segno are pure Python and the font ships with the app
(network.pdf): nothing from the system is needed."""

import io

import segno
from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from credentials import urls_abs
from network.pdf import FONT, document


def certificate_pdf(credential) -> bytes:
    language = credential.member.language or settings.LANGUAGE_CODE
    verify_url = urls_abs.credential_id(credential.public_id)
    with translation.override(language):
        texts = credential.achievement.in_language(translation.get_language())
        pdf = document(orientation="landscape", format="A4")
        pdf.set_title(texts["name"])
        pdf.set_author(settings.SITE_NAME)
        pdf.set_auto_page_break(False)
        pdf.add_page()
        pdf.set_draw_color(15, 118, 110)
        pdf.set_line_width(1.5)
        pdf.rect(10, 10, 277, 190)
        pdf.set_y(28)
        pdf.set_font(FONT, "B", 14)
        pdf.cell(0, 8, settings.SITE_NAME, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 12)
        pdf.cell(0, 10, _("This certifies that"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "B", 26)
        pdf.cell(0, 16, credential.recipient_name, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 12)
        pdf.cell(0, 10, _("has earned"), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "B", 20)
        pdf.multi_cell(0, 10, texts["name"], align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 11)
        pdf.set_x(30)
        pdf.multi_cell(237, 6, texts["description"], align="C", new_x="LMARGIN", new_y="NEXT")
        if credential.occasion_label:
            pdf.ln(2)
            pdf.set_font(FONT, "I", 11)
            pdf.multi_cell(
                0, 6, credential.occasion_label, align="C", new_x="LMARGIN", new_y="NEXT"
            )
        pdf.set_xy(25, 160)
        pdf.set_font(FONT, "", 10)
        issued = formats.date_format(credential.issued_at, "DATE_FORMAT")
        pdf.multi_cell(
            170,
            6,
            _("Issued on %(date)s by %(issuer)s.") % {"date": issued, "issuer": settings.SITE_NAME}
            + "\n"
            + _("Scan the code or open this address to check it:")
            + "\n"
            + verify_url,
        )
        qr = segno.make(verify_url, error="m")
        image = io.BytesIO()
        qr.save(image, kind="png", scale=6, border=2)
        image.seek(0)
        pdf.image(image, x=232, y=145, w=40, h=40, alt_text=_("QR code to the verification page"))
        pdf.link(232, 145, 40, 40, verify_url)
    return bytes(pdf.output())
