"""Uploaded documents: judged by their content (magic bytes), not by their name.

The allowlist is PDF, Word/Excel/PowerPoint (OOXML and legacy OLE2), OpenDocument text,
spreadsheet and presentation, EPUB, CSV and plain text. The extension must agree with what
the content is; the size is bounded by ``settings.RESOURCE_MAX_UPLOAD_BYTES``; the original
name is kept, sanitised, as metadata only (the stored name is random, see models).
"""

import re
import unicodedata
import zipfile
from codecs import getincrementaldecoder
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024
CHUNK = 64 * 1024

# extension: (content type, what people call it)
DOCUMENT_TYPES = {
    "pdf": ("application/pdf", gettext_lazy("PDF document")),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        gettext_lazy("Word document"),
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        gettext_lazy("Excel workbook"),
    ),
    "pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        gettext_lazy("PowerPoint presentation"),
    ),
    "doc": ("application/msword", gettext_lazy("Word 97–2003 document")),
    "xls": ("application/vnd.ms-excel", gettext_lazy("Excel 97–2003 workbook")),
    "ppt": ("application/vnd.ms-powerpoint", gettext_lazy("PowerPoint 97–2003 presentation")),
    "odt": ("application/vnd.oasis.opendocument.text", gettext_lazy("OpenDocument text")),
    "ods": (
        "application/vnd.oasis.opendocument.spreadsheet",
        gettext_lazy("OpenDocument spreadsheet"),
    ),
    "odp": (
        "application/vnd.oasis.opendocument.presentation",
        gettext_lazy("OpenDocument presentation"),
    ),
    "epub": ("application/epub+zip", gettext_lazy("EPUB e-book")),
    "csv": ("text/csv; charset=utf-8", gettext_lazy("CSV table")),
    "txt": ("text/plain; charset=utf-8", gettext_lazy("plain text file")),
}
ACCEPT = ",".join(f".{extension}" for extension in DOCUMENT_TYPES)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# The stream each legacy Office format must hold, as stored in an OLE2 directory (UTF-16LE).
OLE2_STREAMS = {
    "doc": ["WordDocument"],
    "xls": ["Workbook", "Book"],
    "ppt": ["PowerPoint Document"],
}
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ZIP_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/epub+zip": "epub",
}
# Text that a browser (or a careless viewer) would treat as markup or script.
MARKUP_MARKERS = ("<script", "<svg", "<html", "<!doctype", "<iframe", "<object", "<embed", "<body")
MAX_ZIP_ENTRIES = 20_000


@dataclass(frozen=True)
class CheckedDocument:
    """An upload that passed every check, with what the download view needs to serve it."""

    upload: object
    original_name: str
    extension: str
    content_type: str
    size: int


def max_upload_bytes() -> int:
    return getattr(settings, "RESOURCE_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def allowed_list() -> str:
    return _("PDF, Word, Excel, PowerPoint, OpenDocument, EPUB, CSV or plain text")


def sanitise_filename(name: str) -> str:
    """The last path component, in safe characters, at most 120 long, extension kept.

    ``../../etc/passwd.pdf`` becomes ``passwd.pdf``; ``C:\\Users\\me\\Guía técnica.pdf``
    becomes ``Guía técnica.pdf``. Never empty: a name with nothing left becomes ``document``.
    """
    name = unicodedata.normalize("NFKC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    name = re.sub(r"[^\w.\- ()\[\],+&']", "_", name)
    name = re.sub(r"\s+", " ", name).strip(" ._")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    stem = stem.strip(" ._")[: 120 - len(extension) - 1].strip(" ._") or "document"
    return f"{stem}.{extension}" if extension else stem


def _read_head(upload, size: int) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _contains_any(upload, needles: list[bytes]) -> bool:
    """Whether the file holds one of ``needles`` anywhere (read in chunks, with overlap)."""
    overlap = max(len(needle) for needle in needles) - 1
    upload.seek(0)
    tail = b""
    try:
        while chunk := upload.read(CHUNK):
            window = tail + chunk
            if any(needle in window for needle in needles):
                return True
            tail = window[-overlap:]
    finally:
        upload.seek(0)
    return False


def _detect_ole2(upload) -> str | None:
    for extension, streams in OLE2_STREAMS.items():
        if _contains_any(upload, [name.encode("utf-16-le") for name in streams]):
            return extension
    return None


def _detect_zip(upload) -> str:
    """Which zip-based format this is: docx/xlsx/pptx, odt/ods/odp, epub, or "" if none."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                return ""
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" in names:
                if "word/vbaProject.bin" in names or any(
                    name.endswith("vbaProject.bin") for name in names
                ):
                    raise ValidationError(
                        _(
                            "Documents with macros are not accepted. Save it without macros "
                            "(for example as .docx, .xlsx or .pptx) and upload it again."
                        ),
                        code="macros",
                    )
                for extension, folder in OOXML_FOLDERS.items():
                    if any(name.startswith(folder) for name in names):
                        return extension
                return ""
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size > 100:
                    return ""
                mimetype = archive.read(info).decode("ascii", "replace").strip()
                extension = ZIP_MIMETYPES.get(mimetype, "")
                if extension in {"odt", "ods", "odp"} and any(
                    name.startswith(("Basic/", "Scripts/")) for name in names
                ):
                    raise ValidationError(
                        _(
                            "Documents with macros are not accepted. Save it without macros "
                            "and upload it again."
                        ),
                        code="macros",
                    )
                return extension
            return ""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, RuntimeError, ValueError):
        return ""
    finally:
        upload.seek(0)


def _check_text(upload, extension: str) -> None:
    """CSV and plain text: UTF-8, no NUL bytes, and nothing a browser would run as markup."""
    head = _read_head(upload, 1024)
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    lowered = head.lower()
    if start.startswith(b"<") or any(marker.encode() in lowered for marker in MARKUP_MARKERS):
        raise ValidationError(
            _(
                "This file contains web page or image markup (HTML, SVG or script), which is "
                "not accepted in a .%(extension)s file."
            )
            % {"extension": extension},
            code="markup",
        )
    decoder = getincrementaldecoder("utf-8")()
    upload.seek(0)
    try:
        while chunk := upload.read(CHUNK):
            if b"\x00" in chunk:
                raise ValidationError(
                    _(
                        "This file contains binary data, which is not accepted in a .%(extension)s file."
                    )
                    % {"extension": extension},
                    code="binary",
                )
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise ValidationError(
            _(
                "This file is not UTF-8 text. Save it as UTF-8 (in Excel: “CSV UTF-8”) "
                "and upload it again."
            ),
            code="encoding",
        ) from None
    finally:
        upload.seek(0)


def _mismatch(extension: str, detected: str) -> ValidationError:
    if detected:
        message = _(
            "The name ends in .%(extension)s, but the content is of another type "
            "(%(detected)s). Rename the file to .%(detected_extension)s or upload the right one."
        ) % {
            "extension": extension,
            "detected": DOCUMENT_TYPES[detected][1],
            "detected_extension": detected,
        }
    else:
        message = _(
            "The name ends in .%(extension)s, but the content is not a valid file of that type "
            "(%(kind)s). It may be damaged, or of another type."
        ) % {"extension": extension, "kind": DOCUMENT_TYPES[extension][1]}
    return ValidationError(message, code="mismatch")


def detect(upload) -> str:
    """The extension matching what the content is, or "" when it is none of the allowed types.

    Text types have no signature; they are checked separately (``_check_text``).
    """
    head = _read_head(upload, 8)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        return _detect_ole2(upload) or ""
    if head.startswith(ZIP_MAGIC):
        return _detect_zip(upload)
    return ""


def check_document(upload, *, max_bytes: int | None = None) -> CheckedDocument:
    """Return the checked document, or raise ValidationError with a message for the form."""
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    name = sanitise_filename(getattr(upload, "name", ""))
    size = upload.size
    if size == 0:
        raise ValidationError(_("This file is empty."), code="empty")
    if size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = name.rpartition(".")[2] if "." in name else ""
    if extension not in DOCUMENT_TYPES:
        if extension:
            message = _(
                "Files ending in .%(extension)s are not accepted. Upload a %(allowed)s file."
            )
        else:
            message = _("The file name has no extension. Upload a %(allowed)s file.")
        raise ValidationError(
            message % {"extension": extension, "allowed": allowed_list()}, code="extension"
        )
    content_type = DOCUMENT_TYPES[extension][0]
    if extension in {"csv", "txt"}:
        detected = detect(upload)
        if detected:
            raise _mismatch(extension, detected)
        _check_text(upload, extension)
    else:
        head = _read_head(upload, 1024)
        if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<"):
            raise ValidationError(
                _(
                    "The name ends in .%(extension)s, but the file is a web page or an image "
                    "(HTML, XML or SVG), which is not accepted."
                )
                % {"extension": extension},
                code="markup",
            )
        detected = detect(upload)
        if detected != extension:
            raise _mismatch(extension, detected)
    upload.seek(0)
    return CheckedDocument(
        upload=upload,
        original_name=name,
        extension=extension,
        content_type=content_type,
        size=size,
    )
