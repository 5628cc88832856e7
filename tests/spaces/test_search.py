"""Spaces and threads in the one search: full text on PostgreSQL through their triggers,
for those who may read them."""

import pytest

from spaces.search import search_spaces, search_threads
from tests.factories import SpaceFactory, SpaceMemberFactory, ThreadFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_search_finds_threads_and_spaces_by_word_and_language(client):
    space = SpaceFactory(title="Comunidad de aprendizajes", language="es",
                         description="Formación dual en pymes.")  # fmt: skip
    ThreadFactory(space=space, title="Tutores compartidos", body="Formación en la empresa",
                  language="es")  # fmt: skip
    ThreadFactory(space=space, title="Shared tutors", body="Training in the company")
    html = client.get("/search/", {"q": "formacion"}).content.decode()
    assert "Tutores compartidos" in html and "Comunidad de aprendizajes" in html
    assert "Shared tutors" not in html
    only_english = client.get("/search/", {"q": "tutors", "language": "en"}).content.decode()
    assert "Shared tutors" in only_english


@pytest.mark.postgres
def test_search_vectors_follow_edits_through_the_triggers():
    member = UserFactory()
    space = SpaceFactory(visibility="private", entry="invitation", title="Levy room")
    SpaceMemberFactory(space=space, user=member)
    thread = ThreadFactory(space=space, title="Budget", body="Numbers of the sector fund")
    assert list(search_threads(member, "sector fund")) == [thread]
    assert list(search_threads(UserFactory(), "sector fund")) == []
    thread.body = "Numbers of the training levy"
    thread.save()
    assert list(search_threads(member, "sector fund")) == []
    assert list(search_threads(member, "levy")) == [thread]
    space.title = "Financing room"
    space.save()
    assert list(search_spaces(member, "financing")) == [space]
    assert list(search_spaces(None, "financing")) == []
