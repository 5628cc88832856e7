"""Light pages: the first HTML response and the shared assets, measured compressed."""

import gzip
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/members/", "/organisations/", "/accounts/signup/"])
def test_first_html_response_is_at_most_14_kb_compressed(client, demo, path):
    if not path.startswith("/accounts/"):
        client.login(email="member@example.org", password="skills-network-demo")
    response = client.get(path)
    assert response.status_code == 200
    assert gzipped(response.content) <= 14 * 1024


def test_pages_need_one_small_stylesheet_and_no_script():
    """Pages load one stylesheet and no script (a script only on the page it helps)."""
    assets = [ROOT / "static/css/site.css"]
    assert sum(gzipped(path.read_bytes()) for path in assets) <= 8 * 1024
    assert (ROOT / "static/css/site.css").stat().st_size <= 24 * 1024
