"""PDF documents drawn on the server: fpdf2 (pure Python) with DejaVu Sans, which ships in
network/fonts (its letters cover every Latin script, with Vietnamese and Yoruba, Greek and
Cyrillic). Nothing from the system is needed, and fpdf2 embeds only the letters a document
uses, so a page stays light on a slow line."""

from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"


def document(**options) -> FPDF:
    """An empty document (``options`` go to FPDF: orientation, format) with the font in its
    regular, bold and italic styles."""
    pdf = FPDF(**options)
    pdf.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.add_font(FONT, "I", FONTS / "DejaVuSans-Oblique.ttf")
    return pdf
