"""network.forms: a country typed by name (CountryChoiceField, CountryInput) and countries
ticked by region (RegionCheckboxes)."""

import re

import pytest
from django import forms
from django.utils import translation

from network.forms import CountryChoiceField, country_checkboxes, country_code


@pytest.mark.parametrize(
    "language, typed, code",
    [
        ("en", "Kenya", "KE"),
        ("en", "  KENYA ", "KE"),
        ("en", "ke", "KE"),  # an ISO code, any case
        ("en", "KEN", "KE"),  # or its three letters
        ("en", "cote d'ivoire", "CI"),  # without the accent, a straight apostrophe
        ("en", "Türkiye", "TR"),
        ("en", "Turkey", "TR"),  # a former name
        ("en", "Bolivia (Plurinational State of)", "BO"),  # the official name
        ("en", "United States", "US"),  # as browsers fill in a country
        ("en", "The Gambia", "GM"),
        ("en", "Falkland Islands", "FK"),  # the first words of one name only
        ("fr", "Côte d’Ivoire", "CI"),
        ("fr", "etats-unis", "US"),
        ("fr", "Allemagne", "DE"),
        ("fr", "Germany", "DE"),  # English whatever the language
        ("es", "Alemania", "DE"),
        ("es", "costa de marfil", "CI"),
        ("es", "Perú", "PE"),
        ("en", "Allemagne", ""),  # French only on French pages
        ("en", "Narnia", ""),
        ("en", "United", ""),  # the first word of several names
        ("en", "South", ""),
        ("en", "zz", ""),
        ("en", "", ""),
        ("en", "\x00", ""),
    ],
)
def test_a_country_is_found_by_its_name_in_the_language_or_english_or_its_code(
    language, typed, code
):
    with translation.override(language):
        assert country_code(typed) == code


class CountryForm(forms.Form):
    country = CountryChoiceField(label="Country", required=False)
    countries = country_checkboxes("Countries")


def test_a_country_field_shows_the_name_and_offers_the_list_in_the_page_language():
    with translation.override("es"):
        html = str(CountryForm(initial={"country": "DE"})["country"])
    assert re.match(r'<input type="text" name="country" value="Alemania"', html)
    assert 'list="id_country_list"' in html and '<datalist id="id_country_list">' in html
    assert '<option value="Costa de Marfil">' in html
    assert html.count("<option ") == 249


def test_a_country_field_keeps_what_it_cannot_read():
    form = CountryForm({"country": "Narnia <b>"})
    assert form.errors["country"] == ["Choose a country from the list, or type its name in full."]
    assert 'value="Narnia &lt;b&gt;"' in str(form["country"])


def test_region_checkboxes_name_each_region_and_tick_what_was_chosen():
    html = str(CountryForm(initial={"countries": ["KE", "SN", "FR"]})["countries"])
    regions = re.findall(
        r'<details><summary>([^<]+) <span class="meta">([^<]*)</span></summary><fieldset>'
        r'<legend class="visually-hidden">([^<]+)</legend>',
        html,
    )
    assert regions == [
        ("Africa", "2 chosen", "Africa"),
        ("Americas", "", "Americas"),
        ("Arab States", "", "Arab States"),
        ("Asia and the Pacific", "", "Asia and the Pacific"),
        ("Europe and Central Asia", "1 chosen", "Europe and Central Asia"),
    ]
    assert sorted(re.findall(r'value="([A-Z]{2})" checked', html)) == ["FR", "KE", "SN"]
    assert len(re.findall(r'<input type="checkbox"', html)) == 249
    assert " id=" not in html.removeprefix('<div id="id_countries"')  # labels wrap their boxes
