"""The upload corpus: files are judged by content, bounded in size, stored under random names,
and every refusal is a clear message on the form, with what was typed kept."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape

from resources.models import Resource
from resources.uploads import check_document, sanitise_filename
from tests.factories import UserFactory
from tests.resources import files
from tests.resources.files import upload


def refusal(name, data):
    with pytest.raises(ValidationError) as caught:
        check_document(upload(name, data))
    return caught.value.messages[0]


@pytest.mark.parametrize("name", sorted(files.VALID))
def test_valid_documents_are_accepted_with_their_content_type(name):
    data, content_type = files.VALID[name]
    checked = check_document(upload(name, data))
    assert (checked.original_name, checked.content_type, checked.size) == (
        name,
        content_type,
        len(data),
    )


def test_wrong_magic_bytes_are_refused():
    assert refusal("guide.pdf", b"GIF89a not a pdf at all") == (
        "The name ends in .pdf, but the content is not a valid file of that type "
        "(PDF document). It may be damaged, or of another type."
    )
    assert refusal("report.docx", b"\x00\x01\x02\x03 random bytes") == (
        "The name ends in .docx, but the content is not a valid file of that type "
        "(Word document). It may be damaged, or of another type."
    )


def test_html_renamed_pdf_is_refused():
    assert refusal("guide.pdf", files.HTML) == (
        "The name ends in .pdf, but the file is a web page or an image (HTML, XML or SVG), "
        "which is not accepted."
    )
    # Even behind whitespace and a byte-order mark.
    assert "web page" in refusal("guide.pdf", b"\xef\xbb\xbf  \n" + files.HTML)


def test_svg_renamed_pdf_is_refused():
    assert refusal("logo.pdf", files.SVG) == (
        "The name ends in .pdf, but the file is a web page or an image (HTML, XML or SVG), "
        "which is not accepted."
    )


def test_markup_in_text_files_is_refused():
    message = (
        "This file contains web page or image markup (HTML, SVG or script), which is not "
        "accepted in a .%s file."
    )
    assert refusal("page.txt", files.HTML) == message % "txt"
    assert refusal("image.csv", files.SVG) == message % "csv"
    assert refusal("sneaky.csv", b"name,value\nx,<script>alert(1)</script>\n") == message % "csv"


def test_text_must_be_utf8_without_binary():
    assert refusal("data.csv", "région;année\n".encode("latin-1")) == (
        "This file is not UTF-8 text. Save it as UTF-8 (in Excel: “CSV UTF-8”) and upload it again."
    )
    assert refusal("notes.txt", b"abc\x00def") == (
        "This file contains binary data, which is not accepted in a .txt file."
    )


def test_a_document_renamed_to_another_type_is_refused():
    assert refusal("guide.docx", files.PDF) == (
        "The name ends in .docx, but the content is of another type (PDF document). "
        "Rename the file to .pdf or upload the right one."
    )
    assert refusal("data.csv", files.DOCX) == (
        "The name ends in .csv, but the content is of another type (Word document). "
        "Rename the file to .docx or upload the right one."
    )
    assert refusal("book.odt", files.EPUB).startswith("The name ends in .odt, but the content")


def test_zip_renamed_docx_without_ooxml_entries_is_refused():
    archive = files.zip_with({"readme.txt": "hello", "evil.exe": b"MZ\x90\x00"})
    assert refusal("report.docx", archive) == (
        "The name ends in .docx, but the content is not a valid file of that type "
        "(Word document). It may be damaged, or of another type."
    )
    # [Content_Types].xml alone is not enough: the Word part must be there.
    workbook = files.xlsx()
    assert "(Excel workbook)" in refusal("report.docx", workbook)


def test_legacy_office_needs_its_own_stream():
    installer = files.ole2("MsiDigitalSignatureEx")  # an .msi is OLE2 too
    assert "not a valid file of that type (Word 97–2003 document)" in refusal(
        "legacy.doc", installer
    )
    assert "(Excel 97–2003 workbook)" in refusal("legacy.doc", files.ole2("Workbook"))


def test_macros_are_refused():
    macro = files.zip_with(
        {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>",
         "word/vbaProject.bin": b"\x00"}
    )  # fmt: skip
    assert refusal("report.docx", macro).startswith("Documents with macros are not accepted.")


def test_empty_file_is_refused():
    assert refusal("guide.pdf", b"") == "This file is empty."


def test_oversized_file_is_refused(settings):
    settings.RESOURCE_MAX_UPLOAD_BYTES = 1024
    assert refusal("guide.pdf", b"%PDF-1.4\n" + b"0" * 2048) == (
        "This file is 2.0\xa0KB; the limit is 1.0\xa0KB."
    )


def test_the_limit_defaults_to_25_mb(settings):
    del settings.RESOURCE_MAX_UPLOAD_BYTES  # works before the setting is added, too
    from resources.uploads import max_upload_bytes

    assert max_upload_bytes() == 25 * 1024 * 1024


def test_unknown_or_missing_extensions_are_refused():
    allowed = "PDF, Word, Excel, PowerPoint, OpenDocument, EPUB, CSV or plain text"
    assert refusal("tool.exe", b"MZ\x90\x00") == (
        f"Files ending in .exe are not accepted. Upload a {allowed} file."
    )
    assert refusal("page.html", files.HTML) == (
        f"Files ending in .html are not accepted. Upload a {allowed} file."
    )
    assert (
        refusal("README", files.TXT) == f"The file name has no extension. Upload a {allowed} file."
    )


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\Windows\\system.ini.pdf", "system.ini.pdf"),
        ("C:\\Users\\me\\Guía técnica (2024).PDF", "Guía técnica (2024).pdf"),
        ('quote"s;\r\nX-Injected: 1.pdf', "quote_s_X-Injected_ 1.pdf"),
        ("  .hidden.pdf", "hidden.pdf"),
        ("/", "document"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
        ("\u202eevil\u202dfdp.exe", "evilfdp.exe"),
    ],
)
def test_file_names_are_sanitised(given, kept):
    assert sanitise_filename(given) == kept


# --- through the contribute form ------------------------------------------------------------
def form_data(**overrides):
    data = {
        "title": "Apprenticeship checklist",
        "summary": "A one-page checklist for employers.",
        "description": "Use it **before** you sign.",
        "type": "toolkit",
        "language": "en",
        "year": "2024",
        "licence": "cc-by-4.0",
        "access": "public",
        "themes": ["apprenticeships-and-work-based-learning"],
        "tags": "checklist, employers",
        "external_url": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def member_client(client, db):
    client.force_login(UserFactory())
    return client


CORPUS = {
    "wrong magic bytes": ("guide.pdf", b"GIF89a not a pdf"),
    "html renamed pdf": ("guide.pdf", files.HTML),
    "svg renamed pdf": ("logo.pdf", files.SVG),
    "empty": ("guide.pdf", b""),
    "zip renamed docx": ("report.docx", files.zip_with({"a.txt": "x"})),
    "executable": ("setup.exe", b"MZ\x90\x00"),
}


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_refused_uploads_show_the_reason_and_keep_what_was_typed(member_client, case):
    name, data = CORPUS[case]
    response = member_client.post("/resources/contribute/", form_data(upload=upload(name, data)))
    assert response.status_code == 200
    html = response.content.decode()
    errors = re.findall(r'<ul class="errorlist"[^>]*>\s*<li>(.*?)</li>', html, re.S)
    assert len(errors) == 1
    assert errors[0] == escape(refusal(name, data))
    assert "nothing has been saved yet" in html
    assert "choose it again" in html
    assert 'value="Apprenticeship checklist"' in html
    assert "Use it **before** you sign." in html
    assert 'value="checklist, employers"' in html
    assert Resource.objects.count() == 0


def test_oversized_upload_through_the_form(member_client, settings):
    settings.RESOURCE_MAX_UPLOAD_BYTES = 1000
    response = member_client.post(
        "/resources/contribute/", form_data(upload=upload("big.pdf", files.PDF + b"0" * 1000))
    )
    assert "the limit is 1000\xa0bytes." in response.content.decode()
    assert Resource.objects.count() == 0


def test_path_in_the_file_name_is_stored_under_a_random_name(member_client, settings):
    response = member_client.post(
        "/resources/contribute/", form_data(upload=upload("../../etc/passwd.pdf", files.PDF))
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert resource.original_filename == "passwd.pdf"
    assert re.fullmatch(r"private/resources/[0-9a-f]{32}", resource.file.name)
    stored = settings.MEDIA_ROOT / resource.file.name
    assert stored.read_bytes() == files.PDF
    assert not (settings.MEDIA_ROOT.parent / "etc").exists()


@pytest.mark.parametrize("name", ["guide.pdf", "report.docx", "notes.odt", "data.csv", "book.epub"])
def test_valid_uploads_are_accepted(member_client, name):
    data, content_type = files.VALID[name]
    response = member_client.post("/resources/contribute/", form_data(upload=upload(name, data)))
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert (resource.original_filename, resource.content_type, resource.file_size) == (
        name,
        content_type,
        len(data),
    )
    assert resource.file.read() == data


def test_a_file_or_a_link_but_not_both_nor_neither(member_client):
    both = member_client.post(
        "/resources/contribute/",
        form_data(upload=upload("guide.pdf", files.PDF), external_url="https://example.org/g"),
    )
    assert "Upload a file or give a link, not both." in both.content.decode()
    neither = member_client.post("/resources/contribute/", form_data())
    assert "Upload a file or give a link to the resource." in neither.content.decode()
    script = member_client.post(
        "/resources/contribute/", form_data(external_url="javascript:alert(1)")
    )
    assert "Give a web address starting with http:// or https://." in script.content.decode()
    assert Resource.objects.count() == 0
