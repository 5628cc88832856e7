"""Spaces and their threads in the one search, for those who may read them."""

from django.utils.translation import gettext_lazy as _

from network.search import CANDIDATES, SearchSource, matching, snippet
from spaces.models import Space, Thread


def search_spaces(viewer, query, region="", theme="", language=""):
    spaces = Space.objects.visible_to(viewer).filter(archived_at__isnull=True)
    if region:
        spaces = spaces.filter(region=region)
    if theme:
        spaces = spaces.filter(theme=theme)
    if language:
        spaces = spaces.filter(language=language)
    return matching(spaces, query, fields=("title", "description"), newest="created_at")


def space_result(space, query):
    return {
        "title": space.title,
        "url": space.get_absolute_url(),
        "snippet": snippet(space.description, query),
        "meta": space.get_kind_display(),
        "lang": space.language,
    }


def search_threads(viewer, query, region="", theme="", language=""):
    threads = Thread.objects.visible_to(viewer)
    if region:
        threads = threads.filter(space__region=region)
    if theme:
        threads = threads.filter(space__theme=theme)
    if language:
        threads = threads.filter(language=language)
    found = matching(threads, query, fields=("title", "body"), newest="last_activity_at")
    return found.select_related("space")


def thread_result(thread, query):
    return {
        "title": thread.title,
        "url": thread.get_absolute_url(),
        "snippet": snippet(thread.body, query),
        "meta": thread.space.title,
        "lang": thread.language,
    }


SPACES = SearchSource(
    key="spaces",
    label=_("Spaces"),
    search=search_spaces,
    result=space_result,
    supports_theme=True,
    supports_language=True,
    order=45,
    # Members see the private spaces they are in: their matches are their own.
    same_for_members=False,
)

THREADS = SearchSource(
    key="threads",
    label=_("Discussions"),
    search=search_threads,
    result=thread_result,
    supports_theme=True,
    supports_language=True,
    order=46,
    max_results=CANDIDATES,
    same_for_members=False,
)
