"""HTML goes over the wire gzip-compressed when the client accepts it (GZipMiddleware: gunicorn
serves the app directly, no proxy compresses for it), and file downloads still work."""

import gzip

import pytest

from tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_html_is_gzip_encoded_when_the_client_accepts_gzip(client):
    response = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content)
    assert html.lstrip().startswith(b"<!doctype html>")
    assert len(response.content) < len(html) / 2


def test_html_is_plain_when_the_client_does_not_accept_gzip(client):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert response.content.lstrip().startswith(b"<!doctype html>")


def test_file_downloads_still_work_with_and_without_gzip(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    resource = ResourceFactory(slug="gzip-guide")
    expected = resource.file.read()
    resource.file.close()
    url = "/resources/gzip-guide/download/"

    plain = client.get(url)
    assert plain.status_code == 200
    assert b"".join(plain.streaming_content) == expected
    assert plain["Content-Disposition"].startswith("attachment")

    accepting = client.get(url, headers={"accept-encoding": "gzip"})
    assert accepting.status_code == 200
    assert accepting["Content-Disposition"].startswith("attachment")
    assert accepting["X-Content-Type-Options"] == "nosniff"
    # Compressed already: sent as it is, with its length, so browsers show progress.
    assert not accepting.has_header("Content-Encoding")
    assert b"".join(accepting.streaming_content) == expected


def test_feeds_and_exports_are_compressed_too(client):
    from tests.factories import InnovationFactory

    InnovationFactory.create_batch(3)  # bodies long enough to be worth compressing
    for path in ["/innovations/feed/", "/innovations/export.json", "/innovations/export.csv"]:
        response = client.get(path, headers={"accept-encoding": "gzip"})
        assert response.get("Content-Encoding") == "gzip", (path, response.headers)
