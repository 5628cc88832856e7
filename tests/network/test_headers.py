import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/fr/", "/es/", "/accounts/login/", "/accounts/signup/", "/no-such-page/"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_carries_the_security_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert "default-src 'self'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_templates_have_no_inline_scripts_styles_or_handlers():
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        # A script needs a src or a nonce; a JSON-LD data block is data, never run.
        script = r"<script(?![^>]*\b(src|nonce)=)(?![^>]*type=\"application/ld\+json\")[^>]*>"
        for pattern in (script, r"\sstyle=", r"\son[a-z]+="):
            if re.search(pattern, text):
                offenders.append(f"{template.relative_to(ROOT)}: {pattern}")
        if re.search(r"<style[\s>]", text):
            offenders.append(f"{template.relative_to(ROOT)}: <style>")
    assert offenders == []


def test_nothing_is_fetched_from_another_host(client):
    html = client.get("/").content.decode()
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    assert [url for url in external if not url.startswith("http://127.0.0.1:8000")] == []
