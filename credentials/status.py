"""Bitstring Status Lists (W3C): one for revocation, one for suspension, each a signed
``BitstringStatusListCredential`` the site publishes. Bit ``i`` (left-most first) is set when
the credential whose status index is ``i`` is revoked (suspended); a list is at least 131,072
bits (16 KB before compression), so that a list tells nothing about how many were issued."""

import base64
import gzip

from django.utils import timezone

from credentials import urls_abs
from credentials.models import Credential
from credentials.signing import issuer_profile, sign_document

MINIMUM_BITS = 131_072


def _set_indexes(purpose: str) -> list[int]:
    field = "revoked_at" if purpose == "revocation" else "suspended_at"
    return list(
        Credential.objects.filter(**{f"{field}__isnull": False}).values_list("pk", flat=True)
    )


def encode(indexes: list[int]) -> str:
    """The multibase (``u``: base64url, no padding) of the GZIP of the bitstring."""
    size = max(MINIMUM_BITS, ((max(indexes, default=0) // MINIMUM_BITS) + 1) * MINIMUM_BITS)
    bits = bytearray(size // 8)
    for index in indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def decode(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("not base64url multibase")
    raw = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))


def bit(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_document(purpose: str) -> dict:
    url = urls_abs.status_list_url(purpose)
    now = timezone.now().replace(microsecond=0)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_profile(),
        "validFrom": now.isoformat().replace("+00:00", "Z"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encode(_set_indexes(purpose)),
        },
    }


def signed_status_list(purpose: str) -> str:
    token, _kid = sign_document(status_list_document(purpose), typ="vc+jwt")
    return token
