"""Open Badges 3.0 credentials as VC-JWTs (Verifiable Credentials 2.0, JOSE).

An ``OpenBadgeCredential`` is built from a credential row (``credential_document``), then
signed with the network's Ed25519 key as a compact JWS whose payload is the credential itself,
with ``validFrom`` as ``nbf`` (and ``validUntil`` as ``exp``), ``iss`` the issuer's id and
``jti`` the credential's id; the header names the key (``kid``) published in the JWKS.

joserfc signs and verifies (on cryptography's Ed25519): a JOSE library that reads a JWKS as a
key set and refuses unlisted algorithms, and nothing more; openbadgeslib targets Open Badges
2.0's signed assertions, not 3.0 VC-JWTs.
"""

import hashlib
import json
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from joserfc import jws
from joserfc.errors import JoseError

from credentials import urls_abs
from credentials.keys import key_set, signing_key

ALGORITHM = "EdDSA"  # Ed25519 under the name wallets and verifiers of OB 3.0 know
CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}
PURPOSES = ("revocation", "suspension")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issuer_profile() -> dict:
    return {
        "id": urls_abs.issuer_id(),
        "type": ["Profile"],
        "name": settings.SITE_NAME,
        "url": settings.SITE_URL + "/",
    }


def achievement_document(achievement) -> dict:
    document = {
        "id": urls_abs.achievement_id(achievement.slug),
        "type": ["Achievement"],
        "achievementType": "Achievement",
        "name": achievement.name,
        "description": achievement.description,
        "criteria": {"narrative": achievement.criteria},
        "inLanguage": settings.LANGUAGE_CODE,
    }
    if achievement.image:
        document["image"] = {
            "id": urls_abs.achievement_image_url(achievement.slug),
            "type": "Image",
        }
    return document


def _email_identity(email: str, salt: str) -> dict:
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def credential_document(credential) -> dict:
    """The OpenBadgeCredential that ``credential`` signs (its row must be saved: its primary
    key is its place in the status lists)."""
    achievement = credential.achievement
    document = {
        "@context": CONTEXT,
        "id": urls_abs.credential_id(credential.public_id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": issuer_profile(),
        "validFrom": _iso(credential.issued_at),
        "name": achievement.name,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": credential.recipient_name,
                    "identityType": "name",
                    "hashed": False,
                },
                _email_identity(credential.member.email, credential.public_id.hex[:16]),
            ],
            "achievement": achievement_document(achievement),
        },
        "credentialStatus": [
            {
                "id": f"{urls_abs.status_list_url(purpose)}#{credential.status_index}",
                "type": "BitstringStatusListEntry",
                "statusPurpose": purpose,
                "statusListIndex": str(credential.status_index),
                "statusListCredential": urls_abs.status_list_url(purpose),
            }
            for purpose in PURPOSES
        ],
        "credentialSchema": [SCHEMA],
    }
    if credential.occasion_label:
        document["description"] = credential.occasion_label
    if credential.valid_until:
        document["validUntil"] = _iso(credential.valid_until)
    return document


def sign_document(document: dict, *, typ: str = "vc+jwt") -> tuple[str, str]:
    """(compact VC-JWT, key id): the payload is ``document`` with its JWT claims."""
    key = signing_key()
    claims = dict(document)
    claims["iss"] = (
        document["issuer"]["id"] if isinstance(document["issuer"], dict) else document["issuer"]
    )
    claims["jti"] = document["id"]
    claims["nbf"] = int(datetime.fromisoformat(document["validFrom"]).timestamp())
    if "validUntil" in document:
        claims["exp"] = int(datetime.fromisoformat(document["validUntil"]).timestamp())
    header = {"alg": ALGORITHM, "typ": typ, "kid": key.kid}
    payload = json.dumps(claims, separators=(",", ":"), ensure_ascii=False).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc prefers the newer name "Ed25519"
        token = jws.serialize_compact(header, payload, key.key, algorithms=[ALGORITHM])
    return token, key.kid


@dataclass(frozen=True)
class Checked:
    """What a signature check found: ``ok``, and the credential it carried, or the problem."""

    ok: bool
    document: dict | None = None
    kid: str = ""
    problem: str = ""


def verify_token(token: str, jwks: dict, *, kind: str = "OpenBadgeCredential") -> Checked:
    """Check ``token``'s signature with the public keys of ``jwks`` alone, and that it carries
    a credential of type ``kind``."""
    token = token.strip()
    try:
        keys = key_set(jwks)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = jws.deserialize_compact(token, keys, algorithms=[ALGORITHM])
        document = json.loads(result.payload)
    except (JoseError, ValueError, KeyError, TypeError) as error:
        return Checked(ok=False, problem=error.__class__.__name__)
    if not isinstance(document, dict) or kind not in document.get("type", []):
        return Checked(ok=False, problem=f"not a {kind}")
    return Checked(ok=True, document=document, kid=result.headers().get("kid", ""))
