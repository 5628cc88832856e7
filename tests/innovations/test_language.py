"""Member content carries the language it is written in: pages mark its text with ``lang``
(WCAG 3.1.2: a Spanish innovation on an English page is read with Spanish rules), the
showcase filters by it, and an innovation links its versions in other languages."""

from html.parser import HTMLParser

import pytest

from events.models import Event
from innovations.models import Comment, Innovation
from resources.models import Resource
from spaces.models import Space, Thread
from tests.factories import InnovationFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


class LangOfText(HTMLParser):
    """Each text of a page with the language of its nearest element carrying ``lang``."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}  # fmt: skip

    def __init__(self):
        super().__init__()
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(dict(attrs).get("lang"))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip():
            lang = next((lang for lang in reversed(self.stack) if lang), None)
            self.texts.append((" ".join(data.split()), lang))


def languages_of(html: str, text: str) -> set:
    parser = LangOfText()
    parser.feed(html)
    return {lang for found, lang in parser.texts if found == text}


def test_every_demo_page_marks_member_text_with_its_language(client, demo):
    """An automated check over the demo: every innovation's, event's, resource's and space's
    title and summary, every comment, and every thread and reply of a public space, wherever
    a page shows them, in its own language."""
    problems = []
    innovations = Innovation.objects.listed_for(None)
    events = Event.objects.listed_for(None)
    resources = Resource.objects.listed_for(None)
    # The lists: whichever of these their first page shows.
    spaces = Space.objects.visible_to(None)
    lists = {
        "/innovations/": [(i.title, i.language) for i in innovations],
        "/events/": [(e.title, e.written_in) for e in events],
        "/resources/": [(r.title, r.language) for r in resources],
        "/spaces/": [(s.title, s.language) for s in spaces],
    }
    for path, pairs in lists.items():
        html = client.get(path).content.decode()
        marked = [(text, language, languages_of(html, text)) for text, language in pairs]
        assert sum(bool(found) for _text, _language, found in marked) >= 3, path
        problems += [
            f"{path}: {text[:40]!r} marked {found}, not {language}"
            for text, language, found in marked
            if found and found != {language}
        ]
    pages = {}
    for innovation in innovations:
        shown = [(innovation.title, innovation.language), (innovation.summary, innovation.language)]
        shown += [
            (" ".join(comment.body.split()), comment.language)
            for comment in Comment.objects.filter(innovation=innovation, hidden_at=None)
        ]
        pages[innovation.get_absolute_url()] = shown
    for event in events:
        pages[event.get_absolute_url()] = [(event.title, event.written_in)]
    for resource in resources:
        pages[resource.get_absolute_url()] = [(resource.title, resource.language)]
    for space in spaces:
        pages[space.get_absolute_url()] = [(space.title, space.language),
                                           (space.description, space.language)]  # fmt: skip
    for thread in Thread.objects.visible_to(None):
        shown = [(thread.title, thread.language), (" ".join(thread.body.split()), thread.language)]
        shown += [
            (" ".join(reply.body.split()), reply.language) for reply in thread.replies.shown()
        ]
        pages[thread.get_absolute_url()] = shown
    assert {language for pairs in pages.values() for _text, language in pairs} >= {"en", "fr", "es"}
    for path, pairs in pages.items():
        html = client.get(path).content.decode()
        for text, language in pairs:
            found = languages_of(html, text)
            if found != {language}:
                problems.append(
                    f"{path}: {text[:40]!r} marked {found or 'nowhere'}, not {language}"
                )
    assert problems == []


def test_the_showcase_filters_by_language(client, demo):
    french = set(
        Innovation.objects.listed_for(None).filter(language="fr").values_list("title", flat=True)
    )
    assert len(french) >= 3
    response = client.get("/innovations/", {"language": "fr"})
    titles = {innovation.title for innovation in response.context["page_obj"]}
    assert titles == french
    options = {option["value"]: option for option in response.context["facets"]["language"]}
    assert options["fr"]["selected"] and options["es"]["count"] >= 3


def test_an_innovation_links_its_versions_in_other_languages(client, demo):
    french = Innovation.objects.get(language="fr", translation_of__isnull=False)
    original = french.translation_of
    page = client.get(original.get_absolute_url()).content.decode()
    assert f'<a href="{french.get_absolute_url()}" lang="fr" hreflang="fr">French</a>' in page
    page = client.get(french.get_absolute_url()).content.decode()
    assert f'href="{original.get_absolute_url()}" lang="en" hreflang="en">English</a>' in page
    # A version nobody may see yet is not offered.
    Innovation.objects.filter(pk=french.pk).update(status="draft")
    assert french.get_absolute_url() not in client.get(original.get_absolute_url()).content.decode()


def test_a_version_is_of_an_original_in_another_language(client):
    original = InnovationFactory(language="en")
    french = InnovationFactory(language="fr", translation_of=original)
    client.force_login(StaffFactory(is_superuser=True))
    change = f"/admin/innovations/innovation/{InnovationFactory(language='en').pk}/change/"
    form = client.get(change).context["adminform"].form
    data = {
        name: value for name, value in form.initial.items()
        if value is not None and not isinstance(value, list) and name != "cover"
    }  # fmt: skip
    data |= {"owner": form.initial["owner"], "translation_of": original.pk}
    for prefix in ("team", "facets", "adoptions"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    html = client.post(change, data).content.decode()
    assert "The original is already in this language." in html
    html = client.post(
        change, data | {"language": "es", "translation_of": french.pk}
    ).content.decode()
    assert "Choose the original, not another language version." in html
    assert client.post(change, data | {"language": "es"}).status_code == 302


def test_new_innovations_and_comments_start_in_their_authors_language(client):
    author = UserFactory(language="es")
    client.force_login(author)
    form = client.get("/innovations/new/").context["form"]
    assert form["language"].value() == "es"
    innovation = InnovationFactory()
    client.post(f"/innovations/{innovation.slug}/comments/", {"body": "¡Muy útil para nosotros!"})
    assert Comment.objects.get(innovation=innovation).language == "es"


def test_the_showcase_shows_one_card_per_work_in_the_viewers_language(client, demo):
    french = Innovation.objects.get(language="fr", translation_of__isnull=False)
    original = french.translation_of

    def cards(path):
        return [innovation.pk for innovation in client.get(path).context["page_obj"]]

    everything = cards("/fr/innovations/")  # the newest first: the French one among them
    assert french.pk in everything and original.pk not in everything
    english = cards("/innovations/?q=Jifunze")
    assert english == [original.pk]
    assert cards("/fr/innovations/?q=Jifunze") == [french.pk]
    assert cards("/es/innovations/?q=Jifunze") == [original.pk]  # no Spanish version
    # Counted once: the facets count works, not versions.
    response = client.get("/innovations/?q=Jifunze")
    assert response.context["page_obj"].paginator.count == 1
    # A version whose original is not listed is a card of its own.
    Innovation.objects.filter(pk=original.pk).update(status="archived")
    assert cards("/innovations/?q=Jifunze") == [french.pk]


def test_search_keeps_to_a_language_and_marks_results_with_theirs(client, demo):
    html = client.get("/search/", {"q": "apprentissage", "language": "fr"}).content.decode()
    groups = client.get("/search/", {"q": "apprentissage", "language": "fr"}).context["groups"]
    assert {group["source"].key for group in groups} == {
        "innovations", "resources", "events", "spaces", "threads"
    }  # fmt: skip
    titles = [item["title"] for group in groups for item in group["items"]]
    french = set()
    for model in (Innovation, Resource, Space, Thread):
        french |= set(model.objects.filter(language="fr").values_list("title", flat=True))
    assert titles and set(titles) <= french
    assert languages_of(html, titles[0]) == {"fr"}
    spanish = client.get("/search/", {"q": "apprentissage", "language": "es"}).context["groups"]
    assert all(group["count"] == 0 for group in spanish)
