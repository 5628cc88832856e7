"""The library's part of the weekly discovery digest: new resources in the member's languages,
and new resources on what the member follows (a theme, a tag, an organisation, a contributor)
in any language, those first."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from members.models import SpokenLanguage
from network.digests import DigestItem, DigestSection, followed_topics
from resources.models import Resource

MAX_ITEMS = 5


def new_resources_section(users, since):
    """A constant number of queries for the batch: the week's resources (with their themes and
    tags), what the members follow, the languages they speak."""
    if not users:
        return {}
    resources = list(
        Resource.objects.for_any_member()
        .filter(published_at__gte=since)
        .select_related("organisation", "contributor")
        .prefetch_related("themes", "tags")
        .order_by("-published_at")[:200]
    )
    if not resources:
        return {}
    languages = {}
    for profile_id, code in SpokenLanguage.objects.filter(
        profile__in=[u.pk for u in users]
    ).values_list("profile_id", "code"):
        languages.setdefault(profile_id, set()).add(code)
    follows = followed_topics(users)
    topics = {resource.pk: _topics(resource) for resource in resources}
    sections = {}
    for user in users:
        spoken = languages.get(user.pk) or {user.language}
        followed = follows.get(user.pk, set())
        matches = [
            resource
            for resource in resources
            if resource.contributor_id != user.pk
            and (resource.language in spoken or topics[resource.pk] & followed)
        ]
        # What the member follows first, then the rest, each newest first.
        matches.sort(key=lambda resource: not topics[resource.pk] & followed)
        if not matches:
            continue
        # In the member's language: the title, the type, the link's language prefix.
        with translation.override(user.language or settings.LANGUAGE_CODE):
            sections[user.pk] = DigestSection(
                title=_("New in the library"),
                items=[
                    DigestItem(
                        title=r.title,
                        url=settings.SITE_URL + r.get_absolute_url(),
                        meta=r.get_type_display(),
                    )
                    for r in matches[:MAX_ITEMS]
                ],
            )
    return sections


def _topics(resource) -> set[tuple[str, str]]:
    """The (kind, value) pairs a member may follow that this resource is about or from."""
    keys = {("theme", theme.theme) for theme in resource.themes.all()}
    keys |= {("tag", tag.name.lower()) for tag in resource.tags.all()}
    if resource.organisation_id:
        keys.add(("organisation", resource.organisation.slug))
    if resource.contributor_id:
        keys.add(("member", resource.contributor.username))
    return keys
