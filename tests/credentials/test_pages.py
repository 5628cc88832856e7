"""The member's pages, the public verification page, the downloads and the check of a pasted
or uploaded credential; a hidden credential is not on its member's profile."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from credentials.certificate import certificate_pdf
from credentials.services import credential_issue
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def issue(member, achievement, occasion="event:1"):
    credential, _created = credential_issue(
        member=member, achievement=achievement, occasion=occasion, label="Hosted “Skills day”"
    )
    return credential


@pytest.fixture
def member(db):
    member = UserFactory(username="amina", display_name="Amina Yusuf")
    member.profile.visibility = "public"
    member.profile.save()
    return member


def test_my_credentials_lists_mine_in_constant_queries(
    client, member, achievements, django_assert_num_queries
):
    client.force_login(member)
    issue(member, achievements["hosted"])
    issue(UserFactory(), achievements["hosted"])  # someone else's
    client.get("/credentials/")  # the first request of a session writes its last visit
    with django_assert_num_queries(5):
        response = client.get("/credentials/")
    assert [row["credential"].member for row in response.context["rows"]] == [member]
    for number in range(2, 12):
        issue(member, achievements["attended"], occasion=f"event:{number}")
    with django_assert_num_queries(5):
        response = client.get("/credentials/")
    assert len(response.context["rows"]) == 11


def test_the_verification_page_tells_anyone_who_issued_what_to_whom(client, member, achievements):
    credential = issue(member, achievements["hosted"])
    html = client.get(credential.get_absolute_url()).content.decode()
    assert "Amina Yusuf" in html
    assert "Achievement hosted" in html
    assert "Hosted “Skills day”" in html
    assert "Skills Innovation Network" in html
    assert "Add to LinkedIn profile" not in html  # for the holder only
    client.force_login(member)
    html = client.get(credential.get_absolute_url()).content.decode()
    assert "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME" in html


def test_the_page_is_in_the_viewers_language_where_a_version_exists(client, member, achievements):
    achievement = achievements["hosted"]
    achievement.versions.create(
        language="fr", name="A animé une session", description="D.", criteria="C."
    )
    credential = issue(member, achievement)
    html = client.get(f"/fr{credential.get_absolute_url()}").content.decode()
    assert "A animé une session" in html


def test_a_hidden_credential_is_not_on_the_profile(client, member, achievements):
    shown = issue(member, achievements["hosted"])
    hidden = issue(member, achievements["attended"], occasion="event:2")
    client.force_login(member)
    response = client.post(f"/credentials/{hidden.public_id}/show/", {"shown": "0"})
    assert response.status_code == 302
    client.logout()
    html = client.get("/members/amina/").content.decode()
    assert shown.get_absolute_url() in html
    assert hidden.get_absolute_url() not in html
    assert "Achievement attended" not in html


def test_only_the_holder_decides_what_shows(client, member, achievements):
    credential = issue(member, achievements["hosted"])
    client.force_login(UserFactory())
    assert (
        client.post(f"/credentials/{credential.public_id}/show/", {"shown": "0"}).status_code == 404
    )
    credential.refresh_from_db()
    assert credential.shown_on_profile


def test_downloads_signed_credential_and_pdf(client, member, achievements):
    credential = issue(member, achievements["hosted"])
    response = client.get(f"/credentials/{credential.public_id}/credential.jwt")
    assert response["Content-Type"] == "application/vc+jwt"
    assert response.content.decode() == credential.jwt
    assert "attachment" in response["Content-Disposition"]
    response = client.get(f"/credentials/{credential.public_id}/certificate.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # The QR code's address is a link on the page too: to the verification page.
    assert f"/credentials/{credential.public_id}/".encode() in response.content


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_certificate_is_in_the_members_language_with_every_letter_of_their_name(
    member, achievements
):
    member.language = "es"
    member.display_name = "Nguyễn Thị Ánh Ọlá Łukasz"  # letters outside Latin-1
    member.save()
    achievements["hosted"].versions.create(
        language="es", name="Organizó una sesión", description="Dirigió un taller.", criteria="C."
    )
    pdf = certificate_pdf(issue(member, achievements["hosted"]))
    assert len(pdf) < 60_000  # only the letters used are embedded: light on a slow line
    text = pdf_text(pdf)
    assert "Se certifica que" in text
    assert "Nguyễn Thị Ánh Ọlá Łukasz" in text
    assert "Organizó una sesión" in text and "Dirigió un taller." in text
    assert "Hosted “Skills day”" in text


@pytest.mark.parametrize("how", ["paste", "upload", "json"])
def test_anyone_checks_a_pasted_or_uploaded_credential(client, member, achievements, how):
    credential = issue(member, achievements["hosted"])
    if how == "paste":
        data = {"token": credential.jwt}
    elif how == "upload":
        data = {"file": SimpleUploadedFile("credential.jwt", credential.jwt.encode())}
    else:
        document = client.get(f"/credentials/{credential.public_id}/credential.json").content
        data = {"file": SimpleUploadedFile("credential.json", document)}
    response = client.post("/credentials/verify/", data)
    assert response.status_code == 200
    assert response.context["verdict"].state == "valid"
    assert "Amina Yusuf" in response.content.decode()


def test_a_forged_credential_is_refused(client, member, achievements):
    credential = issue(member, achievements["hosted"])
    forged = credential.jwt[:-4] + ("AAAA" if not credential.jwt.endswith("AAAA") else "BBBB")
    response = client.post("/credentials/verify/", {"token": forged})
    assert response.context["verdict"].state == "invalid"
    assert "Not valid: the signature does not match" in response.content.decode()
    response = client.post("/credentials/verify/", {"token": "   "})
    assert response.context["verdict"] is None
    assert "Paste a credential or upload its file." in response.content.decode()


def test_a_members_home_leads_to_their_credentials(client, member):
    assert 'href="/credentials/"' not in client.get("/").content.decode()
    client.force_login(member)
    assert 'href="/credentials/"' in client.get("/").content.decode()
