"""Staff import the library's resources in bulk from the admin (network.imports, resources.imports):
descriptions with their links are published at once, rows without a link wait as drafts for
their file, the same file again changes nothing, bad rows are refused with the reason, every
real import is audited, and an export imports back unchanged."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from network.models import AuditEntry
from resources.models import Resource
from tests.factories import OrganisationFactory, ResourceFactory, StaffFactory
from tests.imports import XLSX, confirm, csv_file, dry_run, export_rows, preview, xlsx_file

pytestmark = pytest.mark.django_db

RESOURCES = "/admin/resources/resource/"
COLUMNS = [
    "slug", "title", "summary", "description", "type", "language", "external_url", "year",
    "licence", "access", "publisher", "organisation", "translation_of", "themes", "tags",
]  # fmt: skip


@pytest.fixture
def moderator(db):
    return StaffFactory(display_name="Mo Moderator")


@pytest.fixture
def staff(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="ILO Skills Branch")


def row(**values):
    return [values.get(column, "") for column in COLUMNS]


def library_file(*extra):
    return csv_file(
        [
            COLUMNS,
            row(
                slug="apprenticeship-toolkit",
                title="Quality apprenticeships toolkit",
                summary="How to set up and run quality apprenticeships.",
                type="toolkit",
                language="en",
                external_url="https://www.ilo.org/apprenticeships",
                year="2023",
                licence="cc-by-4.0",
                organisation="ilo skills branch",
                themes="apprenticeships-and-work-based-learning; digital-skills",
                tags="apprenticeships; employers",
            ),
            row(
                slug="boite-a-outils-apprentissage",
                title="Boîte à outils pour un apprentissage de qualité",
                type="toolkit",
                language="fr",
                external_url="https://www.ilo.org/fr/apprentissage",
                translation_of="apprenticeship-toolkit",
                themes="Apprenticeships and work-based learning",
            ),
            row(
                title="Guía de reconocimiento de aprendizajes previos",
                type="guide",
                language="es",
                access="members",
                publisher="partner",
                themes="recognition-of-prior-learning",
            ),
            *extra,
        ]
    )


def test_dry_run_shows_what_each_row_will_do_and_changes_nothing(staff, organisation):
    response = dry_run(staff, RESOURCES, library_file())
    assert response.status_code == 200
    assert preview(response) == [
        (1, "new", ""),
        (2, "new", ""),
        (3, "new", "A draft until its file is attached on its admin page."),
    ]
    assert Resource.objects.count() == 0
    assert not AuditEntry.objects.filter(action="import_resource").exists()


def test_import_publishes_staff_additions_and_is_audited(
    staff, moderator, organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(staff, RESOURCES, dry_run(staff, RESOURCES, library_file()))
    assert response.status_code == 302
    toolkit = Resource.objects.get(slug="apprenticeship-toolkit")
    assert (toolkit.status, toolkit.publisher_type, toolkit.access, toolkit.licence) == (
        "published", "ilo", "public", "cc-by-4.0",
    )  # fmt: skip
    assert toolkit.published_at is not None
    assert (toolkit.organisation, toolkit.year, toolkit.contributor) == (organisation, 2023, None)
    assert sorted(toolkit.theme_values()) == [
        "apprenticeships-and-work-based-learning", "digital-skills",
    ]  # fmt: skip
    assert sorted(toolkit.tags.names()) == ["apprenticeships", "employers"]
    french = Resource.objects.get(slug="boite-a-outils-apprentissage")
    assert (french.translation_of, french.language) == (toolkit, "fr")
    # Published at once: the library shows it to visitors.
    staff.logout()
    assert staff.get("/resources/apprenticeship-toolkit/").status_code == 200
    # Without a link: a draft, with a slug made from its title, waiting for its file.
    guide = Resource.objects.get(title="Guía de reconocimiento de aprendizajes previos")
    assert (guide.slug, guide.status, guide.published_at) == (
        "guia-de-reconocimiento-de-aprendizajes-previos", "draft", None,
    )  # fmt: skip
    assert (guide.access, guide.publisher_type) == ("members", "partner")
    assert staff.get(f"/resources/{guide.slug}/").status_code == 404
    entry = AuditEntry.objects.get(action="import_resource")
    assert (entry.actor, entry.after) == (
        moderator, {"new": 3, "updated": 0, "skipped": 0, "refused": 0},
    )  # fmt: skip
    assert mail.outbox == []  # nobody to tell: staff published it


def test_the_same_file_twice_changes_nothing(staff, organisation):
    confirm(staff, RESOURCES, dry_run(staff, RESOURCES, library_file()))
    before = list(Resource.objects.order_by("pk").values())
    themes = list(Resource.objects.order_by("pk").values_list("themes__theme", flat=True))

    second = dry_run(staff, RESOURCES, library_file())
    assert [kind for _number, kind, _why in preview(second)] == ["skip", "skip", "skip"]
    confirm(staff, RESOURCES, second)

    assert list(Resource.objects.order_by("pk").values()) == before
    assert list(Resource.objects.order_by("pk").values_list("themes__theme", flat=True)) == themes
    assert AuditEntry.objects.filter(action="import_resource").order_by("pk").last().after == {
        "new": 0, "updated": 0, "skipped": 3, "refused": 0,
    }  # fmt: skip


def test_a_changed_row_updates_found_by_slug_or_by_title(staff):
    ResourceFactory(
        slug="skills-report", title="Skills report", summary="Old.", link="https://a.org"
    )
    ResourceFactory(
        slug="green-guide", title="Green jobs guide", summary="Old.", link="https://b.org"
    )
    upload = csv_file(
        [
            ["slug", "title", "summary", "type", "external_url", "themes"],
            [
                "skills-report",
                "Skills report",
                "New summary.",
                "guide",
                "https://a.org",
                "green-skills",
            ],
            ["", "GREEN JOBS GUIDE", "Old.", "guide", "https://b.org", ""],
        ]
    )
    response = dry_run(staff, RESOURCES, upload)
    assert [kind for _number, kind, _why in preview(response)] == ["update", "update"]
    confirm(staff, RESOURCES, response)
    report = Resource.objects.get(slug="skills-report")
    assert (report.summary, report.theme_values()) == ("New summary.", ["green-skills"])
    green = Resource.objects.get(slug="green-guide")  # its slug kept, its title as written
    assert green.title == "GREEN JOBS GUIDE"


def test_bad_rows_are_refused_with_the_reason(staff, organisation):
    ResourceFactory(slug="has-a-file", title="Has a file")
    response = dry_run(
        staff,
        RESOURCES,
        library_file(
            row(title="Wrong type", type="podcast", external_url="https://x.org"),
            row(title="Wrong theme", type="guide", external_url="https://x.org", themes="cooking"),
            row(title="Unknown publisher", type="guide", external_url="https://x.org",
                organisation="Nowhere Institute"),
            row(title="Bad link", type="guide", external_url="ftp://x.org/file"),
            row(title="Bad year", type="guide", external_url="https://x.org", year="soon"),
            row(slug="new", title="Reserved", type="guide", external_url="https://x.org"),
            row(slug="has-a-file", title="Has a file", type="guide", external_url="https://x.org"),
        ),
    )  # fmt: skip
    rows = preview(response)
    assert [kind for _number, kind, _why in rows] == ["new"] * 3 + ["refused"] * 7
    reasons = [why for _number, _kind, why in rows[3:]]
    assert reasons[0].startswith("“podcast” is not one of the allowed values: toolkit, guide")
    assert reasons[1].startswith("“cooking” is not one of the allowed values: digital-skills")
    assert reasons[2] == (
        "No organisation is called “Nowhere Institute”: import the organisations first, or "
        "leave the column empty."
    )
    assert reasons[3] == "Give a web address starting with http:// or https://."
    assert reasons[4] == "“soon” is not a year."
    assert reasons[5] == "“new” names a page of the library: choose another slug."
    assert reasons[6] == "A resource has a file or an external link, not both."
    assert "“podcast” is not one of the allowed values" in response.content.decode()

    confirm(staff, RESOURCES, response)
    assert Resource.objects.count() == 4  # the three good rows, and the one there before
    assert AuditEntry.objects.get(action="import_resource").after == {
        "new": 3, "updated": 0, "skipped": 0, "refused": 7,
    }  # fmt: skip


def test_resources_import_from_a_spreadsheet(staff):
    upload = xlsx_file(
        [
            ["title", "type", "language", "external_url", "year", "themes"],
            ["Guide des compétences vertes", "guide", "French", "https://x.org/vert", 2022,
             "green-skills"],
        ]
    )  # fmt: skip
    response = dry_run(staff, RESOURCES, upload, XLSX)
    assert preview(response) == [(1, "new", "")]
    confirm(staff, RESOURCES, response)
    guide = Resource.objects.get()
    assert (guide.language, guide.year, guide.status) == ("fr", 2022, "published")


def test_an_imported_draft_is_published_once_its_file_is_attached(staff):
    confirm(
        staff,
        RESOURCES,
        dry_run(staff, RESOURCES, csv_file([["title", "type"], ["Handbook", "guide"]])),
    )
    draft = Resource.objects.get(title="Handbook")
    # Nothing to open yet: "approve" is not offered and does nothing.
    page = staff.get(f"{RESOURCES}{draft.pk}/change/").content.decode()
    assert "/decide/approve/" not in page
    staff.post(RESOURCES, {"action": "approve", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_export_gives_the_columns_the_import_takes_back(staff, organisation):
    confirm(staff, RESOURCES, dry_run(staff, RESOURCES, library_file()))
    ResourceFactory(slug="formula", title="=SUM(A1:A9) guide", themes=["green-skills"])
    rows = export_rows(staff, RESOURCES, "ResourceResource", COLUMNS)
    assert rows[0] == COLUMNS
    by_slug = {exported[0]: dict(zip(COLUMNS, exported, strict=True)) for exported in rows[1:]}
    assert by_slug["apprenticeship-toolkit"]["themes"] == (
        "apprenticeships-and-work-based-learning; digital-skills"
    )
    assert by_slug["apprenticeship-toolkit"]["organisation"] == "ILO Skills Branch"
    assert by_slug["boite-a-outils-apprentissage"]["translation_of"] == "apprenticeship-toolkit"
    assert by_slug["formula"]["title"] == "'=SUM(A1:A9) guide"  # opens as text
    response = dry_run(staff, RESOURCES, csv_file(rows))
    assert {kind for _number, kind, _why in preview(response)} == {"skip"}


def test_the_example_files_import_cleanly_in_order(
    staff, settings, django_capture_on_commit_callbacks
):
    """docs/import-examples/: organisations first, then the resources and invitations that
    name them; nothing refused."""
    examples = settings.BASE_DIR / "docs" / "import-examples"
    for changelist, name, count in [
        ("/admin/members/organisation/", "organisations.csv", 5),
        (RESOURCES, "resources.csv", 3),
        ("/admin/members/invitation/", "invitations.csv", 4),
    ]:
        upload = SimpleUploadedFile(name, (examples / name).read_bytes())
        with django_capture_on_commit_callbacks(execute=True):
            response = dry_run(staff, changelist, upload)
            assert [kind for _n, kind, _why in preview(response)] == ["new"] * count, name
            confirm(staff, changelist, response)
    french = Resource.objects.get(slug="boite-a-outils-apprentissage-qualite")
    assert french.translation_of.slug == "quality-apprenticeships-toolkit"
    assert len(mail.outbox) == 4
