"""One loader for the demo content: each app keeps its demo people, texts and dates in YAML
files under ``<app>/demo/`` and reads them here, checked against a small schema.

A schema is plain Python: a type (``str``, ``int``, ``float``, ``bool``), ``[item]`` for a
list, ``{key: schema}`` for a mapping (``optional(key, default)`` for a key that may be left
out; any other key is refused, so a misspelt one fails), ``table(keys, values)`` for a mapping
with free keys, or a check: ``choice(Model.Status)`` (the stored values), ``MOMENT``, ``DAY``
and ``CLOCK`` (which also turn the text into a datetime, date or time), ``COUNTRY``, ``SLUG``,
``PERSON`` and ``ref()`` (natural keys). A file that does not fit raises ``DemoDataError``
naming the file and the key; ``fail()`` raises the same for what a schema cannot say (that a
key names an entry of the same file).

The YAML is read with YAML 1.2's plain rules: only ``true``/``false`` are booleans and only
plain decimal numbers are numbers, so ``NO`` (Norway), ``14:00`` and ``2025-01-20`` stay text.

This module belongs to the base: it imports Django, PyYAML and django-countries, and nothing
of the content apps.
"""

import copy
import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import yaml
from django.apps import apps
from django.contrib.auth import get_user_model
from django_countries import countries

DEMO_DOMAIN = "example.org"
# A fixed date without a time is this time of day, in UTC.
DEFAULT_TIME = time(9, 0)

__all__ = [
    "CLOCK",
    "COUNTRY",
    "DAY",
    "MOMENT",
    "PERSON",
    "SLUG",
    "DemoDataError",
    "at",
    "choice",
    "email",
    "fail",
    "load",
    "optional",
    "path",
    "people",
    "ref",
    "table",
]


class DemoDataError(ValueError):
    """A demo data file is missing, is not valid YAML or does not fit its schema."""


# --- shared helpers ---------------------------------------------------------------------------
def email(local: str) -> str:
    """The address of a demo person named by its local part: ``member`` -> member@example.org."""
    return f"{local}@{DEMO_DOMAIN}"


def at(value: str | date) -> datetime:
    """A fixed moment in UTC from "YYYY-MM-DD" (at 09:00), "YYYY-MM-DD HH:MM" or a date."""
    if isinstance(value, date):
        return datetime.combine(value, DEFAULT_TIME, tzinfo=UTC)
    moment = datetime.fromisoformat(value if " " in value else f"{value} {DEFAULT_TIME:%H:%M}")
    return moment.replace(tzinfo=UTC)


def people(users=None) -> dict:
    """The demo users by the local part of their address, lower-cased: ``{"member": user}``.

    ``users`` narrows the query (``User.objects.approved()``); by default every user counts.
    """
    if users is None:
        users = get_user_model().objects.all()
    users = users.filter(email__iendswith=f"@{DEMO_DOMAIN}")
    return {user.email.lower().rsplit("@", 1)[0]: user for user in users}


# --- reading ----------------------------------------------------------------------------------
def _yaml_1_2(cls):
    """Give a YAML loader or dumper class the plain scalars of YAML 1.2's core schema."""
    cls.yaml_implicit_resolvers = {}
    for tag, pattern, first in (
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
        ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ):
        cls.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), list(first))
    return cls


@_yaml_1_2
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def path(app_label: str, name: str) -> Path:
    """Where an app's demo data file lives: ``<app>/demo/<name>.yaml``."""
    return Path(apps.get_app_config(app_label).path) / "demo" / f"{name}.yaml"


def _shown(app_label: str, name: str) -> str:
    return f"{app_label}/demo/{name}.yaml"


def fail(app_label: str, name: str, key: str, problem: str):
    """Raise ``DemoDataError`` for ``key`` of an app's demo data file."""
    raise DemoDataError(f"{_shown(app_label, name)}: {key}: {problem}")


def load(app_label: str, name: str, schema: Any, *, seen: dict | None = None) -> Any:
    """Read ``<app>/demo/<name>.yaml``, check it against ``schema`` and return it, with the
    optional keys filled in and the dates and times turned into Python values.

    ``seen``, when given, collects the natural keys the file names, by kind (``"person"``:
    the local names of people), and the file itself under ``"file"``, so that a test can
    check that every file is read and every key names something that exists.
    """
    file = path(app_label, name)
    shown = _shown(app_label, name)
    if seen is not None:
        seen.setdefault("file", set()).add(shown)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise DemoDataError(f"{shown}: cannot be read ({error.strerror})") from error
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader with 1.2 scalars
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise DemoDataError(f"{shown}: not valid YAML{where}: {problem}") from error
    return _check(data, schema, _Place(shown, "", seen))


# --- checking ---------------------------------------------------------------------------------
class _Place:
    """Where in a file a value is, for the error message: ``file: innovations[3].owner``."""

    def __init__(self, file: str, key: str, seen: dict | None):
        self.file, self.key, self.seen = file, key, seen

    def at(self, step) -> "_Place":
        key = f"{self.key}[{step}]" if isinstance(step, int) else f"{self.key}.{step}".lstrip(".")
        return _Place(self.file, key, self.seen)

    def fail(self, problem: str):
        raise DemoDataError(f"{self.file}: {self.key or 'the file'}: {problem}")


class _Optional:
    def __init__(self, key: str, default: Any):
        self.key, self.default = key, default


def optional(key: str, default: Any = None) -> _Optional:
    """A mapping key that may be left out; it then holds (a copy of) ``default``."""
    return _Optional(key, default)


class _Check:
    """A value checked (and maybe converted) by a function that raises ``ValueError``."""

    def __init__(self, name: str, convert, kind: str | None = None):
        self.name, self.convert, self.kind = name, convert, kind

    def __call__(self, value, place: _Place):
        try:
            converted = self.convert(value)
        except (ValueError, TypeError) as error:
            place.fail(f"{value!r} is not {self.name}{f' ({error})' if str(error) else ''}")
        if self.kind and place.seen is not None:
            place.seen.setdefault(self.kind, set()).add(converted)
        return converted


def _text(pattern: str, then=str):
    """Text that matches ``pattern``, turned into a value by ``then``."""
    regex = re.compile(pattern)

    def convert(value):
        if not isinstance(value, str) or not regex.fullmatch(value):
            raise ValueError("")
        return then(value)

    return convert


def _among(values):
    def convert(value):
        if isinstance(value, bool) or value not in values:
            raise ValueError("")
        return value

    return convert


def choice(choices: Any) -> _Check:
    """One of the stored values of a model's choices (``Status``, ``Theme``) or of a list."""
    values = list(getattr(choices, "values", choices))
    shown = ", ".join(str(value) for value in values[:12]) + (", ..." if len(values) > 12 else "")
    return _Check(f"one of {shown}", _among(set(values)))


SLUG_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def ref(kind: str, pattern: str = SLUG_PATTERN) -> _Check:
    """A natural key (a slug by default) of something the demo creates, collected by kind."""
    return _Check(f"a {kind} ({pattern})", _text(pattern), kind)


MOMENT = _Check(
    'a moment "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (UTC)', _text(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?", at)
)
DAY = _Check('a date "YYYY-MM-DD"', _text(r"\d{4}-\d\d-\d\d", date.fromisoformat))
CLOCK = _Check('a time of day "HH:MM"', _text(r"\d\d:\d\d", time.fromisoformat))
COUNTRY = _Check("a country code (ISO 3166)", _among(countries))
SLUG = _Check(f"a slug ({SLUG_PATTERN})", _text(SLUG_PATTERN))
# A demo person, by the local part of their address: ``amina.wanjiru``, ``member``.
PERSON = ref("person", r"[a-z0-9]+(?:[._-][a-z0-9]+)*")


class _Table:
    def __init__(self, keys: Any, values: Any):
        self.keys, self.values = keys, values


def table(keys: Any, values: Any) -> _Table:
    """A mapping whose keys are data too (``{country code: [languages]}``)."""
    return _Table(keys, values)


_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


def _check(value: Any, schema: Any, place: _Place) -> Any:
    if isinstance(schema, _Check):
        return schema(value, place)
    if isinstance(schema, type):
        fits = isinstance(value, schema) and not (schema is not bool and isinstance(value, bool))
        if schema is float and isinstance(value, int) and not isinstance(value, bool):
            fits = True
        if not fits:
            place.fail(f"expected {_TYPE_NAMES.get(schema, schema.__name__)}, found {value!r}")
        return value
    if isinstance(schema, list):
        if not isinstance(value, list):
            place.fail(f"expected a list, found {value!r}")
        return [_check(item, schema[0], place.at(index)) for index, item in enumerate(value)]
    if isinstance(schema, _Table):
        if not isinstance(value, dict):
            place.fail(f"expected a mapping, found {value!r}")
        return {
            _check(key, schema.keys, place.at(str(key))): _check(
                item, schema.values, place.at(str(key))
            )
            for key, item in value.items()
        }
    if isinstance(schema, dict):
        return _check_mapping(value, schema, place)
    raise TypeError(f"not a schema: {schema!r}")  # a mistake in the seed code, not the data


def _check_mapping(value: Any, schema: dict, place: _Place) -> dict:
    if not isinstance(value, dict):
        place.fail(f"expected a mapping, found {value!r}")
    keys = {getattr(key, "key", key): key for key in schema}
    unknown = [key for key in value if key not in keys]
    if unknown:
        place.at(str(unknown[0])).fail(f"unknown key (expected one of: {', '.join(keys)})")
    checked = {}
    for name, key in keys.items():
        if name in value:
            checked[name] = _check(value[name], schema[key], place.at(name))
        elif isinstance(key, _Optional):
            checked[name] = copy.deepcopy(key.default)
        else:
            place.at(name).fail("missing")
    return checked
