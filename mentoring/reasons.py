"""The matching engine's reasons, in words, in the reader's language.

Reasons are kept as plain data (``matching.Reason`` or its stored form, a dict with ``kind``,
``points`` and ``values``), so that a request or a match remembers why it was suggested and
can say so in English, French or Spanish later.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mentoring.matching import Reason
from network.taxonomy import Language, Region, Theme, labels


def stored(reasons) -> list[dict]:
    """Reasons as JSON-friendly dicts (for a request's or a match's ``reasons`` field)."""
    return [
        {"kind": r.kind, "points": r.points, "values": list(r.values)}
        if isinstance(r, Reason)
        else dict(r)
        for r in reasons
    ]


def _label(choices, value):
    found = labels(choices, [value])
    return str(found[0]) if found else value


def _hours(value) -> str:
    hours = float(value)
    return f"{hours:.0f}" if hours == int(hours) else f"{hours:.1f}"


def describe_one(reason: dict) -> str:
    kind, values = reason["kind"], list(reason.get("values", []))
    if kind == "language":
        names = ", ".join(_label(Language, v) for v in values)
        return _("Shared language: %(languages)s") % {"languages": names}
    if kind == "expertise":
        return _("Shared expertise: %(tags)s") % {"tags": ", ".join(values)}
    if kind == "theme":
        names = ", ".join(_label(Theme, v) for v in values)
        return _("Shared themes: %(themes)s") % {"themes": names}
    if kind == "region":
        return _("Same region: %(region)s") % {"region": _label(Region, values[0])}
    if kind == "timezone":
        hours = float(values[0]) if values else 0.0
        if hours == 0:
            return _("Same time zone")
        return ngettext("%(hours)s hour apart", "%(hours)s hours apart", max(1, round(hours))) % {
            "hours": _hours(hours)
        }
    if kind == "organisation":
        return _("A view from another kind of organisation")
    return kind


def describe(reasons) -> list[str]:
    """Each reason as a short sentence, in the active language."""
    return [describe_one(reason) for reason in stored(reasons)]
