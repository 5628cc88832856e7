"""Small helpers shared by every app (the base layer: imports no content app)."""

import json

from django.db import models
from django.utils.crypto import get_random_string
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.text import slugify

_SUFFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def unique_slug(
    model: type[models.Model],
    text: str,
    *,
    field: str = "slug",
    max_length: int = 200,
    reserved: frozenset[str] = frozenset(),
) -> str:
    """A slug for ``text`` not yet used by ``model``; a short random suffix breaks ties.

    ``reserved`` holds words that name fixed URLs beside the slugs (``me``, ``new``...).
    """
    base = slugify(text)[: max_length - 5].strip("-") or "item"
    candidate = base
    while candidate in reserved or model._default_manager.filter(**{field: candidate}).exists():
        candidate = f"{base}-{get_random_string(4, _SUFFIX_ALPHABET)}"
    return candidate


def json_ld(data: dict):
    """JSON for a ``<script type="application/ld+json">`` block, safe to put in HTML: the
    characters that could close the script (<, >, &) are escaped as Django's json_script does."""
    return mark_safe(json.dumps(data).translate(_json_script_escapes))


# A cell a spreadsheet would read as a formula (OWASP "CSV injection"): =, +, -, @, tab, CR.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A CSV cell that opens as text: member-written values that start like a formula get a
    leading apostrophe, which spreadsheets hide. Numbers and dates pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def spreadsheet_unsafe(value):
    """The cell ``spreadsheet_safe`` wrote, read back (an import of an export): the leading
    apostrophe before a formula's first character goes again."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def keyed_by_address(response):
    """A page whose address is its reader's key (a guest's or a visitor's signed link): kept
    by no cache, indexed by no search engine, and its address sent as Referer to no other
    site ("no-referrer" would make browsers send "Origin: null" with the page's own forms,
    which the CSRF check refuses)."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response
