from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def site(request):
    """What the base layout needs on every page: site name, language links, unread count."""
    path = request.get_full_path()
    language_links = [
        {
            "code": code,
            "name_local": get_language_info(code)["name_local"],
            "url": translate_url(path, code),
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
