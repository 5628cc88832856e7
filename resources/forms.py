"""Forms only validate; services write."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField

from members.models import Organisation
from network.forms import checkboxes, clean_link, clean_tags, preselect_only_choice
from network.taxonomy import Theme
from resources.models import Access, Collection, Resource, Status, UsefulMark
from resources.uploads import ACCEPT, check_document, max_upload_bytes


def _upload_field(required=False):
    return forms.FileField(
        label=_("File"),
        required=required,
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, EPUB, CSV or plain text, "
            "at most %(limit)d MB."
        )
        % {"limit": max_upload_bytes() // 1_048_576},
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        error_messages={"empty": _("This file is empty.")},
    )


def _link_field():
    return forms.CharField(
        label=_("External link"),
        max_length=500,
        required=False,
        widget=forms.URLInput,
        help_text=_("Instead of a file: where the resource is published (http:// or https://)."),
    )


class ContributeForm(forms.ModelForm):
    """A member shares a resource: a checked file or a link, and good metadata."""

    upload = _upload_field()
    external_url = _link_field()
    themes = checkboxes(_("Themes"), Theme.choices)
    tags = TagField(
        label=_("Tags"),
        required=False,
        help_text=_("Comma-separated, e.g. apprenticeships, assessment."),
    )

    class Meta:
        model = Resource
        fields = [
            "title", "summary", "description", "type", "language", "year", "licence", "access",
            "organisation", "external_url",
        ]  # fmt: skip
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    field_order = [
        "title", "summary", "description", "type", "upload", "external_url", "language", "themes",
        "tags", "year", "licence", "organisation", "access",
    ]  # fmt: skip

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            affiliations__user=user
        ).distinct()
        self.fields["organisation"].help_text = _("If you share it on behalf of your organisation.")
        preselect_only_choice(self, "organisation")
        self.fields["access"].initial = Access.PUBLIC
        self.fields["year"].widget.attrs.update({"min": 1919, "max": date.today().year + 1})

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return check_document(upload) if upload else None

    def clean_external_url(self):
        return clean_link(self.cleaned_data.get("external_url"))

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and year > date.today().year + 1:
            raise ValidationError(_("Give the year it was published."))
        return year

    def clean_tags(self):
        return clean_tags(self.cleaned_data["tags"])

    def clean(self):
        data = super().clean()
        has_file = bool(data.get("upload"))
        has_link = bool(data.get("external_url"))
        # Only judge the pair when both fields are otherwise valid.
        if "upload" not in self.errors and "external_url" not in self.errors:
            if has_file and has_link:
                raise ValidationError(_("Upload a file or give a link, not both."))
            if not has_file and not has_link:
                raise ValidationError(_("Upload a file or give a link to the resource."))
        return data

    def model_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class UsefulMarkForm(forms.ModelForm):
    class Meta:
        model = UsefulMark
        fields = ["note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "maxlength": 280})}


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the contributors"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )


class ResourceAdminForm(forms.ModelForm):
    """The admin's form: the file goes through the same checks as members' uploads, and the
    stored file is never linked directly (the change page links the download view)."""

    upload = _upload_field()
    external_url = _link_field()
    remove_file = forms.BooleanField(
        label=_("Remove the stored file"),
        required=False,
        help_text=_("For instance when the resource becomes an external link."),
    )
    themes = checkboxes(_("Themes"), Theme.choices)

    class Meta:
        model = Resource
        fields = [
            "title", "slug", "summary", "description", "type", "external_url", "language",
            "translation_of", "tags", "publisher_type", "organisation", "contributor", "year",
            "licence", "access", "innovations", "status", "review_note",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["themes"].initial = self.instance.theme_values()
        if not self.instance.file:
            # Nothing to remove. Hidden rather than left out: the admin's fieldsets name it.
            self.fields["remove_file"].widget = forms.HiddenInput()

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return check_document(upload) if upload else None

    def clean_external_url(self):
        return clean_link(self.cleaned_data.get("external_url"))

    def clean(self):
        data = super().clean()
        if "upload" in self.errors or "external_url" in self.errors:
            return data
        has_upload = bool(data.get("upload"))
        keeps_file = bool(self.instance.file) and not data.get("remove_file")
        has_link = bool(data.get("external_url"))
        if has_link and (has_upload or keeps_file):
            raise ValidationError(
                _("A resource has a file or an external link, not both. Remove the file, or "
                  "clear the link.")
            )  # fmt: skip
        if not (has_upload or keeps_file or has_link):
            raise ValidationError(_("Upload a file or give an external link."))
        previous = self.initial.get("status")
        if (
            data.get("status") == Status.REJECTED
            and previous != Status.REJECTED
            and not (data.get("review_note") or "").strip()
        ):
            self.add_error("review_note", _("Give the contributor a reason: it is sent to them."))
        return data


class CollectionForm(forms.ModelForm):
    """A collection as its curator keeps it on the site (its items are added one by one)."""

    class Meta:
        model = Collection
        fields = ["title", "description", "language", "published"]
        labels = {"description": _("Introduction")}
        help_texts = {
            "description": _("Who it is for and why these belong together. Markdown."),
            "published": _("Published collections are public: anyone can read, embed and export "
                           "them. Only public innovations and resources show in them."),
        }  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}


class CollectionItemNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Curator's note"), max_length=300, required=False,
        help_text=_("Why it is in the list."),
    )  # fmt: skip
