"""Downloads: served as attachments with the sanitised name and nosniff, counted exactly once
per download (also under concurrent requests), external links redirect only where stored."""

import threading

import pytest
from django.db import connection
from django.test import Client

from resources.models import Resource
from resources.services import download_record
from tests.factories import ResourceFactory, UserFactory


def body(response):
    # Reading the whole stream makes the test client close the response (and the file).
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_file_is_an_attachment_with_its_name_type_and_nosniff(client, settings):
    resource = ResourceFactory(slug="guide", original_filename="Guía técnica (2024).pdf")
    response = client.get("/resources/guide/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Gu%C3%ADa%20t%C3%A9cnica%20%282024%29.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert body(response) == (settings.MEDIA_ROOT / resource.file.name).read_bytes()
    resource.refresh_from_db()
    assert resource.download_count == 1


@pytest.mark.django_db
def test_text_files_are_served_as_attachments_never_inline(client):
    resource = ResourceFactory(
        slug="data", original_filename="data.csv", content_type="text/csv; charset=utf-8"
    )
    response = client.get("/resources/data/download/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="data.csv"'
    body(response)
    assert resource.pk


@pytest.mark.django_db
def test_members_only_download_is_never_cached_for_others_nor_indexed(client):
    ResourceFactory(slug="members-guide", access="members")
    client.force_login(UserFactory())
    response = client.get("/resources/members-guide/download/")
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"
    body(response)


@pytest.mark.django_db
def test_each_get_counts_once_head_does_not_and_unpublished_never(client, contributor):
    resource = ResourceFactory(slug="guide")
    for _ in range(3):
        body(client.get("/resources/guide/download/"))
    client.head("/resources/guide/download/")
    resource.refresh_from_db()
    assert resource.download_count == 3
    draft = ResourceFactory(slug="draft", status="submitted", contributor=contributor)
    client.force_login(contributor)
    body(client.get("/resources/draft/download/"))
    draft.refresh_from_db()
    assert draft.download_count == 0


@pytest.mark.django_db
def test_missing_stored_file_is_a_404_and_not_counted(client, settings):
    resource = ResourceFactory(slug="guide")
    (settings.MEDIA_ROOT / resource.file.name).unlink()
    assert client.get("/resources/guide/download/").status_code == 404
    resource.refresh_from_db()
    assert resource.download_count == 0


@pytest.mark.django_db
def test_download_rejects_post(client):
    ResourceFactory(slug="guide")
    assert client.post("/resources/guide/download/").status_code == 405


@pytest.mark.django_db
def test_external_link_redirects_only_to_the_stored_address_and_counts(client):
    resource = ResourceFactory(slug="video", link="https://www.ilo.org/skills?lang=en")
    response = client.get(
        "/resources/video/download/?next=https://evil.example/&url=https://evil.example/"
    )
    assert response.status_code == 302
    assert response["Location"] == "https://www.ilo.org/skills?lang=en"
    assert response["Referrer-Policy"] == "no-referrer"
    resource.refresh_from_db()
    assert resource.download_count == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "stored", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/"]
)
def test_a_stored_link_that_is_not_http_is_never_followed(client, stored):
    resource = ResourceFactory(slug="video", link="https://www.ilo.org/")
    Resource.objects.filter(pk=resource.pk).update(external_url=stored)  # past the form checks
    assert client.get("/resources/video/download/").status_code == 404
    resource.refresh_from_db()
    assert resource.download_count == 0


@pytest.mark.django_db
def test_members_only_link_is_a_404_for_visitors(client):
    ResourceFactory(slug="video", link="https://www.ilo.org/secret", access="members")
    response = client.get("/resources/video/download/")
    assert response.status_code == 404
    assert "ilo.org/secret" not in response.content.decode()


@pytest.mark.django_db
def test_download_record_is_an_atomic_update(django_assert_num_queries):
    resource = ResourceFactory()
    with django_assert_num_queries(1) as captured:
        download_record(resource=resource)
    sql = captured.captured_queries[0]["sql"]
    assert sql.startswith("UPDATE")
    assert '"download_count" = ("resources_resource"."download_count" + 1)' in sql


def run_concurrently(count, work):
    """Start ``count`` threads that call ``work`` at the same instant; each closes its own
    database connection."""
    barrier = threading.Barrier(count)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(work())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def fetch(path):
    response = Client().get(path)
    if response.streaming:
        body(response)
    return response.status_code


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_download_count_is_exact_under_concurrent_downloads():
    resource = ResourceFactory(slug="popular")
    statuses = run_concurrently(20, lambda: fetch("/resources/popular/download/"))
    assert statuses == [200] * 20
    resource.refresh_from_db()
    assert resource.download_count == 20


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_link_count_is_exact_under_concurrent_redirects():
    resource = ResourceFactory(slug="video", link="https://www.ilo.org/")
    statuses = run_concurrently(20, lambda: fetch("/resources/video/download/"))
    assert statuses == [302] * 20
    resource.refresh_from_db()
    assert resource.download_count == 20


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_download_service_is_exact_under_concurrent_calls():
    resource = ResourceFactory(download_count=5)
    run_concurrently(20, lambda: download_record(resource=resource))
    resource.refresh_from_db()
    assert resource.download_count == 25
