"""The library's part of the weekly discovery digest: new resources in the member's languages."""

from django.conf import settings
from django.utils.translation import gettext as _

from network.digests import DigestItem, DigestSection
from resources.models import Resource

MAX_ITEMS = 5


def new_resources_section(users, since):
    """A constant number of queries for the batch: the week's resources, the members' languages."""
    if not users:
        return {}
    resources = list(
        Resource.objects.for_any_member()
        .filter(published_at__gte=since)
        .order_by("-published_at")[:200]
    )
    if not resources:
        return {}
    from members.models import SpokenLanguage

    languages = {}
    for profile_id, code in SpokenLanguage.objects.filter(
        profile__in=[u.pk for u in users]
    ).values_list("profile_id", "code"):
        languages.setdefault(profile_id, set()).add(code)
    sections = {}
    for user in users:
        spoken = languages.get(user.pk) or {user.language}
        matches = [r for r in resources if r.language in spoken][:MAX_ITEMS]
        if matches:
            sections[user.pk] = DigestSection(
                title=_("New in the library"),
                items=[
                    DigestItem(
                        title=r.title,
                        url=settings.SITE_URL + r.get_absolute_url(),
                        meta=r.get_type_display(),
                    )
                    for r in matches
                ],
            )
    return sections
