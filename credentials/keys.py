"""The network's signing key and the public keys it publishes.

The private key comes from ``CREDENTIALS_SIGNING_KEY`` (PEM) or ``CREDENTIALS_SIGNING_KEY_FILE``.
Without either, a development site (DEBUG) makes a throw-away key under ``VAR_DIR`` once and
keeps it there (never committed); production refuses to sign rather than sign with a key that
nobody keeps. Rotation: the JWKS published before is saved to ``CREDENTIALS_RETIRED_KEYS_FILE``
and the new key configured; the site then publishes both, so credentials signed with the old
key still verify.
"""

import contextlib
import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.jwk import KeySet, OKPKey

DEV_KEY_NAME = "credentials-signing-key.pem"


@dataclass(frozen=True)
class SigningKey:
    key: OKPKey
    kid: str


def _load_private_pem() -> bytes:
    if settings.CREDENTIALS_SIGNING_KEY:
        return settings.CREDENTIALS_SIGNING_KEY.replace("\\n", "\n").encode()
    if settings.CREDENTIALS_SIGNING_KEY_FILE:
        path = Path(settings.CREDENTIALS_SIGNING_KEY_FILE)
        if not path.is_file():
            raise ImproperlyConfigured(f"CREDENTIALS_SIGNING_KEY_FILE: no file at {path}.")
        return path.read_bytes()
    if not settings.CREDENTIALS_THROWAWAY_KEY:
        raise ImproperlyConfigured(
            "Set CREDENTIALS_SIGNING_KEY or CREDENTIALS_SIGNING_KEY_FILE (an Ed25519 private "
            "key in PEM) to issue credentials."
        )
    path = Path(settings.VAR_DIR) / DEV_KEY_NAME
    if not path.exists():
        # Written aside, then linked into place: processes starting together (test workers)
        # all end up with the one key that was linked first.
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{DEV_KEY_NAME}.{os.getpid()}")
        draft.write_bytes(OKPKey.generate_key("Ed25519").as_pem(private=True))
        draft.chmod(0o600)
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
        draft.unlink()
    return path.read_bytes()


@cache
def signing_key() -> SigningKey:
    try:
        key = OKPKey.import_key(_load_private_pem())
    except ValueError as error:
        raise ImproperlyConfigured(f"The credentials signing key does not load: {error}") from None
    if key.as_dict(private=False).get("crv") != "Ed25519":
        raise ImproperlyConfigured("The credentials signing key must be an Ed25519 key.")
    return SigningKey(key=key, kid=settings.CREDENTIALS_KEY_ID or key.thumbprint())


def _retired() -> list[dict]:
    if not settings.CREDENTIALS_RETIRED_KEYS_FILE:
        return []
    path = Path(settings.CREDENTIALS_RETIRED_KEYS_FILE)
    try:
        keys = json.loads(path.read_text())["keys"]
    except (OSError, ValueError, KeyError) as error:
        raise ImproperlyConfigured(
            f"CREDENTIALS_RETIRED_KEYS_FILE must be a JWKS file ({{'keys': [...]}}): {error}"
        ) from None
    for key in keys:
        if key.get("kty") != "OKP" or "kid" not in key or "d" in key:
            raise ImproperlyConfigured(
                "CREDENTIALS_RETIRED_KEYS_FILE holds public Ed25519 keys, each with its kid."
            )
    return keys


def public_jwks() -> dict:
    """What the site publishes at /credentials/jwks.json: the current public key first, then
    the retired ones (no private part, ever)."""
    current = signing_key()
    keys = [
        {**current.key.as_dict(private=False), "kid": current.kid, "use": "sig", "alg": "EdDSA"}
    ]
    keys += [key for key in _retired() if key["kid"] != current.kid]
    return {"keys": keys}


def key_set(jwks: dict) -> KeySet:
    """A joserfc key set of the public keys in ``jwks`` (as fetched from the site)."""
    return KeySet([OKPKey.import_key(key) for key in jwks["keys"]])


def forget():
    """Read the keys again (tests that rotate them)."""
    signing_key.cache_clear()
