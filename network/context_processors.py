from django.conf import settings
from django.urls import get_script_prefix
from django.utils.translation import get_language_from_path, get_language_info


def site(request):
    """What the base layout needs on every page: site name, language links, unread count."""
    path = request.get_full_path_info()
    language_links = [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": in_language(path, code),
        }
        for code, _name in settings.LANGUAGES
    ]
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        unread = user.notifications.filter(read_at__isnull=True).count()
    return {
        "followed": _Followed(user),
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "language_links": language_links,
        "unread_notifications": unread,
    }


def in_language(path: str, code: str) -> str:
    """The page at ``path`` (below the script prefix) in language ``code``.

    Every language has the same URL tree (DESIGN.md §5): English unprefixed, the others
    under /fr/ and /es/, so the language prefix is changed and nothing else. (Django's
    translate_url resolves and reverses the path for each language, a few milliseconds on
    every page, and a whole walk of the URL tree on a page not found.) The query string is
    kept."""
    current = get_language_from_path(path)
    if current and current != settings.LANGUAGE_CODE:
        path = path[len(current) + 1 :] or "/"
    if code != settings.LANGUAGE_CODE:
        path = f"/{code}{path}"
    return get_script_prefix().rstrip("/") + path


class _Followed:
    """``{% if "theme:green-skills" in followed %}``: loaded once, and only if a page asks."""

    def __init__(self, user):
        self.user = user
        self._keys = None

    def __contains__(self, key):
        if self._keys is None:
            self._keys = set()
            if self.user is not None and self.user.is_authenticated:
                self._keys = {
                    f"{kind}:{value}"
                    for kind, value in self.user.followed_topics.values_list("kind", "value")
                }
        return key in self._keys
