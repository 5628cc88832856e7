"""Time zones: the names offered wherever one is chosen, and a country's first zone, the
guess made at sign-up (which the member confirms or changes on their profile)."""

import functools
import zoneinfo
from importlib.resources import files

TIMEZONES = sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})


@functools.cache
def _first_zones() -> dict[str, str]:
    """Each country's first zone in the time-zone database's ``zone.tab`` (from tzdata)."""
    first = {}
    table = files("tzdata").joinpath("zoneinfo", "zone.tab").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line and not line.startswith("#"):
            code, _coordinates, name, *_comment = line.split("\t")
            first.setdefault(code, name)
    return first


def first_zone(country: str) -> str | None:
    """The first time zone listed for an ISO 3166-1 alpha-2 country code, or None."""
    return _first_zones().get(str(country or "").strip().upper())
