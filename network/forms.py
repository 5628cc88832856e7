"""The forms of the base (reports and their resolution), and what every app's forms share:
a field of checkboxes, a country typed or picked from a list, countries ticked region by
region, and the checks of a list of web links, one web link and a list of tags."""

import functools
import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from network.models import Report
from network.taxonomy import Region, region_for_country

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


def _folded(text) -> str:
    """Text as people may type it: without case, accents, punctuation or doubled spaces
    ("Côte d’Ivoire", "cote d'ivoire" and "COTE D IVOIRE" are the same)."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@functools.cache
def _country_names(language: str) -> dict[str, str]:
    """Every country's folded names in ``language`` (the name shown, then its official and
    former names) and the ISO code each one stands for."""
    names = {}
    with translation.override(language):
        for code in countries.countries:
            for name in (countries.name(code), *countries.shadowed_names.get(code, [])):
                names.setdefault(_folded(name), code)
    return names


def _country_choices() -> list[tuple[str, str]]:
    """The countries as (code, name), in the active language and its order, read when a form
    is shown (``countries`` itself would be read once, in the language of the import)."""
    return list(countries)


# Names in common use that django-countries knows neither as shown, official nor former (nor
# as the first words of one name only: "United States" begins two).
_OTHER_NAMES = {
    "britain": "GB", "burma": "MM", "cape verde": "CV", "dr congo": "CD", "drc": "CD",
    "east timor": "TL", "great britain": "GB", "holland": "NL", "ivory coast": "CI",
    "rdc": "CD", "uk": "GB", "united states": "US", "vatican": "VA",
}  # fmt: skip


def country_code(text) -> str:
    """The ISO 3166-1 alpha-2 code of a country typed by its name, in the active language or
    in English, whatever the case and accents; by its two- or three-letter ISO code; or by the
    first words of its name when they name no other country ("United States", as a browser
    fills in a country, for "United States of America"). "" when the text names no country."""
    folded = _folded(text or "").removeprefix("the ")
    if not folded:
        return ""
    languages = dict.fromkeys([translation.get_language() or settings.LANGUAGE_CODE, "en"])
    for language in languages:
        if code := _country_names(language).get(folded):
            return code
    if code := _OTHER_NAMES.get(folded):
        return code
    if re.fullmatch(r"[a-z]{2,3}", folded) and (code := countries.alpha2(folded)):
        return code
    for language in languages:
        names = _country_names(language).items()
        found = {code for name, code in names if name.startswith(folded + " ")}
        if len(found) == 1:
            return found.pop()
    return ""


class CountryInput(forms.TextInput):
    """One country, typed: a text input and a ``<datalist>`` of the countries' names in the
    active language, which phones and browsers offer as suggestions while one types. Without
    a script, and where a browser offers no suggestions, the name typed in full still does.

    It shows a country's name, never its code; text that names no country is shown as typed,
    so that a mistake can be corrected. The list is written in one pass, as QuickSelect's
    options are (a template per option would cost about 50 ms a page)."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def format_value(self, value):
        code = country_code(value) if value else ""
        return countries.name(code) if code else super().format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = attrs or {}
        list_id = f"{attrs.get('id') or self.attrs.get('id') or name}_list"
        names = getattr(self, "choices", None) or countries
        return format_html(
            '{}<datalist id="{}">{}</datalist>',
            super().render(name, value, {**attrs, "list": list_id}, renderer),
            list_id,
            format_html_join(
                "", '<option value="{}">', ((label,) for code, label in names if code)
            ),
        )


class CountryChoiceField(forms.ChoiceField):
    """One country (CountryInput), cleaned to its ISO code. For a model's CountryField,
    declare it on the form under the model field's name. ``own=True`` where it is the person's
    own country, which browsers then offer to fill in ("country-name"); otherwise they offer
    only the list."""

    widget = CountryInput
    default_error_messages = {
        "invalid_choice": _("Choose a country from the list, or type its name in full."),
    }

    def __init__(self, *, own=False, **kwargs):
        if own:
            kwargs.setdefault("widget", CountryInput({"autocomplete": "country-name"}))
        super().__init__(choices=_country_choices, **kwargs)

    def to_python(self, value):
        text = super().to_python(value).strip()
        return country_code(text) or text


class RegionCheckboxes(forms.CheckboxSelectMultiple):
    """Several countries, ticked: a checkbox each, grouped by ILO region, each region folded
    under a ``<details>`` whose summary says how many of its countries are ticked, and a
    ``<fieldset>`` named after it. A small script (static/js/forms.js) adds a filter as one
    types and keeps the counts up to date; without it everything works the same.

    Written in one pass, as QuickSelect is: 250 checkboxes through Django's option templates
    would cost tens of milliseconds a page. No ids on the checkboxes: each is inside its label.
    """

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        wrapper = {"id": attrs.pop("id")} if attrs.get("id") else {}
        chosen = set(self.format_value(value))
        groups = {region: [] for region in Region.values}
        for code, label in self.choices:
            groups.setdefault(region_for_country(code), []).append((code, label))
        return format_html(
            '<div{} class="region-choices" data-filter="{}" data-one="{}" data-other="{}">{}</div>',
            flatatt(wrapper),
            _("Filter the countries"),
            # For the script's counts: the words for one and for more, "{n}" the number.
            chosen_count(1, "{n}"),
            chosen_count(2, "{n}"),
            format_html_join(
                "",
                '<details><summary>{} <span class="meta">{}</span></summary><fieldset>'
                '<legend class="visually-hidden">{}</legend>{}</fieldset></details>',
                (
                    self._region(region, group, name=name, attrs=flatatt(attrs), chosen=chosen)
                    for region, group in groups.items()
                    if group
                ),
            ),
        )

    @staticmethod
    def _region(region, group, *, name, attrs, chosen) -> tuple:
        """A region's name, its count of ticked countries (blank when none), its name again
        (for the legend) and its checkboxes."""
        title = Region(region).label if region in Region.values else _("Elsewhere")
        ticked = sum(code in chosen for code, _label in group)
        checkboxes = format_html_join(
            "",
            '<label><input type="checkbox" name="{}" value="{}"{}{}> {}</label>',
            (
                (name, code, attrs, " checked" if code in chosen else "", label)
                for code, label in group
            ),
        )
        return title, chosen_count(ticked, ticked) if ticked else "", title, checkboxes


def chosen_count(count: int, shown) -> str:
    """Said of a region's ticked countries: "2 chosen" (``shown`` stands for the number)."""
    return ngettext("%(count)s chosen", "%(count)s chosen", count) % {"count": shown}


def country_checkboxes(label, *, help_text="", required=False) -> forms.MultipleChoiceField:
    """Several countries, ticked region by region (RegionCheckboxes), cleaned to ISO codes."""
    return forms.MultipleChoiceField(
        label=label,
        choices=_country_choices,
        required=required,
        widget=RegionCheckboxes,
        help_text=help_text,
    )


def preselect_only_choice(form: forms.ModelForm, name: str) -> None:
    """On a form for a new object, shown for the first time: choose the field's only choice
    for the person (a member of one organisation shares on its behalf, most likely). Left
    blank when there are several, or none."""
    if form.instance.pk or form.is_bound:
        return
    choices = list(form.fields[name].queryset[:2])
    if len(choices) == 1:
        form.initial[name] = choices[0].pk


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
