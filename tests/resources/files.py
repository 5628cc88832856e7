"""A corpus of small files for the upload checks: valid documents and the tricks to refuse."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from resources.demo import minimal_docx, minimal_pdf

OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def ole2(stream_name: str) -> bytes:
    """A legacy Office (OLE2) container whose directory names ``stream_name``."""
    return OLE2_HEADER + stream_name.encode("utf-16-le") + b"\x00" * 200


def zip_with(entries: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xlsx() -> bytes:
    return zip_with(
        {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "_rels/.rels": ""}
    )


def minimal_opendocument(
    text: str, mimetype: str = "application/vnd.oasis.opendocument.text"
) -> bytes:
    """An OpenDocument (or, with its mimetype, an EPUB) container: ``mimetype`` first, stored."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml" if mimetype == "application/epub+zip" else "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><document><p>{escaped}</p></document>',
        )
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


PDF = minimal_pdf("A valid guide", ["One line."])
DOCX = minimal_docx("A valid Word document.")
ODT = minimal_opendocument("A valid OpenDocument text.")
ODS = minimal_opendocument("Cells", "application/vnd.oasis.opendocument.spreadsheet")
EPUB = minimal_opendocument("A valid e-book.", "application/epub+zip")
CSV = "région,année,taux\nAfrique,2024,0.61\n".encode()
TXT = b"Plain notes from the workshop.\nSecond line.\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'

VALID = {
    "guide.pdf": (PDF, "application/pdf"),
    "report.docx": (
        DOCX,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "sheet.xlsx": (xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "notes.odt": (ODT, "application/vnd.oasis.opendocument.text"),
    "cells.ods": (ODS, "application/vnd.oasis.opendocument.spreadsheet"),
    "book.epub": (EPUB, "application/epub+zip"),
    "data.csv": (CSV, "text/csv; charset=utf-8"),
    "notes.txt": (TXT, "text/plain; charset=utf-8"),
    "legacy.doc": (ole2("WordDocument"), "application/msword"),
    "legacy.xls": (ole2("Workbook"), "application/vnd.ms-excel"),
    "legacy.ppt": (ole2("PowerPoint Document"), "application/vnd.ms-powerpoint"),
}
