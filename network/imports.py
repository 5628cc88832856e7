"""Bulk import and export in the admin (django-import-export), as every app's staff use it.

One behaviour for every model that staff import (organisations, resources, invitations):

- a dry run first, which shows row by row what will be created, updated, skipped (with why)
  or refused (with the reason), and changes nothing; confirming imports the rows that are not
  refused;
- rows are found again by a natural key (a name, a slug, an address), and a row that would
  change nothing is skipped: the same file twice changes nothing;
- columns are checked as a form would (choices, country codes, lists), with translated
  reasons; a refused row is left out, the others go in;
- every real import is in the audit log (``import_<model>``, with its counts);
- exports have the same columns, so an export is a file the import takes back. Cells that
  a spreadsheet would read as a formula are exported with a leading apostrophe, which the
  import takes off again.

Each app declares its ``ModelResource`` subclasses in its own ``imports.py``; the admin mixin
below adds the pages to a ``ModelAdmin``.
"""

from django.contrib import messages
from django.core.exceptions import MultipleObjectsReturned, ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import resources, widgets
from import_export.admin import ImportExportMixin
from import_export.formats import base_formats
from import_export.results import RowResult

from network.forms import clean_link, clean_tags
from network.moderation import audit
from network.utils import spreadsheet_safe, spreadsheet_unsafe

# CSV and XLSX are what staff keep lists in; TSV and JSON cost nothing more.
FORMATS = [base_formats.CSV, base_formats.XLSX, base_formats.TSV, base_formats.JSON]

# Lists in one cell (themes, tags) are separated by semicolons, as in the open data exports.
LIST_SEPARATOR = ";"


def _text(value) -> str:
    return "" if value is None else str(value).strip()


REQUIRED = object()


class KeepWhenEmptyWidget(widgets.CharWidget):
    """Text, or None for an empty cell: with ``saves_null_values=False`` on the field, the
    value an object has stays as it is."""

    def clean(self, value, row=None, **kwargs):
        return _text(value) or None


class ChoiceWidget(widgets.Widget):
    """A value among ``choices``: its code, or its label in English or in the language of
    the page, in any case. Refuses anything else and says what the codes are.

    An empty cell is refused, or stands for ``empty``: ``""`` to clear an optional value,
    None to keep the value an object has (with ``saves_null_values=False`` on the field),
    so a new one gets the model's default."""

    def __init__(self, choices, *, empty=REQUIRED):
        super().__init__()
        self.choices = choices
        self.empty = empty

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            if self.empty is REQUIRED:
                raise ValueError(_("This column must not be empty."))
            return self.empty
        wanted = text.casefold()
        for code, label in self.choices:
            if wanted in (str(code).casefold(), str(label).casefold()):
                return code
        raise ValueError(
            _("“%(value)s” is not one of the allowed values: %(codes)s.")
            % {"value": text, "codes": ", ".join(str(code) for code, _label in self.choices)}
        )

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ChoiceListWidget(ChoiceWidget):
    """Several values among ``choices`` in one cell, separated by semicolons."""

    def clean(self, value, row=None, **kwargs):
        values = [part for part in (_text(p) for p in _text(value).split(LIST_SEPARATOR)) if part]
        single = ChoiceWidget(self.choices, empty="")
        return sorted(dict.fromkeys(single.clean(part) for part in values))

    def render(self, value, obj=None, **kwargs):
        return f"{LIST_SEPARATOR} ".join(value or [])


class TagListWidget(widgets.Widget):
    """Tags in one cell, separated by semicolons, within the limits of the forms' tags."""

    def clean(self, value, row=None, **kwargs):
        words = (_text(part) for part in _text(value).split(LIST_SEPARATOR))
        try:
            return sorted(clean_tags(list(dict.fromkeys(word for word in words if word))))
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    def render(self, value, obj=None, **kwargs):
        return f"{LIST_SEPARATOR} ".join(value or [])


class CountryWidget(widgets.Widget):
    """A country by its ISO 3166 code (``KE``, ``fr``) or its English name."""

    def __init__(self, *, blank: bool = True):
        super().__init__()
        self.blank = blank

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            if self.blank:
                return ""
            raise ValueError(_("This column must not be empty."))
        code = text.upper() if text.upper() in countries else countries.by_name(text)
        if not code:
            raise ValueError(
                _("“%(value)s” is not a country: give its two-letter ISO 3166 code, e.g. KE or FR.")
                % {"value": text}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return str(value or "")


class LinkWidget(widgets.Widget):
    """A web address starting with http:// or https://, or nothing."""

    def clean(self, value, row=None, **kwargs):
        try:
            return clean_link(_text(value))
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    def render(self, value, obj=None, **kwargs):
        return value or ""


class YearWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return None
        try:
            return int(float(text))
        except ValueError:
            raise ValueError(_("“%(value)s” is not a year.") % {"value": text}) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class LookupWidget(widgets.ForeignKeyWidget):
    """A related object named in the cell (an organisation by its name, a resource by its
    slug), in any case; an unknown name refuses the row instead of failing it."""

    def __init__(self, model, field: str, *, missing: str):
        super().__init__(model, field)
        self.missing = missing

    def get_lookup_kwargs(self, value, row, **kwargs):
        return {f"{self.field}__iexact": _text(value)}

    def clean(self, value, row=None, **kwargs):
        if not _text(value):
            return None
        try:
            return super().clean(_text(value), row=row, **kwargs)
        except (ObjectDoesNotExist, MultipleObjectsReturned):
            raise ValueError(self.missing % {"value": _text(value)}) from None


class ListField(resources.Field):
    """A list kept outside the model's own columns (a resource's themes, its tags): the
    imported value waits on the instance until it is saved (``pending``), and reads from
    the database otherwise, so that an unchanged list leaves the row unchanged."""

    def __init__(self, *, column_name: str, widget, read):
        super().__init__(attribute=column_name, column_name=column_name, widget=widget)
        self.read = read

    def pending_name(self) -> str:
        return f"_import_{self.attribute}"

    def save(self, instance, row, is_m2m=False, **kwargs):
        setattr(instance, self.pending_name(), self.clean(row, **kwargs))

    def get_value(self, instance):
        if hasattr(instance, self.pending_name()):
            return getattr(instance, self.pending_name())
        return sorted(self.read(instance)) if instance.pk else []


class ImportResource(resources.ModelResource):
    """What every import shares: trimmed cells, a skipped or refused row says why, the
    formula guard undone on import and applied on export, the audit entry of a real run."""

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def import_data(self, dataset, dry_run=False, *args, **kwargs):
        self.dry_run = dry_run
        self.actor = kwargs.get("user")
        self.notes = {}
        return super().import_data(dataset, dry_run, *args, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        self.row_number = kwargs.get("row_number")
        return super().import_row(row, instance_loader, **kwargs)

    def note(self, text: str) -> None:
        """Say why the row being imported is what it is (shown beside it in the dry run)."""
        self.notes[self.row_number] = text

    def before_import_row(self, row, **kwargs):
        for column, value in row.items():
            row[column] = spreadsheet_unsafe(value.strip() if isinstance(value, str) else value)

    def after_import_row(self, row, row_result, **kwargs):
        note = self.notes.get(self.row_number)
        if note is None and row_result.import_type == RowResult.IMPORT_TYPE_SKIP:
            note = _("Unchanged.")
        row_result.note = note or ""
        row_result.number = self.row_number

    def export_field(self, field, instance, **kwargs):
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        if not self.dry_run:
            audit(
                actor=self.actor,
                action=f"import_{self._meta.model._meta.model_name}",
                after=import_counts(result),
            )


def import_counts(result) -> dict:
    totals = result.totals
    return {
        "new": totals[RowResult.IMPORT_TYPE_NEW],
        "updated": totals[RowResult.IMPORT_TYPE_UPDATE],
        "skipped": totals[RowResult.IMPORT_TYPE_SKIP],
        "refused": totals[RowResult.IMPORT_TYPE_INVALID] + totals[RowResult.IMPORT_TYPE_ERROR],
    }


class ImportExportAdmin(ImportExportMixin):
    """Import and export pages on a ``ModelAdmin``. Importing needs the permissions to add
    and to change the model (an import does both); exporting, the permission to view it.

    Unlike django-import-export's default, a dry run with refused rows may still be
    confirmed: the refused rows are listed with their reasons and left out."""

    formats = FORMATS
    import_template_name = "admin/bulk_import.html"

    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None) or {}
        result = context.get("result")
        if (
            result is not None
            and "confirm_form" not in context
            and not result.has_errors()
            and result.valid_rows()
        ):
            context["confirm_form"] = self.create_confirm_form(request, import_form=context["form"])
        return response

    def add_success_message(self, result, request):
        if result.has_errors():
            # Something the dry run did not meet (the data changed meanwhile): all undone.
            messages.error(
                request, _("The import failed and changed nothing: try the dry run again.")
            )
            return
        counts = import_counts(result)
        messages.success(
            request,
            _(
                "Import finished: %(new)d new, %(updated)d updated, %(skipped)d unchanged or "
                "skipped, %(refused)d refused."
            )
            % counts,
        )
