"""The visitors' pages from the shared cache.

A visitor (no session) sees the home page, the showcase, an innovation, the events, the
library, an organisation or a public profile exactly as every other visitor does, so the
page is rendered once and kept in the shared cache, keyed by host, language and the URL with
its query sorted. A write that may show on such a page (``network.content.pages_change``)
moves the pages' generation on, so a publication, a hiding, an edit or a suspension shows on
the very next view. Only pages with nothing of their own are kept: no cookie set, no CSRF
token, no CSP nonce used, a plain 200. Anyone with a session (members, applicants, staff, a
visitor who was just told something) gets a page rendered for them.
"""

import hashlib
from functools import cache as once

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.urls import Resolver404, resolve
from django.utils.translation import get_language

from network import content
from network.cache import page_generation

# The top's own pages; the apps declare theirs (ContentApp.public_pages).
TOP_PAGES = ("home", "search", "sitemap", "figures")
# Headers a kept page carries again; anything else (Set-Cookie above all) is not kept.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Content-Disposition", "Vary")


@once
def cached_page_names() -> frozenset[str]:
    return frozenset([*TOP_PAGES, *content.gather("public_pages")])


class VisitorPageCacheMiddleware:
    """Serve the pages that are the same for every visitor from the shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self.key(request)
        if key is None:
            return self.get_response(request)
        kept = cache.get(key)
        if kept is not None:
            return self.rebuild(kept)
        response = self.get_response(request)
        if self.keepable(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            kept = (response.status_code, headers, response.content)
            cache.set(key, kept, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def key(request) -> str | None:
        """The page's key, or None when this request must be rendered for its sender."""
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or request.method != "GET"
            # A session means someone signed in, or a message waiting for this visitor.
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or "messages" in request.COOKIES
        ):
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.view_name not in cached_page_names():
            return None
        query = sorted(request.GET.lists())
        url = f"{request.get_host()} {get_language()} {request.path} {query}"
        digest = hashlib.sha256(url.encode()).hexdigest()[:40]
        return f"page:{page_generation()}:{digest}"

    @staticmethod
    def keepable(request, response) -> bool:
        """Whether the page holds nothing of this request's own."""
        session = getattr(request, "session", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not (session is not None and session.modified)
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not get_nonce(request)
            and "private" not in response.get("Cache-Control", "")
            and "no-cache" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def rebuild(kept) -> HttpResponse:
        status, headers, body = kept
        response = HttpResponse(body, status=status)
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
