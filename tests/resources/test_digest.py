"""The library's part of the weekly discovery digest: resources in the member's languages, and
resources on what the member follows in any language, those first; in the member's language."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from network.models import FollowedTopic
from resources.digest import new_resources_section
from tests.factories import OrganisationFactory, ResourceFactory, UserFactory

pytestmark = pytest.mark.django_db

LINK = "https://example.org/a-resource"


def section(user):
    found = new_resources_section([user], timezone.now() - timedelta(days=7)).get(user.pk)
    return [item.title for item in found.items] if found else []


def test_followed_topics_bring_resources_in_any_language_first():
    reader = UserFactory(username="reader", language="en")
    author = UserFactory(username="ada-author")
    organisation = OrganisationFactory(slug="volta-tvet")
    for kind, value in [("theme", "green-skills"), ("tag", "solar"),
                        ("organisation", "volta-tvet"), ("member", "ada-author")]:  # fmt: skip
        FollowedTopic.objects.create(user=reader, kind=kind, value=value)
    ResourceFactory(link=LINK, title="English guide", themes=["financing-skills"])
    ResourceFactory(link=LINK, title="Guide vert", language="fr", themes=["green-skills"])
    ResourceFactory(link=LINK, title="Guía solar", language="es").tags.set(["Solar"])
    ResourceFactory(link=LINK, title="Guide Volta", language="fr", organisation=organisation)
    ResourceFactory(link=LINK, title="Guide d'Ada", language="fr", contributor=author)
    ResourceFactory(link=LINK, title="Autre guide", language="fr")
    ResourceFactory(link=LINK, title="Members' guide", access="members", language="fr",
                    themes=["green-skills"])  # fmt: skip
    ResourceFactory(link=LINK, title="Pending guide", status="submitted", published_at=None,
                    themes=["green-skills"])  # fmt: skip
    ResourceFactory(link=LINK, title="My own guide", contributor=reader)
    titles = section(reader)
    assert len(titles) == 5  # at most five
    assert set(titles) <= {"Guide vert", "Guía solar", "Guide Volta", "Guide d'Ada",
                           "Members' guide", "English guide"}  # fmt: skip
    assert "English guide" not in titles  # followed ones first, and five of them
    assert "Autre guide" not in titles and "Pending guide" not in titles
    assert "My own guide" not in titles


def test_without_follows_only_the_members_languages():
    reader = UserFactory(language="fr")
    ResourceFactory(link=LINK, title="English guide")
    ResourceFactory(link=LINK, title="Guide en français", language="fr")
    assert section(reader) == ["Guide en français"]


def test_section_is_in_the_members_language():
    reader = UserFactory(language="es")
    ResourceFactory(link=LINK, title="Guía", language="es", type="report")
    found = new_resources_section([reader], timezone.now() - timedelta(days=7))[reader.pk]
    assert found.title == "Novedades de la biblioteca"
    assert found.items[0].meta == "Informe"
    assert "/es/resources/" in found.items[0].url


def test_a_constant_number_of_queries_for_the_batch():
    def run(count):
        users = [UserFactory(language="fr") for _ in range(count)]
        for user in users:
            FollowedTopic.objects.create(user=user, kind="theme", value="green-skills")
        with CaptureQueriesContext(connection) as queries:
            sections = new_resources_section(users, timezone.now() - timedelta(days=7))
        assert len(sections) == count
        return len(queries)

    for index in range(4):
        ResourceFactory(link=LINK, language="fr", themes=["green-skills"]).tags.set([f"t{index}"])
    assert run(2) == 5
    assert run(12) == 5
