"""Shared taxonomy of the Skills Innovation Network portal.

The portal is modelled on the ILO Skills Innovation Network: members, innovations,
resources and events are tagged with the same small set of controlled vocabularies,
which all live here so that every app, filter, form and template agrees on them:

* :class:`Region`: the five ILO regions, with :data:`COUNTRY_REGION` mapping every
  ISO 3166-1 alpha-2 code known to django-countries to one of them (see
  :func:`region_for_country` and :func:`countries_in_region`);
* :class:`Theme`: the skills-development themes;
* :class:`SDG`: the 17 Sustainable Development Goals;
* :class:`OrganisationType`: the kind of organisation a member belongs to;
* :class:`Language`: the languages members commonly speak.

This module is the base layer of the project: it must not import any other project
app, only Django itself.
"""

from functools import cache

from django.db import models
from django.utils.translation import gettext_lazy as _


def labels(choices: type[models.Choices], values) -> list:
    """The labels of ``values`` in ``choices``, in the order given; unknown values are left
    out. Read from a table built once per vocabulary: ``Choices.values`` and ``Choices(value)``
    build their lists on every call, about 0.1 ms a card on a page of twenty mentors."""
    table = _label_table(choices)
    return [table[value] for value in values if value in table]


@cache
def _label_table(choices: type[models.Choices]) -> dict:
    return {member.value: member.label for member in choices}


class Region(models.TextChoices):
    """The five regions of the International Labour Organization."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ARAB_STATES = "arab-states", _("Arab States")
    ASIA_PACIFIC = "asia-pacific", _("Asia and the Pacific")
    EUROPE_CENTRAL_ASIA = "europe-central-asia", _("Europe and Central Asia")


# Every ISO 3166-1 alpha-2 code known to django-countries (``django_countries.data.
# COUNTRIES``, 249 codes in 9.1) mapped to its ILO region. Sovereign states follow the
# ILO's regional grouping; dependent territories go to the region of their geography
# (except Greenland, kept with Denmark); uninhabited territories go to the closest
# sensible region, as noted below. The test suite checks that this stays in step with
# django-countries.
COUNTRY_REGION: dict[str, str] = {
    # Africa: every African Union member state, North Africa included (the ILO
    # serves Algeria, Egypt, Libya, Morocco, Sudan, Tunisia, Mauritania, Somalia,
    # Djibouti and Comoros from its Africa region, not from the Arab States), plus
    # Western Sahara and the African and South Atlantic / southern Indian Ocean
    # territories: Réunion, Mayotte, Saint Helena, Ascension and Tristan da Cunha.
    # Uninhabited: Bouvet Island (South Atlantic, Africa is the nearest inhabited
    # continent) and the French Southern Territories (administered from Réunion;
    # the Scattered Islands lie around Madagascar).
    "AO": Region.AFRICA,  # Angola
    "BF": Region.AFRICA,  # Burkina Faso
    "BI": Region.AFRICA,  # Burundi
    "BJ": Region.AFRICA,  # Benin
    "BV": Region.AFRICA,  # Bouvet Island (Norway): see note
    "BW": Region.AFRICA,  # Botswana
    "CD": Region.AFRICA,  # Congo, Democratic Republic of the
    "CF": Region.AFRICA,  # Central African Republic
    "CG": Region.AFRICA,  # Congo
    "CI": Region.AFRICA,  # Côte d'Ivoire
    "CM": Region.AFRICA,  # Cameroon
    "CV": Region.AFRICA,  # Cabo Verde
    "DJ": Region.AFRICA,  # Djibouti
    "DZ": Region.AFRICA,  # Algeria
    "EG": Region.AFRICA,  # Egypt
    "EH": Region.AFRICA,  # Western Sahara
    "ER": Region.AFRICA,  # Eritrea
    "ET": Region.AFRICA,  # Ethiopia
    "GA": Region.AFRICA,  # Gabon
    "GH": Region.AFRICA,  # Ghana
    "GM": Region.AFRICA,  # Gambia
    "GN": Region.AFRICA,  # Guinea
    "GQ": Region.AFRICA,  # Equatorial Guinea
    "GW": Region.AFRICA,  # Guinea-Bissau
    "KE": Region.AFRICA,  # Kenya
    "KM": Region.AFRICA,  # Comoros
    "LR": Region.AFRICA,  # Liberia
    "LS": Region.AFRICA,  # Lesotho
    "LY": Region.AFRICA,  # Libya
    "MA": Region.AFRICA,  # Morocco
    "MG": Region.AFRICA,  # Madagascar
    "ML": Region.AFRICA,  # Mali
    "MR": Region.AFRICA,  # Mauritania
    "MU": Region.AFRICA,  # Mauritius
    "MW": Region.AFRICA,  # Malawi
    "MZ": Region.AFRICA,  # Mozambique
    "NA": Region.AFRICA,  # Namibia
    "NE": Region.AFRICA,  # Niger
    "NG": Region.AFRICA,  # Nigeria
    "RE": Region.AFRICA,  # Réunion
    "RW": Region.AFRICA,  # Rwanda
    "SC": Region.AFRICA,  # Seychelles
    "SD": Region.AFRICA,  # Sudan
    "SH": Region.AFRICA,  # Saint Helena, Ascension and Tristan da Cunha
    "SL": Region.AFRICA,  # Sierra Leone
    "SN": Region.AFRICA,  # Senegal
    "SO": Region.AFRICA,  # Somalia
    "SS": Region.AFRICA,  # South Sudan
    "ST": Region.AFRICA,  # Sao Tome and Principe
    "SZ": Region.AFRICA,  # Eswatini
    "TD": Region.AFRICA,  # Chad
    "TF": Region.AFRICA,  # French Southern Territories: see note
    "TG": Region.AFRICA,  # Togo
    "TN": Region.AFRICA,  # Tunisia
    "TZ": Region.AFRICA,  # Tanzania
    "UG": Region.AFRICA,  # Uganda
    "YT": Region.AFRICA,  # Mayotte
    "ZA": Region.AFRICA,  # South Africa
    "ZM": Region.AFRICA,  # Zambia
    "ZW": Region.AFRICA,  # Zimbabwe
    # Americas: North, Central and South America and the Caribbean, with their
    # dependent territories (British, Dutch, French and US Caribbean, Bermuda,
    # Saint Pierre and Miquelon, French Guiana, Falkland Islands (Malvinas)).
    # Uninhabited: South Georgia and the South Sandwich Islands (South Atlantic, off
    # South America) and Antarctica (its nearest inhabited continent and main
    # gateway is South America across the Drake Passage; the Antarctic Treaty
    # Secretariat sits in Buenos Aires).
    "AG": Region.AMERICAS,  # Antigua and Barbuda
    "AI": Region.AMERICAS,  # Anguilla
    "AQ": Region.AMERICAS,  # Antarctica: see note
    "AR": Region.AMERICAS,  # Argentina
    "AW": Region.AMERICAS,  # Aruba
    "BB": Region.AMERICAS,  # Barbados
    "BL": Region.AMERICAS,  # Saint Barthélemy
    "BM": Region.AMERICAS,  # Bermuda
    "BO": Region.AMERICAS,  # Bolivia
    "BQ": Region.AMERICAS,  # Bonaire, Sint Eustatius and Saba
    "BR": Region.AMERICAS,  # Brazil
    "BS": Region.AMERICAS,  # Bahamas
    "BZ": Region.AMERICAS,  # Belize
    "CA": Region.AMERICAS,  # Canada
    "CL": Region.AMERICAS,  # Chile
    "CO": Region.AMERICAS,  # Colombia
    "CR": Region.AMERICAS,  # Costa Rica
    "CU": Region.AMERICAS,  # Cuba
    "CW": Region.AMERICAS,  # Curaçao
    "DM": Region.AMERICAS,  # Dominica
    "DO": Region.AMERICAS,  # Dominican Republic
    "EC": Region.AMERICAS,  # Ecuador
    "FK": Region.AMERICAS,  # Falkland Islands (Malvinas)
    "GD": Region.AMERICAS,  # Grenada
    "GF": Region.AMERICAS,  # French Guiana
    "GP": Region.AMERICAS,  # Guadeloupe
    "GS": Region.AMERICAS,  # South Georgia and the South Sandwich Islands: see note
    "GT": Region.AMERICAS,  # Guatemala
    "GY": Region.AMERICAS,  # Guyana
    "HN": Region.AMERICAS,  # Honduras
    "HT": Region.AMERICAS,  # Haiti
    "JM": Region.AMERICAS,  # Jamaica
    "KN": Region.AMERICAS,  # Saint Kitts and Nevis
    "KY": Region.AMERICAS,  # Cayman Islands
    "LC": Region.AMERICAS,  # Saint Lucia
    "MF": Region.AMERICAS,  # Saint Martin (French part)
    "MQ": Region.AMERICAS,  # Martinique
    "MS": Region.AMERICAS,  # Montserrat
    "MX": Region.AMERICAS,  # Mexico
    "NI": Region.AMERICAS,  # Nicaragua
    "PA": Region.AMERICAS,  # Panama
    "PE": Region.AMERICAS,  # Peru
    "PM": Region.AMERICAS,  # Saint Pierre and Miquelon
    "PR": Region.AMERICAS,  # Puerto Rico
    "PY": Region.AMERICAS,  # Paraguay
    "SR": Region.AMERICAS,  # Suriname
    "SV": Region.AMERICAS,  # El Salvador
    "SX": Region.AMERICAS,  # Sint Maarten (Dutch part)
    "TC": Region.AMERICAS,  # Turks and Caicos Islands
    "TT": Region.AMERICAS,  # Trinidad and Tobago
    "US": Region.AMERICAS,  # United States
    "UY": Region.AMERICAS,  # Uruguay
    "VC": Region.AMERICAS,  # Saint Vincent and the Grenadines
    "VE": Region.AMERICAS,  # Venezuela
    "VG": Region.AMERICAS,  # British Virgin Islands
    "VI": Region.AMERICAS,  # United States Virgin Islands
    # Arab States: exactly the ILO Regional Office for Arab States' constituency,
    # the eleven member States plus the occupied Palestinian territory.
    "AE": Region.ARAB_STATES,  # United Arab Emirates
    "BH": Region.ARAB_STATES,  # Bahrain
    "IQ": Region.ARAB_STATES,  # Iraq
    "JO": Region.ARAB_STATES,  # Jordan
    "KW": Region.ARAB_STATES,  # Kuwait
    "LB": Region.ARAB_STATES,  # Lebanon
    "OM": Region.ARAB_STATES,  # Oman
    "PS": Region.ARAB_STATES,  # occupied Palestinian territory
    "QA": Region.ARAB_STATES,  # Qatar
    "SA": Region.ARAB_STATES,  # Saudi Arabia
    "SY": Region.ARAB_STATES,  # Syria
    "YE": Region.ARAB_STATES,  # Yemen
    # Asia and the Pacific: South, South-East and East Asia (Hong Kong, Macao and
    # Taiwan included), Iran and Afghanistan, Australia, New Zealand and all Pacific
    # island states and territories (American, Australian, British, French and New
    # Zealand ones alike: New Caledonia, French Polynesia, Wallis and Futuna, Cook
    # Islands, Niue, Tokelau, Pitcairn, Guam...) and the Australian Indian Ocean
    # territories (Christmas Island, Cocos (Keeling) Islands).
    # Judgement calls: Heard Island and McDonald Islands (uninhabited Australian
    # territory); US Minor Outlying Islands (uninhabited, all Pacific atolls except
    # Navassa in the Caribbean); British Indian Ocean Territory (Chagos, central
    # Indian Ocean south of the Maldives; sovereignty is being transferred to
    # Mauritius, which would argue for Africa: revisit if the ILO does).
    "AF": Region.ASIA_PACIFIC,  # Afghanistan
    "AS": Region.ASIA_PACIFIC,  # American Samoa
    "AU": Region.ASIA_PACIFIC,  # Australia
    "BD": Region.ASIA_PACIFIC,  # Bangladesh
    "BN": Region.ASIA_PACIFIC,  # Brunei Darussalam
    "BT": Region.ASIA_PACIFIC,  # Bhutan
    "CC": Region.ASIA_PACIFIC,  # Cocos (Keeling) Islands
    "CK": Region.ASIA_PACIFIC,  # Cook Islands
    "CN": Region.ASIA_PACIFIC,  # China
    "CX": Region.ASIA_PACIFIC,  # Christmas Island
    "FJ": Region.ASIA_PACIFIC,  # Fiji
    "FM": Region.ASIA_PACIFIC,  # Micronesia
    "GU": Region.ASIA_PACIFIC,  # Guam
    "HK": Region.ASIA_PACIFIC,  # Hong Kong
    "HM": Region.ASIA_PACIFIC,  # Heard Island and McDonald Islands: see note
    "ID": Region.ASIA_PACIFIC,  # Indonesia
    "IN": Region.ASIA_PACIFIC,  # India
    "IO": Region.ASIA_PACIFIC,  # British Indian Ocean Territory (Chagos): see note
    "IR": Region.ASIA_PACIFIC,  # Iran
    "JP": Region.ASIA_PACIFIC,  # Japan
    "KH": Region.ASIA_PACIFIC,  # Cambodia
    "KI": Region.ASIA_PACIFIC,  # Kiribati
    "KP": Region.ASIA_PACIFIC,  # Korea, Democratic People's Republic of
    "KR": Region.ASIA_PACIFIC,  # Korea, Republic of
    "LA": Region.ASIA_PACIFIC,  # Lao PDR
    "LK": Region.ASIA_PACIFIC,  # Sri Lanka
    "MH": Region.ASIA_PACIFIC,  # Marshall Islands
    "MM": Region.ASIA_PACIFIC,  # Myanmar
    "MN": Region.ASIA_PACIFIC,  # Mongolia
    "MO": Region.ASIA_PACIFIC,  # Macao
    "MP": Region.ASIA_PACIFIC,  # Northern Mariana Islands
    "MV": Region.ASIA_PACIFIC,  # Maldives
    "MY": Region.ASIA_PACIFIC,  # Malaysia
    "NC": Region.ASIA_PACIFIC,  # New Caledonia
    "NF": Region.ASIA_PACIFIC,  # Norfolk Island
    "NP": Region.ASIA_PACIFIC,  # Nepal
    "NR": Region.ASIA_PACIFIC,  # Nauru
    "NU": Region.ASIA_PACIFIC,  # Niue
    "NZ": Region.ASIA_PACIFIC,  # New Zealand
    "PF": Region.ASIA_PACIFIC,  # French Polynesia
    "PG": Region.ASIA_PACIFIC,  # Papua New Guinea
    "PH": Region.ASIA_PACIFIC,  # Philippines
    "PK": Region.ASIA_PACIFIC,  # Pakistan
    "PN": Region.ASIA_PACIFIC,  # Pitcairn
    "PW": Region.ASIA_PACIFIC,  # Palau
    "SB": Region.ASIA_PACIFIC,  # Solomon Islands
    "SG": Region.ASIA_PACIFIC,  # Singapore
    "TH": Region.ASIA_PACIFIC,  # Thailand
    "TK": Region.ASIA_PACIFIC,  # Tokelau
    "TL": Region.ASIA_PACIFIC,  # Timor-Leste
    "TO": Region.ASIA_PACIFIC,  # Tonga
    "TV": Region.ASIA_PACIFIC,  # Tuvalu
    "TW": Region.ASIA_PACIFIC,  # Taiwan, China
    "UM": Region.ASIA_PACIFIC,  # United States Minor Outlying Islands: see note
    "VN": Region.ASIA_PACIFIC,  # Viet Nam
    "VU": Region.ASIA_PACIFIC,  # Vanuatu
    "WF": Region.ASIA_PACIFIC,  # Wallis and Futuna
    "WS": Region.ASIA_PACIFIC,  # Samoa
    # Europe and Central Asia: Europe (EU, EFTA, Western Balkans, Eastern Europe,
    # Russian Federation, micro-states and Crown Dependencies), the Caucasus,
    # Central Asia, Türkiye, Israel and Cyprus. Greenland (geographically North
    # American, the one exception to the geography rule) and the Faroe Islands go
    # with Denmark, Svalbard and Jan Mayen with Norway.
    "AD": Region.EUROPE_CENTRAL_ASIA,  # Andorra
    "AL": Region.EUROPE_CENTRAL_ASIA,  # Albania
    "AM": Region.EUROPE_CENTRAL_ASIA,  # Armenia
    "AT": Region.EUROPE_CENTRAL_ASIA,  # Austria
    "AX": Region.EUROPE_CENTRAL_ASIA,  # Åland Islands
    "AZ": Region.EUROPE_CENTRAL_ASIA,  # Azerbaijan
    "BA": Region.EUROPE_CENTRAL_ASIA,  # Bosnia and Herzegovina
    "BE": Region.EUROPE_CENTRAL_ASIA,  # Belgium
    "BG": Region.EUROPE_CENTRAL_ASIA,  # Bulgaria
    "BY": Region.EUROPE_CENTRAL_ASIA,  # Belarus
    "CH": Region.EUROPE_CENTRAL_ASIA,  # Switzerland
    "CY": Region.EUROPE_CENTRAL_ASIA,  # Cyprus
    "CZ": Region.EUROPE_CENTRAL_ASIA,  # Czechia
    "DE": Region.EUROPE_CENTRAL_ASIA,  # Germany
    "DK": Region.EUROPE_CENTRAL_ASIA,  # Denmark
    "EE": Region.EUROPE_CENTRAL_ASIA,  # Estonia
    "ES": Region.EUROPE_CENTRAL_ASIA,  # Spain
    "FI": Region.EUROPE_CENTRAL_ASIA,  # Finland
    "FO": Region.EUROPE_CENTRAL_ASIA,  # Faroe Islands
    "FR": Region.EUROPE_CENTRAL_ASIA,  # France
    "GB": Region.EUROPE_CENTRAL_ASIA,  # United Kingdom
    "GE": Region.EUROPE_CENTRAL_ASIA,  # Georgia
    "GG": Region.EUROPE_CENTRAL_ASIA,  # Guernsey
    "GI": Region.EUROPE_CENTRAL_ASIA,  # Gibraltar
    "GL": Region.EUROPE_CENTRAL_ASIA,  # Greenland (Denmark): see note
    "GR": Region.EUROPE_CENTRAL_ASIA,  # Greece
    "HR": Region.EUROPE_CENTRAL_ASIA,  # Croatia
    "HU": Region.EUROPE_CENTRAL_ASIA,  # Hungary
    "IE": Region.EUROPE_CENTRAL_ASIA,  # Ireland
    "IL": Region.EUROPE_CENTRAL_ASIA,  # Israel
    "IM": Region.EUROPE_CENTRAL_ASIA,  # Isle of Man
    "IS": Region.EUROPE_CENTRAL_ASIA,  # Iceland
    "IT": Region.EUROPE_CENTRAL_ASIA,  # Italy
    "JE": Region.EUROPE_CENTRAL_ASIA,  # Jersey
    "KG": Region.EUROPE_CENTRAL_ASIA,  # Kyrgyzstan
    "KZ": Region.EUROPE_CENTRAL_ASIA,  # Kazakhstan
    "LI": Region.EUROPE_CENTRAL_ASIA,  # Liechtenstein
    "LT": Region.EUROPE_CENTRAL_ASIA,  # Lithuania
    "LU": Region.EUROPE_CENTRAL_ASIA,  # Luxembourg
    "LV": Region.EUROPE_CENTRAL_ASIA,  # Latvia
    "MC": Region.EUROPE_CENTRAL_ASIA,  # Monaco
    "MD": Region.EUROPE_CENTRAL_ASIA,  # Moldova
    "ME": Region.EUROPE_CENTRAL_ASIA,  # Montenegro
    "MK": Region.EUROPE_CENTRAL_ASIA,  # North Macedonia
    "MT": Region.EUROPE_CENTRAL_ASIA,  # Malta
    "NL": Region.EUROPE_CENTRAL_ASIA,  # Netherlands
    "NO": Region.EUROPE_CENTRAL_ASIA,  # Norway
    "PL": Region.EUROPE_CENTRAL_ASIA,  # Poland
    "PT": Region.EUROPE_CENTRAL_ASIA,  # Portugal
    "RO": Region.EUROPE_CENTRAL_ASIA,  # Romania
    "RS": Region.EUROPE_CENTRAL_ASIA,  # Serbia
    "RU": Region.EUROPE_CENTRAL_ASIA,  # Russian Federation
    "SE": Region.EUROPE_CENTRAL_ASIA,  # Sweden
    "SI": Region.EUROPE_CENTRAL_ASIA,  # Slovenia
    "SJ": Region.EUROPE_CENTRAL_ASIA,  # Svalbard and Jan Mayen
    "SK": Region.EUROPE_CENTRAL_ASIA,  # Slovakia
    "SM": Region.EUROPE_CENTRAL_ASIA,  # San Marino
    "TJ": Region.EUROPE_CENTRAL_ASIA,  # Tajikistan
    "TM": Region.EUROPE_CENTRAL_ASIA,  # Turkmenistan
    "TR": Region.EUROPE_CENTRAL_ASIA,  # Türkiye
    "UA": Region.EUROPE_CENTRAL_ASIA,  # Ukraine
    "UZ": Region.EUROPE_CENTRAL_ASIA,  # Uzbekistan
    "VA": Region.EUROPE_CENTRAL_ASIA,  # Holy See
}


def region_for_country(code: str) -> str | None:
    """Return the :class:`Region` value of an ISO 3166-1 alpha-2 country code.

    The code is case-insensitive and may carry surrounding whitespace. Returns ``None``
    for an empty or unknown code.
    """
    if not code:
        return None
    return COUNTRY_REGION.get(code.strip().upper())


def countries_in_region(region: str) -> list[str]:
    """Return the sorted country codes of a :class:`Region` value (empty if unknown)."""
    return sorted(code for code, value in COUNTRY_REGION.items() if value == region)


class Theme(models.TextChoices):
    """Skills-development themes an innovation, resource or event is about."""

    DIGITAL_SKILLS = "digital-skills", _("Digital skills")
    GREEN_SKILLS = "green-skills", _("Green skills")
    APPRENTICESHIPS = (
        "apprenticeships-and-work-based-learning",
        _("Apprenticeships and work-based learning"),
    )
    RECOGNITION_OF_PRIOR_LEARNING = (
        "recognition-of-prior-learning",
        _("Recognition of prior learning"),
    )
    CORE_SKILLS = "core-and-soft-skills", _("Core and soft skills")
    SKILLS_ANTICIPATION = "skills-anticipation", _("Skills anticipation")
    TVET_QUALITY = "tvet-quality-and-governance", _("TVET quality and governance")
    INCLUSION_GENDER = "inclusion-and-gender", _("Inclusion and gender")
    FINANCING_SKILLS = "financing-skills", _("Financing skills")
    LIFELONG_LEARNING = "lifelong-learning", _("Lifelong learning")
    ENTREPRENEURSHIP_SKILLS = "entrepreneurship-skills", _("Entrepreneurship skills")
    MIGRANTS_REFUGEES = "skills-for-migrants-and-refugees", _("Skills for migrants and refugees")


class SDG(models.IntegerChoices):
    """The 17 Sustainable Development Goals of the 2030 Agenda, by number."""

    NO_POVERTY = 1, _("No poverty")
    ZERO_HUNGER = 2, _("Zero hunger")
    GOOD_HEALTH = 3, _("Good health and well-being")
    QUALITY_EDUCATION = 4, _("Quality education")
    GENDER_EQUALITY = 5, _("Gender equality")
    CLEAN_WATER = 6, _("Clean water and sanitation")
    AFFORDABLE_CLEAN_ENERGY = 7, _("Affordable and clean energy")
    DECENT_WORK = 8, _("Decent work and economic growth")
    INDUSTRY_INNOVATION = 9, _("Industry, innovation and infrastructure")
    REDUCED_INEQUALITIES = 10, _("Reduced inequalities")
    SUSTAINABLE_CITIES = 11, _("Sustainable cities and communities")
    RESPONSIBLE_CONSUMPTION = 12, _("Responsible consumption and production")
    CLIMATE_ACTION = 13, _("Climate action")
    LIFE_BELOW_WATER = 14, _("Life below water")
    LIFE_ON_LAND = 15, _("Life on land")
    PEACE_JUSTICE = 16, _("Peace, justice and strong institutions")
    PARTNERSHIPS = 17, _("Partnerships for the goals")


class OrganisationType(models.TextChoices):
    """The kind of organisation a network member belongs to."""

    GOVERNMENT = "government", _("Government")
    EMPLOYERS = "employers", _("Employers' organisation")
    WORKERS = "workers", _("Workers' organisation")
    TVET = "tvet", _("TVET institution")
    ACADEMIA = "academia", _("Academia")
    COMPANY = "company", _("Company")
    NGO = "ngo", _("NGO / civil society")
    DONOR = "donor", _("Development partner / donor")
    INTERNATIONAL = "international", _("International organisation")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    """Languages network members commonly speak, by ISO 639-1 code."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")
    ARABIC = "ar", _("Arabic")
    PORTUGUESE = "pt", _("Portuguese")
    RUSSIAN = "ru", _("Russian")
    CHINESE = "zh", _("Chinese")
    SWAHILI = "sw", _("Swahili")
    HINDI = "hi", _("Hindi")
    BENGALI = "bn", _("Bengali")
    INDONESIAN = "id", _("Indonesian")
    TURKISH = "tr", _("Turkish")
    GERMAN = "de", _("German")
    AMHARIC = "am", _("Amharic")
    HAUSA = "ha", _("Hausa")


class Stage(models.TextChoices):
    """The maturity ladder of an innovation, in order."""

    IDEA = "idea", _("Idea")
    PROTOTYPE = "prototype", _("Prototype")
    PILOT = "pilot", _("Pilot")
    EVALUATED = "evaluated", _("Evaluated")
    SCALING = "scaling", _("Scaling")
    SCALED = "scaled", _("Scaled")


class TargetGroup(models.TextChoices):
    YOUTH = "youth", _("Youth")
    WOMEN = "women", _("Women")
    DISABILITIES = "disabilities", _("Persons with disabilities")
    MIGRANTS = "migrants-refugees", _("Migrants and refugees")
    INFORMAL = "informal-economy", _("Informal economy workers")
    RURAL = "rural", _("Rural communities")
    OLDER = "older-workers", _("Older workers")
    LOW_SKILLED = "low-skilled", _("Low-skilled adults")
    TEACHERS = "teachers-trainers", _("Teachers and trainers")
    EMPLOYERS = "employers-smes", _("Employers and SMEs")


class Seeking(models.TextChoices):
    PARTNERS = "partners", _("Partners")
    FUNDING = "funding", _("Funding")
    MENTORING = "mentoring", _("Mentoring")
    PILOT_SITES = "pilot-sites", _("Pilot sites")
    ADOPTERS = "adopters", _("Adopters")
