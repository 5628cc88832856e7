"""Demo resources: every type, theme and several languages, some members-only, works in three
language versions, collections (staff's, and curators' in three languages), contributions
awaiting review or declined, useful marks.

The content is in ``resources.yaml`` beside this module. Files are generated here (tiny
hand-built PDFs, CSV and text): nothing is downloaded. Idempotent: each resource is keyed on
its slug and left alone once it exists.
"""

import io
import zipfile
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from innovations.models import Innovation
from members.models import Organisation
from network import demodata
from network.demodata import PERSON, SLUG, choice, optional
from network.taxonomy import Language, Theme
from resources.models import (
    Access,
    Collection,
    CollectionItem,
    Licence,
    Publisher,
    Resource,
    ResourceTheme,
    ResourceType,
    Status,
    UsefulMark,
)
from resources.uploads import DOCUMENT_TYPES

SCHEMA = {
    "description_after_summary": str,
    "works": [
        {
            "slug": SLUG,
            "title": str,
            "type": choice(ResourceType),
            "language": choice(Language),
            "themes": [choice(Theme)],
            "access": choice(Access),
            "publisher": choice(Publisher),
            "year": int,
            "licence": choice(Licence),
            "summary": str,
            optional("downloads", 0): int,
            optional("link", ""): str,
            optional("versions", []): [
                {
                    "slug": SLUG,
                    "title": str,
                    "language": choice(Language),
                    "summary": str,
                    optional("downloads", 0): int,
                }
            ],
        }
    ],
    "contributions": [
        {
            "slug": SLUG,
            "title": str,
            "type": choice(ResourceType),
            "language": choice(Language),
            "themes": [choice(Theme)],
            "access": choice(Access),
            "contributor": PERSON,
            "status": choice(Status),
            "summary": str,
            optional("review_note", ""): str,
        }
    ],
    "collections": [
        {
            "slug": SLUG,
            "title": str,
            "description": str,
            "resources": [SLUG],
            optional("innovations", []): [{"slug": SLUG, optional("note", ""): str}],
            optional("language", Language.ENGLISH): choice(Language),
            # A member who keeps it on the site (made a curator); staff's own without one.
            optional("curator", ""): PERSON,
            optional("published", True): bool,
        }
    ],
    "useful": [{"resource": SLUG, "member": PERSON, optional("note", ""): str}],
}


# --- tiny, valid documents ------------------------------------------------------------------
def _pdf_text(text: str) -> str:
    # Latin-1 only in the PDF's standard font; anything else becomes "?".
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(title: str, lines: list[str] = ()) -> bytes:
    """A one-page PDF with a title and a few lines, built by hand (a few hundred bytes)."""
    commands = ["BT", "/F1 18 Tf", "72 760 Td", f"({_pdf_text(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        commands += ["0 -22 Td", f"({_pdf_text(line)}) Tj"]
    commands.append("ET")
    stream = "\n".join(commands).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def minimal_docx(text: str) -> bytes:
    """A Word document with one paragraph: the three parts Word needs, and no more."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body><w:p><w:r><w:t>{escaped}</w:t></w:r></w:p></w:body></w:document>",
        )
    return buffer.getvalue()


def content(*, seen: dict | None = None) -> dict:
    """The library's demo content, read and checked; collections and useful marks name
    resources of the same file."""
    data = demodata.load("resources", "resources", SCHEMA, seen=seen)
    slugs = {row["slug"] for row in data["contributions"]}
    for work in data["works"]:
        slugs |= {work["slug"], *(version["slug"] for version in work["versions"])}
    for index, collection in enumerate(data["collections"]):
        for position, slug in enumerate(collection["resources"]):
            if slug not in slugs:
                demodata.fail("resources", "resources",
                              f"collections[{index}].resources[{position}]",
                              f"{slug!r} is not a resource of this file")  # fmt: skip
    for index, mark in enumerate(data["useful"]):
        if mark["resource"] not in slugs:
            demodata.fail("resources", "resources", f"useful[{index}].resource",
                          f"{mark['resource']!r} is not a resource of this file")  # fmt: skip
    return data


def _document(slug: str, title: str, type_: str, summary: str) -> tuple[bytes, str]:
    if type_ == ResourceType.DATASET:
        rows = ["sector,year,women,men,completion_rate"]
        rows += [
            f"construction,{2015 + i},{20 + i},{180 - i},{0.6 + i / 100:.2f}" for i in range(9)
        ]
        return ("\n".join(rows) + "\n").encode(), f"{slug}.csv"
    if type_ == ResourceType.OTHER:
        return f"{title}\n\n{summary}\n".encode(), f"{slug}.txt"
    if type_ == ResourceType.TEMPLATE and "sheet" in slug:
        rows = ["indicator,definition,value", "completion,share of learners who complete,"]
        return ("\n".join(rows) + "\n").encode(), f"{slug}.csv"
    if type_ == ResourceType.TEMPLATE:
        return minimal_docx(f"{title}. {summary}"), f"{slug}.docx"
    return minimal_pdf(
        title, [summary[:90], "Demo file of the Skills Innovation Network."]
    ), f"{slug}.pdf"


def _create(slug, *, title, type_, language, themes, access, publisher, year, licence, summary,
            about, downloads=0, link="", status=Status.PUBLISHED, contributor=None,
            organisation=None, translation_of=None, review_note="", published_at=None):  # fmt: skip
    if Resource.objects.filter(slug=slug).exists():
        return Resource.objects.get(slug=slug)
    resource = Resource(
        slug=slug, title=title, type=type_, language=language, access=access,
        publisher_type=publisher, year=year, licence=licence, summary=summary,
        description=f"{summary}\n\n{about}",
        status=status, contributor=contributor, organisation=organisation,
        translation_of=translation_of, review_note=review_note,
        download_count=downloads,
        published_at=published_at if status == Status.PUBLISHED else None,
        submitted_at=published_at if contributor else None,
    )  # fmt: skip
    if link:
        resource.external_url = link
    else:
        data, name = _document(slug, title, type_, summary)
        extension = name.rsplit(".", 1)[1]
        resource.file.save(name, ContentFile(data), save=False)
        resource.original_filename = name
        resource.file_size = len(data)
        resource.content_type = DOCUMENT_TYPES[extension][0]
    resource.save()
    ResourceTheme.objects.bulk_create(
        [ResourceTheme(resource=resource, theme=theme) for theme in themes]
    )
    resource.tags.set([str(Theme(themes[0]).label).lower(), type_])
    return resource


def _link_innovations(resources: dict) -> None:
    """Link a few resources to published demo innovations sharing a theme, if any exist."""
    for resource in resources.values():
        if resource.status != Status.PUBLISHED or resource.innovations.exists():
            continue
        theme = resource.themes.values_list("theme", flat=True).first()
        matches = Innovation.objects.public().filter(facets__kind="theme", facets__value=theme)
        resource.innovations.set(list(matches.order_by("pk")[:2]))


def seed(*, log) -> None:
    data = content()
    about = data["description_after_summary"]
    now = timezone.now()
    organisations = {org.type: org for org in Organisation.objects.order_by("-pk")}
    users = demodata.people()
    resources = {}
    for index, work in enumerate(data["works"]):
        publisher = work["publisher"]
        organisation = (
            organisations.get("international") if publisher == Publisher.PARTNER else None
        )
        contributor = users.get("member") if publisher == Publisher.MEMBER else None
        resources[work["slug"]] = _create(
            work["slug"], title=work["title"], type_=work["type"], language=work["language"],
            themes=work["themes"], access=work["access"], publisher=publisher, year=work["year"],
            licence=work["licence"], summary=work["summary"], about=about,
            downloads=work["downloads"], link=work["link"], organisation=organisation,
            contributor=contributor, published_at=now - timedelta(days=7 * index + 3),
        )  # fmt: skip
    # The language versions after every work, each a day after the one before.
    for work in data["works"]:
        original = resources[work["slug"]]
        for offset, version in enumerate(work["versions"], start=1):
            resources[version["slug"]] = _create(
                version["slug"], title=version["title"], type_=original.type,
                language=version["language"], themes=original.theme_values(),
                access=original.access, publisher=original.publisher_type, year=original.year,
                licence=original.licence, summary=version["summary"], about=about,
                downloads=version["downloads"], translation_of=original,
                published_at=original.published_at + timedelta(days=offset),
            )  # fmt: skip
    for row in data["contributions"]:
        contributor = users.get(row["contributor"])
        if contributor is None:
            continue
        resources[row["slug"]] = _create(
            row["slug"], title=row["title"], type_=row["type"], language=row["language"],
            themes=row["themes"], access=row["access"], publisher=Publisher.MEMBER,
            year=now.year, licence="", summary=row["summary"], about=about,
            status=row["status"], contributor=contributor, review_note=row["review_note"],
            published_at=now - timedelta(days=1),
        )  # fmt: skip
    for row in data["collections"]:
        curator = users.get(row["curator"]) if row["curator"] else None
        if curator is not None:
            curator.groups.add(Group.objects.get(name="Collection curators"))
        collection, _created = Collection.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "title": row["title"], "description": row["description"],
                "language": row["language"], "curator": curator,
                "published": row["published"],
            },
        )  # fmt: skip
        for position, item_slug in enumerate(row["resources"], start=1):
            CollectionItem.objects.get_or_create(
                collection=collection,
                resource=resources[item_slug],
                defaults={"position": position * 10},
            )
        for position, item in enumerate(row["innovations"], start=len(row["resources"]) + 1):
            innovation = Innovation.objects.filter(slug=item["slug"]).first()
            if innovation is not None:
                CollectionItem.objects.get_or_create(
                    collection=collection, innovation=innovation,
                    defaults={"position": position * 10, "note": item["note"]},
                )  # fmt: skip
    for row in data["useful"]:
        member = users.get(row["member"])
        if member is not None:
            UsefulMark.objects.get_or_create(
                resource=resources[row["resource"]], member=member, defaults={"note": row["note"]}
            )
    _link_innovations(resources)
    log(
        f"Resources: {Resource.objects.published().count()} published "
        f"({Resource.objects.published().filter(access=Access.MEMBERS).count()} members-only), "
        f"{Resource.objects.filter(status=Status.SUBMITTED).count()} awaiting review, "
        f"{Collection.objects.count()} collections."
    )
