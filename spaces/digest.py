"""The spaces' part of the weekly discovery digest: the week's most active threads of the
spaces each member is in."""

from django.conf import settings
from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from network.digests import DigestItem, DigestSection
from spaces.models import Membership, Thread

MAX_ITEMS = 5


def active_threads_section(users, since):
    """Three queries for the batch: who is in which space, the week's active threads of
    those spaces, and how many replies each had this week."""
    if not users:
        return {}
    by_user = {}
    for user_id, space_id in (
        Membership.objects.active()
        .filter(user__in=[u.pk for u in users])
        .values_list("user_id", "space_id")
    ):
        by_user.setdefault(user_id, set()).add(space_id)
    spaces = set().union(*by_user.values()) if by_user else set()
    if not spaces:
        return {}
    threads = list(
        Thread.objects.filter(space__in=spaces, hidden_at__isnull=True, last_activity_at__gte=since)
        .annotate(
            recent=Count(
                "replies",
                filter=Q(replies__created_at__gte=since, replies__hidden_at__isnull=True),
            )
        )
        .select_related("space")
        .order_by("-recent", "-last_activity_at")[:500]
    )
    if not threads:
        return {}
    sections = {}
    for user in users:
        mine = [
            t for t in threads if t.space_id in by_user.get(user.pk, ()) and t.author_id != user.pk
        ]
        if not mine:
            continue
        with translation.override(user.language or settings.LANGUAGE_CODE):
            sections[user.pk] = DigestSection(
                title=_("Active in your spaces"),
                items=[
                    DigestItem(
                        title=thread.title,
                        url=settings.SITE_URL + thread.get_absolute_url(),
                        meta=f"{thread.space.title} · "
                        + ngettext("%(count)s reply", "%(count)s replies", thread.recent)
                        % {"count": thread.recent},
                    )
                    for thread in mine[:MAX_ITEMS]
                ],
            )
    return sections
