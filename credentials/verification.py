"""What a credential says and whether it holds: the one check behind the verification page,
the check of a pasted or uploaded credential, and the tests."""

import json
import uuid
from dataclasses import dataclass

from django.utils import timezone

from credentials.keys import public_jwks
from credentials.models import Credential
from credentials.signing import verify_token


@dataclass(frozen=True)
class Verdict:
    state: str  # valid, revoked, suspended, expired, invalid, unknown
    credential: Credential | None = None
    document: dict | None = None


def token_from_text(text: str) -> str:
    """The VC-JWT in what was pasted: the token itself, or a JSON file that carries it
    (``{"jwt": ...}`` or an enveloped credential's ``data:application/vc+jwt,`` id)."""
    text = text.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return ""
        if isinstance(data, dict):
            if isinstance(data.get("jwt"), str):
                return data["jwt"]
            identifier = data.get("id", "")
            if isinstance(identifier, str) and identifier.startswith("data:application/vc+jwt,"):
                return identifier.split(",", 1)[1]
        return ""
    return text


def check(text: str, *, jwks: dict | None = None) -> Verdict:
    """Check the signature with the published keys, then the status the network keeps."""
    token = token_from_text(text)
    checked = verify_token(token, jwks or public_jwks())
    if not checked.ok:
        return Verdict("invalid")
    public_id = str(checked.document.get("id", "")).rstrip("/").rpartition("/")[2]
    try:
        public_id = uuid.UUID(public_id)
    except ValueError:
        return Verdict("unknown", document=checked.document)
    credential = (
        Credential.objects.select_related("achievement", "member")
        .filter(public_id=public_id)
        .first()
    )
    if credential is None or credential.jwt != token:
        return Verdict("unknown", document=checked.document)
    return Verdict(credential.state(timezone.now()), credential, checked.document)
