"""Demo resources: every type, theme and several languages, some members-only, works in three
language versions, two collections, contributions awaiting review or declined, useful marks.

Files are generated here (tiny hand-built PDFs, CSV and text): nothing is downloaded.
Idempotent: each resource is keyed on its slug and left alone once it exists.
"""

import io
import zipfile
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from members.models import Organisation, User
from network.taxonomy import Theme
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


def minimal_opendocument(
    text: str, mimetype: str = "application/vnd.oasis.opendocument.text"
) -> bytes:
    """An OpenDocument (or, with its mimetype, an EPUB) container: ``mimetype`` first, stored."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr(
            "META-INF/container.xml" if mimetype == "application/epub+zip" else "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><document><p>{escaped}</p></document>',
        )
    return buffer.getvalue()


# --- demo content -------------------------------------------------------------------------
T = Theme
# slug: (title, type, language, themes, access, publisher, year, licence, summary)
ORIGINALS = [
    (
        "quality-apprenticeships-toolkit",
        "ILO Toolkit for Quality Apprenticeships",
        ResourceType.TOOLKIT,
        "en",
        [T.APPRENTICESHIPS],
        Access.PUBLIC,
        Publisher.ILO,
        2021,
        Licence.ILO_COPYRIGHT,
        "Practical guidance and tools for policy makers and practitioners to design quality "
        "apprenticeship programmes.",
    ),
    (
        "rpl-practitioners-guide",
        "Recognition of Prior Learning: a guide for practitioners",
        ResourceType.GUIDE,
        "en",
        [T.RECOGNITION_OF_PRIOR_LEARNING, T.INCLUSION_GENDER],
        Access.PUBLIC,
        Publisher.ILO,
        2018,
        Licence.ILO_COPYRIGHT,
        "Step by step: how to assess and certify what people learned outside school.",
    ),
    (
        "digital-skills-tvet-teachers",
        "Digital skills for TVET teachers: a course outline",
        ResourceType.COURSE,
        "en",
        [T.DIGITAL_SKILLS, T.TVET_QUALITY],
        Access.PUBLIC,
        Publisher.ILO,
        2023,
        Licence.CC_BY,
        "A twelve-week course outline to bring TVET teachers' digital skills up to date.",
    ),
]
# The French and Spanish versions of the three works above.
VERSIONS = {
    "quality-apprenticeships-toolkit": [
        ("boite-a-outils-apprentissage-qualite", "Boîte à outils de l'OIT pour des apprentissages de qualité", "fr",
         "Conseils pratiques et outils pour concevoir des programmes d'apprentissage de qualité."),
        ("caja-herramientas-aprendizaje-calidad", "Caja de herramientas de la OIT para aprendizajes de calidad", "es",
         "Orientación práctica y herramientas para diseñar programas de aprendizaje de calidad."),
    ],
    "rpl-practitioners-guide": [
        ("guide-reconnaissance-acquis", "Reconnaissance des acquis : guide pour les praticiens", "fr",
         "Pas à pas : évaluer et certifier ce que les personnes ont appris hors de l'école."),
        ("guia-reconocimiento-aprendizajes-previos", "Reconocimiento de aprendizajes previos: guía práctica", "es",
         "Paso a paso: cómo evaluar y certificar lo aprendido fuera de la escuela."),
    ],
    "digital-skills-tvet-teachers": [
        ("competences-numeriques-formateurs-eftp", "Compétences numériques des formateurs de l'EFTP", "fr",
         "Un plan de cours de douze semaines pour les formateurs de l'EFTP."),
        ("competencias-digitales-docentes-eftp", "Competencias digitales para docentes de EFTP", "es",
         "Un programa de doce semanas para actualizar las competencias digitales docentes."),
    ],
}  # fmt: skip
SINGLES = [
    ("green-jobs-skills-anticipation-report", "Skills for green jobs: anticipating needs",
     ResourceType.REPORT, "en", [T.GREEN_SKILLS, T.SKILLS_ANTICIPATION], Access.PUBLIC,
     Publisher.ILO, 2019, Licence.ILO_COPYRIGHT,
     "A cross-country study of how economies anticipate the skills a greener economy needs."),
    ("financing-tvet-policy-brief", "Financing TVET: levies, funds and incentives",
     ResourceType.POLICY_BRIEF, "en", [T.FINANCING_SKILLS, T.TVET_QUALITY], Access.PUBLIC,
     Publisher.ILO, 2022, Licence.ILO_COPYRIGHT,
     "What training levies and funds achieve, and what to watch for."),
    ("apprenticeship-completion-dataset", "Apprenticeship completion rates, 2015–2023",
     ResourceType.DATASET, "en", [T.APPRENTICESHIPS], Access.MEMBERS, Publisher.PARTNER, 2024,
     Licence.CC_BY, "Completion rates by sector and sex, compiled by network partners."),
    ("core-skills-video-series", "Core skills in 5 minutes: video series",
     ResourceType.VIDEO, "en", [T.CORE_SKILLS], Access.PUBLIC, Publisher.ILO, 2022,
     Licence.CC_BY_NC, "Short videos on communication, teamwork and problem solving."),
    ("workplace-learning-agreement-template", "Workplace learning agreement: template",
     ResourceType.TEMPLATE, "en", [T.APPRENTICESHIPS, T.CORE_SKILLS], Access.MEMBERS,
     Publisher.MEMBER, 2023, Licence.CC_BY_SA,
     "An editable agreement between learner, employer and training provider."),
    ("lifelong-learning-entitlements-report", "Lifelong learning entitlements across countries",
     ResourceType.REPORT, "en", [T.LIFELONG_LEARNING, T.FINANCING_SKILLS], Access.PUBLIC,
     Publisher.PARTNER, 2020, Licence.CC_BY,
     "Individual learning accounts and training leave compared in twelve countries."),
    ("gender-responsive-tvet-checklist", "Gender-responsive TVET: a checklist",
     ResourceType.TOOLKIT, "en", [T.INCLUSION_GENDER], Access.PUBLIC, Publisher.ILO, 2021,
     Licence.ILO_COPYRIGHT, "Thirty questions to review a programme for gender equality."),
    ("entrepreneurship-skills-curriculum", "Start and grow: entrepreneurship skills curriculum",
     ResourceType.COURSE, "en", [T.ENTREPRENEURSHIP_SKILLS], Access.MEMBERS, Publisher.ILO,
     2020, Licence.ILO_COPYRIGHT, "Session plans for trainers of young entrepreneurs."),
    ("competences-refugies-guide", "Compétences des personnes réfugiées : guide d'orientation",
     ResourceType.GUIDE, "fr", [T.MIGRANTS_REFUGEES, T.RECOGNITION_OF_PRIOR_LEARNING],
     Access.PUBLIC, Publisher.PARTNER, 2022, Licence.CC_BY,
     "Orienter les personnes réfugiées vers la formation et la validation des acquis."),
    ("anticipacion-competencias-informe", "Anticipación de competencias en América Latina",
     ResourceType.REPORT, "es", [T.SKILLS_ANTICIPATION], Access.PUBLIC, Publisher.PARTNER, 2023,
     Licence.CC_BY, "Cómo cinco países anticipan las competencias que pedirá el mercado."),
    ("habilidades-digitais-jovens", "Habilidades digitais para jovens: guia de oficinas",
     ResourceType.GUIDE, "pt", [T.DIGITAL_SKILLS], Access.PUBLIC, Publisher.MEMBER, 2024,
     Licence.CC_BY_SA, "Oficinas de fabricação digital para jovens em espaços maker."),
    ("green-skills-arabic-brief", "المهارات الخضراء: موجز سياسات",
     ResourceType.POLICY_BRIEF, "ar", [T.GREEN_SKILLS], Access.MEMBERS, Publisher.ILO, 2023,
     Licence.ILO_COPYRIGHT, "موجز عن المهارات اللازمة للتحول الأخضر في الدول العربية."),
    ("tvet-quality-indicators-sheet", "TVET quality indicators: a spreadsheet template",
     ResourceType.TEMPLATE, "en", [T.TVET_QUALITY], Access.PUBLIC, Publisher.ILO, 2022,
     Licence.CC_BY, "Indicators and their definitions, ready to fill in."),
    ("skills-glossary-other", "Glossary of skills development terms",
     ResourceType.OTHER, "en", [T.LIFELONG_LEARNING, T.CORE_SKILLS], Access.PUBLIC,
     Publisher.ILO, 2017, Licence.ILO_COPYRIGHT, "Plain definitions of the words we all use."),
]  # fmt: skip
# Member contributions: (slug, title, contributor email, status, review note)
CONTRIBUTIONS = [
    ("mobile-logbook-guide", "Mobile logbooks for apprentices: how we did it",
     "amina.wanjiru@example.org", Status.SUBMITTED, ""),
    ("informal-apprenticeship-survey", "Informal apprenticeship survey questionnaire",
     "fatou.diop@example.org", Status.SUBMITTED, ""),
    ("my-training-slides", "My training slides",
     "member@example.org", Status.REJECTED,
     "Thank you. The slides need a licence and a short description of how to use them."),
]  # fmt: skip
# slug: download count, so "most downloaded" has something to sort
DOWNLOADS = {
    "quality-apprenticeships-toolkit": 412, "rpl-practitioners-guide": 268,
    "green-jobs-skills-anticipation-report": 190, "digital-skills-tvet-teachers": 151,
    "boite-a-outils-apprentissage-qualite": 97, "caja-herramientas-aprendizaje-calidad": 88,
    "financing-tvet-policy-brief": 73, "gender-responsive-tvet-checklist": 64,
    "apprenticeship-completion-dataset": 41, "core-skills-video-series": 37,
}  # fmt: skip
VIDEO_LINKS = {"core-skills-video-series": "https://www.ilo.org/skills"}
COLLECTIONS = [
    ("toolkit-apprenticeship-innovators", "Toolkit for apprenticeship innovators",
     "Everything to **design, run and improve** an apprenticeship programme, in order: "
     "start with the toolkit, end with the data.",
     ["quality-apprenticeships-toolkit", "workplace-learning-agreement-template",
      "rpl-practitioners-guide", "apprenticeship-completion-dataset"]),
    ("green-and-digital-transitions", "Skills for the green and digital transitions",
     "What the network reads first on green and digital skills.",
     ["green-jobs-skills-anticipation-report", "digital-skills-tvet-teachers",
      "green-skills-arabic-brief", "habilidades-digitais-jovens"]),
]  # fmt: skip
USEFUL = [
    ("quality-apprenticeships-toolkit", "joseph.okello@example.org",
     "We used the checklist in chapter 3 to review our employer agreements."),
    ("quality-apprenticeships-toolkit", "kofi.mensah@example.org",
     "Good basis for the training of in-company trainers."),
    ("quality-apprenticeships-toolkit", "mentor@example.org", ""),
    ("rpl-practitioners-guide", "priya.nair@example.org",
     "Helped us design assessments for informal economy workers."),
    ("boite-a-outils-apprentissage-qualite", "fatou.diop@example.org",
     "Utilisée avec nos maîtres d'apprentissage à Dakar."),
    ("digital-skills-tvet-teachers", "budi.santoso@example.org",
     "We adapted weeks 4 to 6 for our teachers."),
]  # fmt: skip


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
            status=Status.PUBLISHED, contributor=None, organisation=None, translation_of=None,
            review_note="", published_at=None):  # fmt: skip
    if Resource.objects.filter(slug=slug).exists():
        return Resource.objects.get(slug=slug)
    resource = Resource(
        slug=slug, title=title, type=type_, language=language, access=access,
        publisher_type=publisher, year=year, licence=licence, summary=summary,
        description=f"{summary}\n\n- Who it is for: practitioners and policy makers\n"
        "- How to use it: read the summary first, then the tools",
        status=status, contributor=contributor, organisation=organisation,
        translation_of=translation_of, review_note=review_note,
        download_count=DOWNLOADS.get(slug, 0),
        published_at=published_at if status == Status.PUBLISHED else None,
        submitted_at=published_at if contributor else None,
    )  # fmt: skip
    if slug in VIDEO_LINKS:
        resource.external_url = VIDEO_LINKS[slug]
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
    try:
        from innovations.models import Innovation
    except ImportError:  # pragma: no cover - the innovations app is always installed
        return
    for resource in resources.values():
        if resource.status != Status.PUBLISHED or resource.innovations.exists():
            continue
        theme = resource.themes.values_list("theme", flat=True).first()
        matches = Innovation.objects.public().filter(facets__kind="theme", facets__value=theme)
        resource.innovations.set(list(matches.order_by("pk")[:2]))


def seed(*, log) -> None:
    now = timezone.now()
    organisations = {org.type: org for org in Organisation.objects.order_by("-pk")}
    users = {user.email: user for user in User.objects.filter(email__endswith="@example.org")}
    resources = {}
    rows = [(slug, *rest) for slug, *rest in ORIGINALS + SINGLES]
    for index, (slug, title, type_, language, themes, access, publisher, year, licence,
                summary) in enumerate(rows):  # fmt: skip
        organisation = (
            organisations.get("international") if publisher == Publisher.PARTNER else None
        )
        contributor = users.get("member@example.org") if publisher == Publisher.MEMBER else None
        resources[slug] = _create(
            slug, title=title, type_=type_, language=language, themes=themes, access=access,
            publisher=publisher, year=year, licence=licence, summary=summary,
            organisation=organisation, contributor=contributor,
            published_at=now - timedelta(days=7 * index + 3),
        )  # fmt: skip
    for original_slug, versions in VERSIONS.items():
        original = resources[original_slug]
        for offset, (slug, title, language, summary) in enumerate(versions, start=1):
            resources[slug] = _create(
                slug, title=title, type_=original.type, language=language,
                themes=original.theme_values(), access=original.access,
                publisher=original.publisher_type, year=original.year, licence=original.licence,
                summary=summary, translation_of=original,
                published_at=original.published_at + timedelta(days=offset),
            )  # fmt: skip
    for slug, title, email, status, note in CONTRIBUTIONS:
        contributor = users.get(email)
        if contributor is None:
            continue
        resources[slug] = _create(
            slug, title=title, type_=ResourceType.GUIDE, language="en",
            themes=[T.APPRENTICESHIPS], access=Access.MEMBERS, publisher=Publisher.MEMBER,
            year=now.year, licence="", summary="Shared by a member for the library.",
            status=status, contributor=contributor, review_note=note,
            published_at=now - timedelta(days=1),
        )  # fmt: skip
    for slug, title, description, items in COLLECTIONS:
        collection, _created = Collection.objects.get_or_create(
            slug=slug, defaults={"title": title, "description": description}
        )
        for position, item_slug in enumerate(items, start=1):
            CollectionItem.objects.get_or_create(
                collection=collection,
                resource=resources[item_slug],
                defaults={"position": position * 10},
            )
    for slug, email, note in USEFUL:
        member = users.get(email)
        if member is not None:
            UsefulMark.objects.get_or_create(
                resource=resources[slug], member=member, defaults={"note": note}
            )
    _link_innovations(resources)
    log(
        f"Resources: {Resource.objects.published().count()} published "
        f"({Resource.objects.published().filter(access=Access.MEMBERS).count()} members-only), "
        f"{Resource.objects.filter(status=Status.SUBMITTED).count()} awaiting review, "
        f"{Collection.objects.count()} collections."
    )
