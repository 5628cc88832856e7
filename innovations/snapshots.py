"""An innovation's published text and classifications as plain data: what a revision keeps,
what a proposed change to a published innovation holds until a moderator publishes it, and
how either is put back on the innovation."""

from innovations.models import Innovation, InnovationFacet
from network.taxonomy import region_for_country

SNAPSHOT_FIELDS = [
    "title", "language", "summary", "problem", "solution", "evidence", "stage", "links",
    "visibility",
]  # fmt: skip
FACET_ORDER = ("theme", "sdg", "target", "seeking", "country", "region")


def facets_from(data: dict) -> dict[str, list[str]]:
    """The facets of an innovation form's cleaned data (regions follow the countries)."""
    countries = [str(code) for code in data.get("countries", [])]
    regions = sorted({region_for_country(code) for code in countries} - {None})
    return {
        "theme": list(data.get("themes", [])),
        "sdg": [str(value) for value in data.get("sdgs", [])],
        "target": list(data.get("target_groups", [])),
        "seeking": list(data.get("seeking", [])),
        "country": countries,
        "region": regions,
    }


def set_facets(innovation: Innovation, facets: dict[str, list[str]]) -> None:
    innovation.facets.all().delete()
    InnovationFacet.objects.bulk_create(
        [
            InnovationFacet(innovation=innovation, kind=kind, value=value)
            for kind, values in facets.items()
            for value in dict.fromkeys(values)
        ]
    )


def snapshot(innovation: Innovation) -> dict:
    data = {field: getattr(innovation, field) for field in SNAPSHOT_FIELDS}
    data["organisation_id"] = innovation.organisation_id
    data["tags"] = sorted(innovation.tags.names())
    data["facets"] = {
        kind: sorted(f.value for f in innovation.facets.all() if f.kind == kind)
        for kind in FACET_ORDER
    }
    return data


def edited(innovation: Innovation, *, fields: dict, facets: dict, tags: list[str]) -> dict:
    """The snapshot ``innovation`` would have with an edit form's values, without saving."""
    data = snapshot(innovation)
    data.update({name: fields[name] for name in SNAPSHOT_FIELDS if name in fields})
    if "organisation" in fields:
        organisation = fields["organisation"]
        data["organisation_id"] = organisation.pk if organisation else None
    data["tags"] = sorted(tags)
    data["facets"] = {kind: sorted(values) for kind, values in facets_from(facets).items()}
    return data


def apply(innovation: Innovation, data: dict) -> None:
    """Put ``data`` (a snapshot) on ``innovation`` and save it."""
    for field in SNAPSHOT_FIELDS:
        if field in data:  # snapshots taken before a field existed leave it as it is
            setattr(innovation, field, data[field])
    innovation.organisation_id = data.get("organisation_id")
    innovation.save()
    set_facets(innovation, data["facets"])
    innovation.tags.set(data["tags"])


def differences(before: dict, after: dict) -> list[tuple[str, object, object]]:
    """(part, before, after) for each part of two snapshots that differs, in form order."""
    parts = [*SNAPSHOT_FIELDS, "organisation_id", "tags"]
    changed = [(part, before.get(part), after.get(part)) for part in parts]
    changed += [
        (kind, sorted(before.get("facets", {}).get(kind, [])),
         sorted(after.get("facets", {}).get(kind, [])))
        for kind in FACET_ORDER
    ]  # fmt: skip
    if before.get("cover") != after.get("cover") and "cover" in after:
        changed.append(("cover", before.get("cover"), after.get("cover")))
    return [(part, old, new) for part, old, new in changed if old != new]
