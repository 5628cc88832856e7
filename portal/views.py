"""The pages that gather every app: home and search, from the apps' declarations."""

from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language

from network import content
from network.cache import cached_for_audience
from network.search import terms, uses_full_text
from network.taxonomy import Language, Region, Theme

SEARCH_PAGE_SIZE = 20
GROUP_SIZE = 5


def _sections(part: str, request) -> list[dict]:
    """The declared sections of ``part`` that have something to show, in order."""
    shown = []
    for section in content.ordered(part):
        if section.shared:
            context = cached_for_audience(
                f"section-{section.name}", request.user, [], partial(section.context, request),
                members_share=section.shared,
            )  # fmt: skip
        else:
            context = section.context(request)
        if context:
            shown.append({"name": section.name, "template": section.template, "context": context})
    return shown


def home(request):
    viewer = request.user
    figures = [
        {
            "name": figure.name,
            "label": figure.label,
            "value": cached_for_audience(
                f"figure-{figure.name}", viewer, [], partial(figure.count, viewer),
                members_share=figure.same_for_members,
            ),
        }
        for figure in content.ordered("figures")
    ]  # fmt: skip
    dashboard = _sections("dashboard", request) if viewer.is_authenticated else None
    return render(
        request,
        "portal/home.html",
        {"figures": figures, "dashboard": dashboard, "sections": _sections("home", request)},
    )


def _group(source, search, query) -> tuple[list[dict], int]:
    """A group's first results, and how many there are; ``search()`` builds the query."""
    results = search()
    items = [source.result(obj, query) for obj in results[:GROUP_SIZE]]
    return items, len(items) if len(items) < GROUP_SIZE else results.count()


def search(request):
    """One search over every type, grouped with counts; only what the viewer may see."""
    # A NUL byte cannot reach PostgreSQL (it refuses it in text): it is dropped, not searched.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:200]
    kind = request.GET.get("type", "")
    region = request.GET.get("region", "")
    theme = request.GET.get("theme", "")
    region = region if region in Region.values else ""
    theme = theme if theme in Theme.values else ""
    language = request.GET.get("language", "")
    language = language if language in Language.values else ""
    sources = content.ordered("search")
    groups, page = [], None
    if terms(query):
        selected = [s for s in sources if s.key == kind] or sources
        for source in sources:
            if (theme and not source.supports_theme) or (language and not source.supports_language):
                continue
            # Built only when it is run: a group shared by the audience is read from the
            # cache, and building the seven sources' queries took a third of the page.
            search = partial(
                source.search, request.user, query, region=region, theme=theme, language=language
            )
            if source in selected and len(selected) == 1:
                page = Paginator(search(), SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
                items = [source.result(obj, query) for obj in page.object_list]
                count = page.paginator.count
            else:
                # Every visitor sees the same group, and every member that of most sources:
                # its first results and their count are shared (a frequent word is searched
                # often, and counting its matches reads many rows).
                items, count = cached_for_audience(
                    "search-group", request.user,
                    [("source", source.key), ("q", query), ("region", region),
                     ("theme", theme), ("written_in", language), ("language", get_language())],
                    partial(_group, source, search, query),
                    members_share=source.same_for_members,
                )  # fmt: skip
            capped = bool(source.max_results) and uses_full_text() and count >= source.max_results
            groups.append({"source": source, "count": count, "items": items, "capped": capped,
                           "selected": source.key == kind})  # fmt: skip
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "kind": kind,
            "groups": groups,
            "page_obj": page,
            "query_string": params.urlencode(),
            "regions": Region.choices,
            "themes": Theme.choices,
            "region": region,
            "theme": theme,
            "languages": Language.choices,
            "language": language,
            "sources": sources,
        },
    )
