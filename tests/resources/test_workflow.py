"""Contributing, moderating in the admin, staff additions, language versions, useful marks."""

import re

import pytest
from django.core import mail

from resources.models import Resource, UsefulMark
from tests.factories import (
    AffiliationFactory,
    ApplicantFactory,
    ResourceFactory,
    StaffFactory,
    UsefulMarkFactory,
    UserFactory,
)
from tests.resources import files
from tests.resources.files import upload

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "title": "Employer checklist",
        "summary": "One page for employers who take apprentices.",
        "description": "",
        "type": "toolkit",
        "language": "fr",
        "year": "2024",
        "licence": "cc-by-4.0",
        "access": "members",
        "themes": ["apprenticeships-and-work-based-learning", "core-and-soft-skills"],
        "tags": "checklist, employers",
        "external_url": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def moderator(db):
    user = StaffFactory(is_superuser=True, email="mod@example.org", language="en")
    return user


def test_visitors_sign_in_and_applicants_may_not_contribute(client):
    response = client.get("/resources/contribute/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    client.force_login(ApplicantFactory())
    assert client.get("/resources/contribute/").status_code == 403
    assert client.post("/resources/contribute/", form_data()).status_code == 403
    assert Resource.objects.count() == 0


def test_member_contribution_is_submitted_and_moderators_are_emailed(
    client, contributor, moderator, django_capture_on_commit_callbacks
):
    affiliation = AffiliationFactory(user=contributor)
    client.force_login(contributor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/resources/contribute/",
            form_data(
                upload=upload("Checklist.pdf", files.PDF),
                organisation=affiliation.organisation.pk,
            ),
        )
    resource = Resource.objects.get()
    assert response["Location"] == f"/resources/{resource.slug}/"
    assert resource.slug == "employer-checklist"
    assert (resource.status, resource.contributor, resource.publisher_type) == (
        "submitted",
        contributor,
        "member",
    )
    assert resource.organisation == affiliation.organisation
    assert resource.published_at is None
    assert sorted(resource.theme_values()) == [
        "apprenticeships-and-work-based-learning",
        "core-and-soft-skills",
    ]
    assert sorted(resource.tags.names()) == ["checklist", "employers"]
    assert [message.to for message in mail.outbox] == [["mod@example.org"]]
    assert mail.outbox[0].subject.endswith("To review: Employer checklist")
    assert f"/admin/resources/resource/{resource.pk}/change/" in mail.outbox[0].body
    page = client.get(response["Location"]).content.decode()
    assert "Submitted for review" in page


def test_organisation_must_be_one_of_mine(client, contributor):
    client.force_login(contributor)
    other = AffiliationFactory().organisation
    response = client.post(
        "/resources/contribute/",
        form_data(external_url="https://example.org/c", organisation=other.pk),
    )
    assert "Select a valid choice." in response.content.decode()
    assert Resource.objects.count() == 0


def test_reserved_words_are_never_slugs(client, contributor):
    client.force_login(contributor)
    for title in ("Collections", "Contribute", "Mine"):
        client.post("/resources/contribute/", form_data(title=title, external_url="https://a.org/"))
    slugs = sorted(Resource.objects.values_list("slug", flat=True))
    assert [slug.rsplit("-", 1)[0] for slug in slugs] == ["collections", "contribute", "mine"]
    assert all(re.fullmatch(r"[a-z]+-[a-z2-9]{4}", slug) for slug in slugs)


def test_staff_contribution_is_published_at_once(client, moderator):
    client.force_login(moderator)
    client.post("/resources/contribute/", form_data(external_url="https://www.ilo.org/x"))
    resource = Resource.objects.get()
    assert resource.status == "published"
    assert resource.published_at is not None
    assert mail.outbox == []


def test_approve_tells_the_contributor(
    client, contributor, moderator, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(status="submitted", published_at=None, contributor=contributor)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/resources/resource/",
            {"action": "approve", "_selected_action": [resource.pk]},
        )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == "published"
    assert resource.published_at is not None
    notification = contributor.notifications.get()
    assert notification.kind == "resource_reviewed"
    assert notification.url == f"/resources/{resource.slug}/"
    assert notification.message == f"Your resource “{resource.title}” is published in the library."
    assert [m.to for m in mail.outbox] == [[contributor.email]]
    assert mail.outbox[0].subject.endswith(f"Published: {resource.title}")


def test_decline_asks_for_a_reason_then_sends_it(
    client, contributor, moderator, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(status="submitted", published_at=None, contributor=contributor)
    client.force_login(moderator)
    page = client.post(
        "/admin/resources/resource/", {"action": "decline", "_selected_action": [resource.pk]}
    )
    assert page.status_code == 200
    assert "Reason, sent to the contributors" in page.content.decode()
    resource.refresh_from_db()
    assert resource.status == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/resources/resource/",
            {"action": "decline", "_selected_action": [resource.pk],
             "reason": "Please add a licence."},
        )  # fmt: skip
    resource.refresh_from_db()
    assert (resource.status, resource.review_note) == ("rejected", "Please add a licence.")
    assert contributor.notifications.get().kind == "resource_reviewed"
    assert "Please add a licence." in mail.outbox[0].body
    assert mail.outbox[0].subject.endswith(f"Not accepted: {resource.title}")
    # The contributor sees the reason on the page and in their list; nobody else sees it.
    client.force_login(contributor)
    assert "Please add a licence." in client.get(resource.get_absolute_url()).content.decode()
    assert "Please add a licence." in client.get("/resources/mine/").content.decode()
    client.force_login(UserFactory())
    assert client.get(resource.get_absolute_url()).status_code == 404


def admin_form(resource=None, **overrides):
    data = {
        "title": "ILO guide", "slug": "ilo-guide", "summary": "", "description": "",
        "type": "guide", "external_url": "", "language": "en", "translation_of": "",
        "tags": "", "publisher_type": "ilo", "organisation": "", "contributor": "",
        "year": "2024", "licence": "", "access": "public", "innovations": [],
        "status": "published", "review_note": "", "themes": ["green-skills"],
        "translations-TOTAL_FORMS": "0", "translations-INITIAL_FORMS": "0",
        "useful_marks-TOTAL_FORMS": "0", "useful_marks-INITIAL_FORMS": "0",
    }  # fmt: skip
    if resource is not None:
        data.update(
            {
                "title": resource.title, "slug": resource.slug, "type": resource.type,
                "language": resource.language, "access": resource.access,
                "status": resource.status, "external_url": resource.external_url,
                "contributor": resource.contributor_id or "",
                "translations-INITIAL_FORMS": str(resource.translations.count()),
                "translations-TOTAL_FORMS": str(resource.translations.count()),
                "useful_marks-INITIAL_FORMS": str(resource.useful_marks.count()),
                "useful_marks-TOTAL_FORMS": str(resource.useful_marks.count()),
            }
        )  # fmt: skip
    data.update(overrides)
    return data


def test_staff_add_a_resource_with_a_checked_file(client, moderator, settings):
    client.force_login(moderator)
    refused = client.post(
        "/admin/resources/resource/add/", admin_form(upload=upload("guide.pdf", files.HTML))
    )
    assert refused.status_code == 200
    assert "the file is a web page or an image" in refused.content.decode()
    neither = client.post("/admin/resources/resource/add/", admin_form())
    assert "Upload a file or give an external link." in neither.content.decode()
    assert Resource.objects.count() == 0
    response = client.post(
        "/admin/resources/resource/add/", admin_form(upload=upload("../guide.pdf", files.PDF))
    )
    assert response.status_code == 302
    resource = Resource.objects.get()
    assert (resource.status, resource.original_filename) == ("published", "guide.pdf")
    assert resource.published_at is not None
    assert resource.theme_values() == ["green-skills"]
    assert (settings.MEDIA_ROOT / resource.file.name).read_bytes() == files.PDF


def test_admin_add_form_starts_as_a_published_ilo_resource(client, moderator):
    client.force_login(moderator)
    html = client.get("/admin/resources/resource/add/").content.decode()
    assert '<option value="published" selected>' in html
    assert '<option value="ilo" selected>' in html


def test_staff_turn_a_file_into_a_link(
    client, moderator, settings, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(slug="ilo-guide")
    stored = settings.MEDIA_ROOT / resource.file.name
    client.force_login(moderator)
    url = f"/admin/resources/resource/{resource.pk}/change/"
    both = client.post(url, admin_form(resource, external_url="https://www.ilo.org/g"))
    assert "A resource has a file or an external link, not both." in both.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, admin_form(resource, external_url="https://www.ilo.org/g", remove_file="on")
        )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert (resource.file.name, resource.external_url) == ("", "https://www.ilo.org/g")
    assert not stored.exists()


def test_approving_by_changing_the_status_tells_the_contributor(
    client, contributor, moderator, django_capture_on_commit_callbacks
):
    resource = ResourceFactory(
        status="submitted", published_at=None, contributor=contributor, slug="contributed"
    )
    client.force_login(moderator)
    url = f"/admin/resources/resource/{resource.pk}/change/"
    refused = client.post(url, admin_form(resource, status="rejected"))
    assert "Give the contributor a reason: it is sent to them." in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, admin_form(resource, status="published"))
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == "published"
    assert resource.published_at is not None
    assert contributor.notifications.get().kind == "resource_reviewed"
    assert [m.to for m in mail.outbox] == [[contributor.email]]


def test_language_versions_are_one_level_and_one_per_language(client, moderator):
    original = ResourceFactory(slug="toolkit", language="en")
    french = ResourceFactory(slug="boite", language="fr", translation_of=original)
    spanish = ResourceFactory(slug="caja", language="es")
    client.force_login(moderator)
    url = f"/admin/resources/resource/{spanish.pk}/change/"
    html = client.post(url, admin_form(spanish, translation_of=french.pk)).content.decode()
    assert "“" + french.title + "” is itself a language version; choose its original." in html
    html = client.post(
        url, admin_form(spanish, translation_of=original.pk, language="fr")
    ).content.decode()
    assert "This work already has a version in this language." in html
    html = client.post(
        url, admin_form(spanish, translation_of=original.pk, language="en")
    ).content.decode()
    assert "The original is already in this language." in html
    response = client.post(url, admin_form(spanish, translation_of=original.pk))
    assert response.status_code == 302
    page = client.get(f"/admin/resources/resource/{original.pk}/change/").content.decode()
    assert "Language versions" in page
    assert f"/admin/resources/resource/{french.pk}/change/" in page
    assert f"/admin/resources/resource/{spanish.pk}/change/" in page


def test_collections_admin_orders_items(client, moderator):
    first, second = ResourceFactory(title="First"), ResourceFactory(title="Second")
    client.force_login(moderator)
    response = client.post(
        "/admin/resources/collection/add/",
        {"title": "Starter kit", "slug": "starter-kit", "description": "", "published": "on",
         "language": "en",
         "items-TOTAL_FORMS": "2", "items-INITIAL_FORMS": "0",
         "items-0-position": "20", "items-0-resource": first.pk, "items-0-note": "",
         "items-1-position": "10", "items-1-resource": second.pk, "items-1-note": "Start here"},
    )  # fmt: skip
    assert response.status_code == 302
    html = client.get("/resources/collections/starter-kit/").content.decode()
    assert html.index("Second") < html.index("First")
    assert "Start here" in html


def test_deleting_a_resource_deletes_its_file(settings, django_capture_on_commit_callbacks):
    resource = ResourceFactory()
    stored = settings.MEDIA_ROOT / resource.file.name
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        resource.delete()
    assert not stored.exists()


# --- useful marks ---------------------------------------------------------------------------
def test_member_marks_useful_changes_the_note_and_removes_it(client):
    resource = ResourceFactory(slug="guide")
    member = UserFactory()
    client.force_login(member)
    response = client.post("/resources/guide/useful/", {"note": "Used it with 12 employers."})
    assert response["Location"] == "/resources/guide/#useful"
    assert UsefulMark.objects.get().note == "Used it with 12 employers."
    client.post("/resources/guide/useful/", {"note": "Used it with 15 employers."})
    assert list(UsefulMark.objects.values_list("note", flat=True)) == ["Used it with 15 employers."]
    html = client.get("/resources/guide/").content.decode()
    assert "Update my note" in html
    assert "Used it with 15 employers." in html
    client.post("/resources/guide/useful/", {"action": "remove"})
    assert UsefulMark.objects.count() == 0
    assert resource.pk


def test_too_long_note_is_refused_and_kept(client):
    ResourceFactory(slug="guide")
    client.force_login(UserFactory())
    note = "x" * 281
    response = client.post("/resources/guide/useful/", {"note": note})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value has at most 280 characters (it has 281)." in html
    assert f">\n{note}</textarea>" in html
    assert UsefulMark.objects.count() == 0


def test_who_may_not_mark_useful(client, contributor):
    mine = ResourceFactory(slug="mine-guide", contributor=contributor)
    ResourceFactory(slug="draft", status="submitted", contributor=contributor)
    ResourceFactory(slug="members", access="members")
    client.force_login(contributor)
    response = client.post("/resources/mine-guide/useful/", {"note": "Great"})
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["You shared this resource; others can tell how it helped them."]
    assert client.post("/resources/draft/useful/", {"note": ""}).status_code == 403
    client.force_login(ApplicantFactory())
    assert client.post("/resources/mine-guide/useful/", {"note": ""}).status_code == 403
    assert client.post("/resources/members/useful/", {"note": ""}).status_code == 403
    client.logout()
    assert client.post("/resources/mine-guide/useful/", {"note": ""}).status_code == 302
    assert UsefulMark.objects.count() == 0
    assert mine.pk


def test_decisions_are_in_the_audit_log(contributor, moderator):
    from network.models import AuditEntry
    from resources import services

    resource = ResourceFactory(status="submitted", published_at=None, contributor=contributor)
    services.resource_decline(resource=resource, moderator=moderator, reason="No licence.")
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.reason) == (
        moderator,
        "resource_rejected",
        "No licence.",
    )
    assert (entry.before, entry.after) == ({"status": "submitted"}, {"status": "rejected"})


def test_export_holds_my_contributions_and_marks(client, contributor):
    import json

    ResourceFactory(title="My checklist", contributor=contributor, status="submitted")
    UsefulMarkFactory(member=contributor, resource=ResourceFactory(title="Their guide"), note="Ok")
    client.force_login(contributor)
    data = json.loads(client.get("/members/me/export.json").content)
    assert [r["title"] for r in data["resources_shared"]] == ["My checklist"]
    assert data["resources_marked_useful"][0]["resource"] == "Their guide"
    assert data["resources_marked_useful"][0]["note"] == "Ok"
