"""The signed credential verifies with the published key alone, fetched from the site as a
verifier would; one changed character fails; a rotated key still verifies old credentials;
revocation shows in the published status list; the JSON is an Open Badges 3.0 credential."""

import base64
import json
from pathlib import Path

import jsonschema
import pytest
from django.core.files.base import ContentFile
from django.test import Client

from credentials import keys, status
from credentials.demo import badge_png
from credentials.models import Credential
from credentials.services import credential_issue, credential_revoke, credential_suspend
from credentials.signing import verify_token
from credentials.verification import check
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).parent / "schema" / "ob_v3p0_achievementcredential.json").read_text()
)


def published_keys() -> dict:
    """The public keys as a verifier gets them: from the site's URL, not from the settings."""
    response = Client().get("/credentials/jwks.json")
    assert response.status_code == 200
    return response.json()


def payload(token: str) -> dict:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


@pytest.fixture
def credential(achievements):
    member = UserFactory(display_name="Amina Yusuf")
    issued, _created = credential_issue(
        member=member, achievement=achievements["hosted"], occasion="event:1", label="Hosted it"
    )
    return issued


def test_the_credential_verifies_with_the_published_key_only(credential):
    jwks = published_keys()
    assert all("d" not in key for key in jwks["keys"])  # no private part, ever
    checked = verify_token(credential.jwt, jwks)
    assert checked.ok
    assert checked.document["credentialSubject"]["achievement"]["name"] == "Achievement hosted"
    header = json.loads(base64.urlsafe_b64decode(credential.jwt.split(".")[0] + "=="))
    assert header == {"alg": "EdDSA", "typ": "vc+jwt", "kid": jwks["keys"][0]["kid"]}


def test_the_payload_is_the_credential_with_valid_from_as_nbf(credential):
    document = payload(credential.jwt)
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["nbf"] == int(credential.issued_at.replace(microsecond=0).timestamp())
    assert (
        document["jti"]
        == document["id"]
        == f"http://127.0.0.1:8000/credentials/{credential.public_id}/"
    )
    assert (
        document["issuer"]["id"] == document["iss"] == "http://127.0.0.1:8000/credentials/issuer/"
    )


def test_changing_one_character_of_the_payload_fails(credential):
    header, body, signature = credential.jwt.split(".")
    document = json.dumps(payload(credential.jwt)).replace(
        "Achievement hosted", "Achievement hostee"
    )
    forged_body = base64.urlsafe_b64encode(document.encode()).decode().rstrip("=")
    assert not verify_token(f"{header}.{forged_body}.{signature}", published_keys()).ok
    flipped = body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
    assert not verify_token(f"{header}.{flipped}.{signature}", published_keys()).ok
    assert check(f"{header}.{flipped}.{signature}").state == "invalid"


def test_a_rotated_key_still_verifies_old_credentials(credential, settings, tmp_path):
    old_jwks = published_keys()
    retired = tmp_path / "retired-keys.json"
    retired.write_text(json.dumps(old_jwks))
    # A new key: the old public keys stay published from the retired file.
    settings.CREDENTIALS_SIGNING_KEY_FILE = str(tmp_path / "new.pem")
    Path(settings.CREDENTIALS_SIGNING_KEY_FILE).write_bytes(
        keys.OKPKey.generate_key("Ed25519").as_pem(private=True)
    )
    settings.CREDENTIALS_RETIRED_KEYS_FILE = str(retired)
    keys.forget()
    new, _created = credential_issue(
        member=credential.member, achievement=credential.achievement, occasion="event:2"
    )
    jwks = published_keys()
    assert [key["kid"] for key in jwks["keys"]] == [new.key_id, credential.key_id]
    assert new.key_id != credential.key_id
    assert verify_token(credential.jwt, jwks).ok
    assert verify_token(new.jwt, jwks).ok
    # Without the retired keys, the old credential no longer verifies.
    settings.CREDENTIALS_RETIRED_KEYS_FILE = ""
    assert not verify_token(credential.jwt, published_keys()).ok


def _published_bit(purpose: str, index: int) -> bool:
    response = Client().get(f"/credentials/status/{purpose}/")
    assert response["Content-Type"] == "application/vc+jwt"
    checked = verify_token(
        response.content.decode(), published_keys(), kind="BitstringStatusListCredential"
    )
    assert checked.ok
    document = checked.document
    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["credentialSubject"]["statusPurpose"] == purpose
    bits = status.decode(document["credentialSubject"]["encodedList"])
    assert len(bits) * 8 == status.MINIMUM_BITS
    return status.bit(bits, index)


def test_revocation_shows_in_the_status_list_and_on_the_page(credential, client):
    entry = payload(credential.jwt)["credentialStatus"][0]
    assert entry["statusListCredential"] == "http://127.0.0.1:8000/credentials/status/revocation/"
    index = int(entry["statusListIndex"])
    assert _published_bit("revocation", index) is False
    assert (
        "This credential is genuine and in force."
        in client.get(credential.get_absolute_url()).content.decode()
    )
    credential_revoke(credential=credential, by=StaffFactory(), reason="Mistake.")
    assert _published_bit("revocation", index) is True
    assert _published_bit("suspension", index) is False
    html = client.get(credential.get_absolute_url()).content.decode()
    assert "The network revoked this credential: it no longer counts." in html
    assert check(credential.jwt).state == "revoked"


def test_suspension_shows_in_its_own_list(credential):
    credential_suspend(credential=credential, by=StaffFactory(), reason="Under review.")
    assert _published_bit("suspension", credential.pk) is True
    assert check(credential.jwt).state == "suspended"


def test_the_json_validates_against_the_open_badges_schema(credential, client):
    jsonschema.validate(payload(credential.jwt), SCHEMA)
    response = client.get(f"/credentials/{credential.public_id}/credential.json")
    document = response.json()
    assert document.pop("jwt") == credential.jwt
    jsonschema.validate(document, SCHEMA)
    broken = {**document, "credentialSubject": {"type": ["AchievementSubject"]}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_the_status_list_encodes_left_most_bit_first():
    bits = status.decode(status.encode([0, 9, 131_071]))
    assert bits[0] == 0b1000_0000 and bits[1] == 0b0100_0000 and bits[-1] == 0b0000_0001
    assert len(status.decode(status.encode([131_072]))) * 8 == 2 * status.MINIMUM_BITS


def test_production_without_a_key_refuses_to_sign(settings):
    settings.CREDENTIALS_THROWAWAY_KEY = False
    keys.forget()
    with pytest.raises(keys.ImproperlyConfigured):
        keys.signing_key()


def test_the_development_key_is_kept_under_var(signing_key_file, credential):
    assert signing_key_file.exists()
    assert Credential.objects.get().key_id == keys.signing_key().kid


def test_the_achievement_image_the_credential_names_is_public(achievements, settings):
    achievement = achievements["hosted"]
    png = badge_png("Hosted a session", "#0f766e")
    achievement.image.save("hosted.png", ContentFile(png), save=True)
    member = UserFactory()
    issued, _created = credential_issue(member=member, achievement=achievement, occasion="e:1")
    image = payload(issued.jwt)["credentialSubject"]["achievement"]["image"]
    assert image["type"] == "Image"
    assert image["id"].startswith(settings.SITE_URL)
    address = image["id"].removeprefix(settings.SITE_URL)
    visitor = Client()
    response = visitor.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert b"".join(response.streaming_content) == png
    # Unchanged: a validator saves the download; a new upload changes the validator.
    assert visitor.get(address, headers={"if-none-match": response["ETag"]}).status_code == 304
    achievement.image.save("hosted.png", ContentFile(png), save=True)
    assert visitor.get(address, headers={"if-none-match": response["ETag"]}).status_code == 200


def test_an_achievement_without_an_image_names_none(credential, client):
    achievement = payload(credential.jwt)["credentialSubject"]["achievement"]
    assert "image" not in achievement
    assert (
        client.get(f"/credentials/achievements/{credential.achievement.slug}/image").status_code
        == 404
    )
