"""Downloads that resume and do not hold a worker (network.files): a single Range gets that
slice and the pieces of a resumed download add up to the file; validators let a client
resume only the same file; the proxy or the object store sends the bytes in production; and
every way still needs the access check first, and counts a download once."""

import pytest
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponseRedirect

from resources.models import Resource
from tests.factories import ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def resource(settings):
    resource = ResourceFactory(slug="guide")
    resource.stored = (settings.MEDIA_ROOT / resource.file.name).read_bytes()
    return resource


def downloads(resource) -> int:
    return Resource.objects.get(pk=resource.pk).download_count


def test_a_download_resumed_in_pieces_gives_the_same_bytes_and_counts_once(client, resource):
    whole = client.get("/resources/guide/download/")
    assert whole.status_code == 200
    assert whole["Accept-Ranges"] == "bytes"
    etag, size = whole["ETag"], len(resource.stored)
    assert whole["Last-Modified"]
    assert body(whole) == resource.stored
    pieces = []
    for start in range(0, size, 100):  # a phone on a connection that keeps dropping
        stop = min(start + 99, size - 1)
        part = client.get(
            "/resources/guide/download/", HTTP_RANGE=f"bytes={start}-", HTTP_IF_RANGE=etag
        )
        assert part.status_code == 206
        assert part["Content-Range"] == f"bytes {start}-{size - 1}/{size}"
        pieces.append(body(part)[: stop - start + 1])
    assert b"".join(pieces) == resource.stored
    last = client.get("/resources/guide/download/", HTTP_RANGE="bytes=-10")
    assert body(last) == resource.stored[-10:]
    # The full download and the first piece (from byte 0) count; the resumptions do not.
    assert downloads(resource) == 2


def test_a_changed_file_or_a_range_past_the_end_is_answered_as_it_must(client, resource):
    stale = client.get(
        "/resources/guide/download/", HTTP_RANGE="bytes=100-", HTTP_IF_RANGE='"an-old-file"'
    )
    assert stale.status_code == 200  # the whole file again, not a piece of another one
    assert body(stale) == resource.stored
    past = client.get("/resources/guide/download/", HTTP_RANGE="bytes=999999-")
    assert past.status_code == 416
    assert past["Content-Range"] == f"bytes */{len(resource.stored)}"
    etag = client.get("/resources/guide/download/")["ETag"]
    assert client.get("/resources/guide/download/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_members_only_file_still_needs_the_check_for_every_piece(client, settings, resource):
    resource.access = "members"
    resource.save()
    for headers in ({}, {"HTTP_RANGE": "bytes=100-"}):
        assert client.get("/resources/guide/download/", **headers).status_code == 404
    settings.DOWNLOADS_X_ACCEL_REDIRECT = "/protected-media/"
    response = client.get("/resources/guide/download/", HTTP_RANGE="bytes=100-")
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response
    client.force_login(UserFactory())
    assert client.get("/resources/guide/download/").status_code == 200


def test_behind_the_proxy_the_site_checks_counts_and_hands_the_file_over(
    client, settings, resource
):
    settings.DOWNLOADS_X_ACCEL_REDIRECT = "/protected-media/"
    response = client.get("/resources/guide/download/")
    assert response.status_code == 200
    assert response.content == b""  # the proxy sends the bytes, not a worker
    assert response["X-Accel-Redirect"] == f"/protected-media/{resource.file.name}"
    assert response["Content-Disposition"] == 'attachment; filename="guide.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert downloads(resource) == 1
    client.get("/resources/guide/download/", HTTP_RANGE="bytes=100-")  # resumed: not counted
    assert downloads(resource) == 1


def test_with_object_storage_the_download_is_a_short_lived_signed_link(
    client, settings, resource, monkeypatch
):
    settings.MEDIA_STORAGE = "s3"
    asked = {}

    def signed_url(name, parameters=None, expire=None):
        asked.update(name=name, parameters=parameters)
        return f"https://bucket.example/{name}?X-Amz-Signature=abc&X-Amz-Expires=300"

    # The S3 storage signs URLs with its keys; here the same call on the files' storage.
    monkeypatch.setattr(FileSystemStorage, "url", lambda self, *a, **k: signed_url(*a, **k))
    response = client.get("/resources/guide/download/")
    assert isinstance(response, HttpResponseRedirect)
    assert response["Location"].startswith("https://bucket.example/")
    assert asked["name"] == resource.file.name
    assert asked["parameters"]["ResponseContentDisposition"] == 'attachment; filename="guide.pdf"'
    assert downloads(resource) == 1
