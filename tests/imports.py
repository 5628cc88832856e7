"""Driving the admin's bulk import and export pages (network.imports) in tests, as staff do:
upload a file for the dry run, read what it says of each row, confirm, export."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

# The formats' positions in the import and export forms (network.imports.FORMATS).
CSV, XLSX = "0", "1"


def csv_file(rows: list[list], name: str = "import.csv") -> SimpleUploadedFile:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(), content_type="text/csv")


def xlsx_file(rows: list[list], name: str = "import.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def dry_run(client, changelist: str, upload, file_format: str = CSV):
    """Upload ``upload`` on the import page of the admin list at ``changelist``."""
    upload.seek(0)
    return client.post(
        f"{changelist}import/", {"resource": "0", "format": file_format, "import_file": upload}
    )


def confirm(client, changelist: str, dry_run_response):
    """Confirm the import the dry run showed (the page's hidden confirmation form)."""
    form = dry_run_response.context["confirm_form"]
    data = {name: form.initial[name] for name in ("import_file_name", "original_file_name")}
    data.update(format=form.initial["format"], resource=form.initial["resource"])
    return client.post(f"{changelist}process_import/", data)


def preview(response) -> list[tuple[int, str, str]]:
    """What the dry run says of each row: (row number, new / update / skip / refused, why),
    in the order of the file."""
    result = response.context["result"]
    rows = [(row.number, row.import_type, str(row.note)) for row in result.valid_rows()]
    for invalid in result.invalid_rows:
        reasons = [str(m) for messages in invalid.error_dict.values() for m in messages]
        rows.append((invalid.number, "refused", " ".join(reasons)))
    return sorted(rows)


def export_rows(client, changelist: str, resource_name: str, fields: list[str]) -> list[list]:
    """The CSV export of the admin list at ``changelist``, every column chosen, as rows."""
    data = {"resource": "0", "format": CSV}
    data.update({f"{resource_name.lower()}_{field}": "on" for field in fields})
    response = client.post(f"{changelist}export/", data)
    assert response.status_code == 200, response.content[:500]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
