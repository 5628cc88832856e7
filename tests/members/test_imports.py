"""Staff import organisations and invitations to join in bulk, from the admin (network.imports):
a dry run that says what happens to each row and why, a real run, the same file again
changing nothing, refused rows with their reasons, the audit log, and exports that import back."""

import io
import re

import pytest
from django.core import mail
from django.utils import timezone
from openpyxl import load_workbook

from members.models import Invitation, Organisation
from network.models import AuditEntry
from tests.factories import JoinInvitationFactory, OrganisationFactory, StaffFactory, UserFactory
from tests.imports import XLSX, confirm, csv_file, dry_run, export_rows, preview, xlsx_file

pytestmark = pytest.mark.django_db

ORGANISATIONS = "/admin/members/organisation/"
INVITATIONS = "/admin/members/invitation/"
ORGANISATION_COLUMNS = ["name", "type", "country", "website", "description"]
INVITATION_COLUMNS = ["email", "name", "organisation", "language"]


@pytest.fixture
def moderator(db):
    return StaffFactory(display_name="Mo Moderator", email="mo@example.org")


@pytest.fixture
def staff(client, moderator):
    client.force_login(moderator)
    return client


def organisations_file():
    return csv_file(
        [
            ORGANISATION_COLUMNS,
            ["Kenya TVET Authority", "government", "KE", "https://www.tveta.go.ke", "Regulator."],
            ["Institut de formation de Dakar", "tvet", "sn", "", "Formation professionnelle."],
            ["Instituto de Empleo", "TVET institution", "Colombia", "", "Formación dual."],
        ]
    )


# --- organisations ---------------------------------------------------------------------------
def test_organisation_dry_run_shows_each_row_and_changes_nothing(staff):
    OrganisationFactory(name="KENYA TVET AUTHORITY", type="government", country="KE")
    response = dry_run(staff, ORGANISATIONS, organisations_file())
    assert response.status_code == 200
    assert preview(response) == [
        (1, "update", ""),
        (2, "new", ""),
        (3, "new", ""),
    ]
    assert "This was a dry run: nothing has changed yet." in response.content.decode()
    assert Organisation.objects.count() == 1
    assert not AuditEntry.objects.filter(action="import_organisation").exists()


def test_organisation_import_creates_and_is_audited(staff, moderator):
    response = confirm(staff, ORGANISATIONS, dry_run(staff, ORGANISATIONS, organisations_file()))
    assert response.status_code == 302
    dakar = Organisation.objects.get(name="Institut de formation de Dakar")
    assert (dakar.type, str(dakar.country), dakar.region, dakar.pending) == (
        "tvet", "SN", "africa", False,
    )  # fmt: skip
    assert dakar.slug == "institut-de-formation-de-dakar"
    empleo = Organisation.objects.get(name="Instituto de Empleo")
    assert (empleo.type, str(empleo.country)) == ("tvet", "CO")  # a label and a name, read
    entry = AuditEntry.objects.get(action="import_organisation")
    assert entry.actor == moderator
    assert entry.after == {"new": 3, "updated": 0, "skipped": 0, "refused": 0}
    page = staff.get(response["Location"]).content.decode()
    assert "Import finished: 3 new, 0 updated, 0 unchanged or skipped, 0 refused." in page


def test_the_same_organisations_file_twice_changes_nothing(staff):
    confirm(staff, ORGANISATIONS, dry_run(staff, ORGANISATIONS, organisations_file()))
    before = list(Organisation.objects.order_by("pk").values())

    second = dry_run(staff, ORGANISATIONS, organisations_file())
    assert preview(second) == [(1, "skip", "Unchanged."), (2, "skip", "Unchanged."),
                               (3, "skip", "Unchanged.")]  # fmt: skip
    confirm(staff, ORGANISATIONS, second)

    assert list(Organisation.objects.order_by("pk").values()) == before
    audits = AuditEntry.objects.filter(action="import_organisation").order_by("pk")
    assert [entry.after for entry in audits] == [
        {"new": 3, "updated": 0, "skipped": 0, "refused": 0},
        {"new": 0, "updated": 0, "skipped": 3, "refused": 0},
    ]


def test_bad_organisation_rows_are_refused_with_the_reason_and_the_rest_imported(staff):
    upload = csv_file(
        [
            ORGANISATION_COLUMNS,
            ["Good Skills Centre", "ngo", "GH", "", ""],
            ["Wrong Type", "university", "GH", "", ""],
            ["Wrong Country", "academia", "Atlantis", "", ""],
            ["", "ngo", "GH", "", ""],
            ["Wrong Website", "ngo", "GH", "not a website", ""],
        ]
    )
    response = dry_run(staff, ORGANISATIONS, upload)
    rows = preview(response)
    assert rows[0] == (1, "new", "")
    assert rows[1][:2] == (2, "refused")
    assert "“university” is not one of the allowed values: government, employers" in rows[1][2]
    assert rows[2] == (
        3, "refused", "“Atlantis” is not a country: give its two-letter ISO 3166 code, e.g. KE or FR."
    )  # fmt: skip
    assert rows[3] == (4, "refused", "This field cannot be blank.")
    assert rows[4] == (5, "refused", "Enter a valid URL.")
    page = response.content.decode()
    assert "Refused rows" in page
    assert "4 rows are refused (the reasons are beside them) and will be left out." in page
    assert "is not a country: give its two-letter ISO 3166 code" in page

    confirm(staff, ORGANISATIONS, response)
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Good Skills Centre"]
    entry = AuditEntry.objects.get(action="import_organisation")
    assert entry.after == {"new": 1, "updated": 0, "skipped": 0, "refused": 4}


def test_a_file_of_refused_rows_only_cannot_be_confirmed(staff):
    response = dry_run(
        staff, ORGANISATIONS, csv_file([ORGANISATION_COLUMNS, ["X", "?", "", "", ""]])
    )
    assert preview(response)[0][1] == "refused"
    assert "confirm_form" not in response.context
    assert Organisation.objects.count() == 0


def test_organisations_import_from_a_spreadsheet_and_the_name_matches_in_any_case(staff):
    existing = OrganisationFactory(name="Ministry of Labour", type="government", country="")
    upload = xlsx_file(
        [ORGANISATION_COLUMNS, ["ministry of labour", "government", "GH", None, "Updated."]]
    )
    response = dry_run(staff, ORGANISATIONS, upload, XLSX)
    assert preview(response) == [(1, "update", "")]
    confirm(staff, ORGANISATIONS, response)
    existing.refresh_from_db()
    assert (str(existing.country), existing.region, existing.description) == (
        "GH", "africa", "Updated."
    )  # fmt: skip
    assert Organisation.objects.count() == 1


def test_organisation_export_gives_the_columns_the_import_takes_back(staff):
    OrganisationFactory(
        name="=Formula Institute", type="academia", country="PE", description="Lima."
    )
    rows = export_rows(staff, ORGANISATIONS, "OrganisationResource", ORGANISATION_COLUMNS)
    assert rows == [
        ORGANISATION_COLUMNS,
        # A cell a spreadsheet would run as a formula opens as text.
        ["'=Formula Institute", "academia", "PE", "", "Lima."],
    ]
    response = dry_run(staff, ORGANISATIONS, csv_file(rows))
    assert preview(response) == [(1, "skip", "Unchanged.")]


def test_members_cannot_reach_the_import(client):
    client.force_login(UserFactory())
    response = client.get(f"{ORGANISATIONS}import/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# --- invitations -----------------------------------------------------------------------------
def invitations_file(*extra):
    return csv_file(
        [
            INVITATION_COLUMNS,
            ["amina@example.org", "Amina Diallo", "Institut de formation de Dakar", "fr"],
            ["lucia@example.org", "Lucía Gómez", "", "es"],
            ["john@example.org", "John Mwangi", "kenya tvet authority", ""],
            *extra,
        ]
    )


@pytest.fixture
def organisations(db):
    return [
        OrganisationFactory(name="Institut de formation de Dakar", country="SN"),
        OrganisationFactory(name="Kenya TVET Authority", country="KE", type="government"),
    ]


def test_invitation_dry_run_sends_nothing_and_refuses_an_address_with_an_account(
    staff, organisations, django_capture_on_commit_callbacks
):
    UserFactory(email="Member@Example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = dry_run(
            staff,
            INVITATIONS,
            invitations_file(
                ["member@example.org", "Already Here", "", "en"],
                ["nobody@example.org", "No Such Place", "Atlantis Academy", "en"],
                ["klingon@example.org", "Worf", "", "tlh"],
            ),
        )
    assert preview(response) == [
        (1, "new", "An invitation email will be sent."),
        (2, "new", "An invitation email will be sent."),
        (3, "new", "An invitation email will be sent."),
        (4, "refused", "An account with this address exists already."),
        (5, "refused", "No organisation is called “Atlantis Academy”: import the "
                       "organisations first, or leave the column empty."),
        (6, "refused", "“tlh” is not one of the allowed values: en, fr, es."),
    ]  # fmt: skip
    assert "An account with this address exists already." in response.content.decode()
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_invitation_import_invites_each_person_in_their_language_once(
    staff, moderator, organisations, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(staff, INVITATIONS, dry_run(staff, INVITATIONS, invitations_file()))
    assert response.status_code == 302
    amina = Invitation.objects.get(email="amina@example.org")
    assert (amina.name, amina.organisation, amina.language, amina.invited_by) == (
        "Amina Diallo", organisations[0], "fr", moderator,
    )  # fmt: skip
    assert Invitation.objects.get(email="john@example.org").language == "en"  # the default
    assert Invitation.objects.get(email="john@example.org").organisation == organisations[1]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["amina@example.org", "john@example.org", "lucia@example.org"]
    # In the invitee's language, with a link to the sign-up page in that language.
    french = by_address["amina@example.org"]
    assert french.body.startswith("Bonjour Amina Diallo,")
    assert re.search(r"http://127.0.0.1:8000/fr/accounts/signup/\?invitation=\S+", french.body)
    assert "Mo Moderator vous invite à rejoindre" in french.body
    spanish = by_address["lucia@example.org"]
    assert spanish.body.startswith("Estimado/a Lucía Gómez:")
    assert "/es/accounts/signup/?invitation=" in spanish.body
    entry = AuditEntry.objects.get(action="import_invitation")
    assert (entry.actor, entry.after) == (
        moderator, {"new": 3, "updated": 0, "skipped": 0, "refused": 0},
    )  # fmt: skip

    # The same file again: nobody is invited twice, nobody gets a second email.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second = dry_run(staff, INVITATIONS, invitations_file())
        rows = preview(second)
        confirm(staff, INVITATIONS, second)
    assert [(number, kind) for number, kind, _why in rows] == [
        (1, "skip"),
        (2, "skip"),
        (3, "skip"),
    ]
    assert rows[0][2].startswith("An open invitation was sent on ")
    assert Invitation.objects.count() == 3
    assert mail.outbox == []
    assert AuditEntry.objects.filter(action="import_invitation").order_by("pk").last().after == {
        "new": 0, "updated": 0, "skipped": 3, "refused": 0,
    }  # fmt: skip


def test_an_expired_invitation_is_renewed_by_a_new_one(staff, django_capture_on_commit_callbacks):
    old = JoinInvitationFactory(
        email="late@example.org", expires_at=timezone.now() - timezone.timedelta(days=1)
    )
    upload = csv_file([INVITATION_COLUMNS, ["late@example.org", "Late Person", "", "en"]])
    with django_capture_on_commit_callbacks(execute=True):
        response = dry_run(staff, INVITATIONS, upload)
        assert preview(response) == [(1, "new", "An invitation email will be sent.")]
        confirm(staff, INVITATIONS, response)
    assert (
        Invitation.objects.filter(email="late@example.org").exclude(pk=old.pk).get().state == "open"
    )
    assert [message.to for message in mail.outbox] == [["late@example.org"]]


def test_invitation_export_gives_the_columns_the_import_takes_back(staff, organisations):
    JoinInvitationFactory(
        email="amina@example.org", name="Amina Diallo", organisation=organisations[0], language="fr"
    )
    rows = export_rows(staff, INVITATIONS, "InvitationResource", INVITATION_COLUMNS)
    assert rows == [
        INVITATION_COLUMNS,
        ["amina@example.org", "Amina Diallo", "Institut de formation de Dakar", "fr"],
    ]


def test_organisations_export_as_a_spreadsheet_too(staff):
    OrganisationFactory(name="Lagos Skills Lab", type="tvet", country="NG")
    data = {"resource": "0", "format": XLSX}
    data.update({f"organisationresource_{column}": "on" for column in ORGANISATION_COLUMNS})
    response = staff.post(f"{ORGANISATIONS}export/", data)
    book = load_workbook(io.BytesIO(response.content))
    assert [list(row) for row in book.active.iter_rows(values_only=True)] == [
        ORGANISATION_COLUMNS,
        ["Lagos Skills Lab", "tvet", "NG", None, None],
    ]
