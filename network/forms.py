"""The forms of the base (reports and their resolution), and what every app's forms share:
a field of checkboxes, and the checks of a list of web links, one web link and a list of
tags."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from network.models import Report

MAX_TAGS = 15
MAX_TAG_LENGTH = 50
_WEB_ADDRESS = URLValidator(schemes=["http", "https"])


def checkboxes(label, choices, *, help_text="", required=False) -> forms.MultipleChoiceField:
    """Several choices, one checkbox each (themes, languages, what an innovation seeks...)."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
    )


class QuickSelect(forms.Select):
    """A select written in one pass instead of a template per option: a country list (250
    options) takes about 50 ms through Django's option templates, a millisecond this way.
    The same markup: name, attributes, the chosen option selected; no option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = [option for _group, group, _index in widget["optgroups"] for option in group]
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], " selected" if option["selected"] else "", option["label"])
                    for option in options
                ),
            ),
        )


def clean_links(text: str, *, limit: int = 5) -> str:
    """Web addresses, one per line (blank lines dropped), at most ``limit`` of them."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > limit:
        raise ValidationError(_("Up to %(limit)d links, please.") % {"limit": limit})
    for line in lines:
        try:
            _WEB_ADDRESS(line)
        except ValidationError:
            raise ValidationError(
                _("“%(link)s” is not a web address starting with http:// or https://.")
                % {"link": line[:80]}
            ) from None
    return "\n".join(lines)


def clean_link(value: str) -> str:
    """One web address, or "" when none is given."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        _WEB_ADDRESS(value)
    except ValidationError:
        raise ValidationError(
            _("Give a web address starting with http:// or https://."), code="invalid"
        ) from None
    return value


def clean_tags(tags: list[str]) -> list[str]:
    """Up to 15 tags of at most 50 characters each (a TagField's cleaned value)."""
    if len(tags) > MAX_TAGS:
        raise ValidationError(_("Up to 15 tags, please."))
    if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
        raise ValidationError(_("Each tag can have at most 50 characters."))
    return tags


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["reason", "note"]
        widgets = {"reason": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"note": _("What is wrong? Only moderators read this.")}


class ResolutionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Report.Outcome.choices)
    note = forms.CharField(
        label=_("Note to the author (the reason)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
