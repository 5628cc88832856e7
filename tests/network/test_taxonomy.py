"""Tests for the shared taxonomy (network.taxonomy); no database needed."""

from django.utils import translation
from django_countries.data import COUNTRIES

from network.taxonomy import (
    COUNTRY_REGION,
    SDG,
    Language,
    Region,
    Theme,
    countries_in_region,
    labels,
    region_for_country,
)


def test_every_django_countries_code_has_a_region():
    missing = sorted(set(COUNTRIES) - set(COUNTRY_REGION))
    assert missing == []


def test_no_unknown_codes_in_mapping():
    extra = sorted(set(COUNTRY_REGION) - set(COUNTRIES))
    assert extra == []


def test_every_mapped_value_is_a_valid_region():
    invalid = sorted(code for code, value in COUNTRY_REGION.items() if value not in Region.values)
    assert invalid == []


def test_known_mappings():
    expected = {
        "KE": "africa",
        "EG": "africa",
        "MA": "africa",
        "SD": "africa",
        "JO": "arab-states",
        "PS": "arab-states",
        "SA": "arab-states",
        "BR": "americas",
        "US": "americas",
        "GP": "americas",
        "IN": "asia-pacific",
        "IR": "asia-pacific",
        "AU": "asia-pacific",
        "NC": "asia-pacific",
        "FR": "europe-central-asia",
        "KZ": "europe-central-asia",
        "TR": "europe-central-asia",
        "IL": "europe-central-asia",
        "RE": "africa",
        "YT": "africa",
    }
    actual = {code: COUNTRY_REGION[code] for code in expected}
    assert actual == expected


def test_arab_states_are_the_ilo_constituency():
    expected = ["AE", "BH", "IQ", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "YE"]
    assert countries_in_region("arab-states") == expected


def test_region_for_country():
    assert region_for_country("KE") == "africa"
    assert region_for_country("ke") == "africa"
    assert region_for_country(" jo ") == "arab-states"
    assert region_for_country("") is None
    assert region_for_country("XX") is None


def test_countries_in_region_is_sorted_and_unknown_region_is_empty():
    africa = countries_in_region(Region.AFRICA)
    assert africa == sorted(africa)
    assert "KE" in africa
    assert countries_in_region("atlantis") == []


def test_regions_partition_the_mapping():
    counts = {region: len(countries_in_region(region)) for region in Region.values}
    assert sum(counts.values()) == len(COUNTRY_REGION)


def test_each_region_has_at_least_five_countries():
    small = {
        region: len(countries_in_region(region))
        for region in Region.values
        if len(countries_in_region(region)) < 5
    }
    assert small == {}


def test_region_values():
    assert Region.values == [
        "africa",
        "americas",
        "arab-states",
        "asia-pacific",
        "europe-central-asia",
    ]


def test_sdg_has_17_goals_numbered_1_to_17():
    assert len(SDG) == 17
    assert SDG.values == list(range(1, 18))
    assert SDG.NO_POVERTY == 1
    assert SDG.QUALITY_EDUCATION == 4
    assert SDG.DECENT_WORK == 8
    assert SDG.PARTNERSHIPS == 17


def test_labels_keep_the_order_given_leave_out_unknown_values_and_follow_the_language():
    values = ["green-skills", "no-such-theme", "digital-skills"]
    assert [str(label) for label in labels(Theme, values)] == ["Green skills", "Digital skills"]
    with translation.override("fr"):
        assert [str(label) for label in labels(Theme, values)] == [
            "Compétences vertes",
            "Compétences numériques",
        ]
    assert [str(label) for label in labels(Language, ["sw"])] == ["Swahili"]
