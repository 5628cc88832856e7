"""When each kind of achievement becomes true, read off the lower apps' models.

``due(achievement, ids=None)`` yields an :class:`Occasion` for every member who meets the
achievement's condition (optionally only for the objects ``ids`` of the kind's model): who,
for which occasion (a key unique per event, mentorship, programme or innovation) and a label
for the credential. Titles of what is not public stay out of the label: a credential's page is
public, and a members-only event's or innovation's title is not (DESIGN §4).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from credentials.models import Kind
from events.models import Event, EventHost, Registration
from events.models.choices import Status as EventStatus
from innovations.models import Innovation
from mentoring.models import Mentorship
from network.taxonomy import Stage


@dataclass(frozen=True)
class Occasion:
    member_id: int
    occasion: str
    label: str
    when: datetime | None = None


def _event_label(event, public_ids, template, fallback) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        if event.pk in public_ids:
            return template % {"title": event.title}
        return str(fallback)


def _events(achievement, ids):
    events = Event.objects.filter(status=EventStatus.PUBLISHED)
    if achievement.event_types:
        events = events.filter(type__in=achievement.event_types)
    if ids is not None:
        events = events.filter(pk__in=ids)
    return events


def _attended(achievement, ids) -> Iterator[Occasion]:
    events = _events(achievement, ids)
    public_ids = set(Event.objects.public().filter(pk__in=events).values_list("pk", flat=True))
    # Guests have no account to hold a credential.
    rows = Registration.objects.filter(
        attended=True, event__in=events, user__isnull=False
    ).select_related("event")
    for registration in rows:
        event = registration.event
        yield Occasion(
            registration.user_id,
            f"event:{event.pk}",
            _event_label(
                event, public_ids, _("Attended “%(title)s”"), _("Attended a members' session")
            ),
            event.ends_at,
        )


def _hosted(achievement, ids) -> Iterator[Occasion]:
    events = _events(achievement, ids).filter(ends_at__lte=timezone.now())
    public_ids = set(Event.objects.public().filter(pk__in=events).values_list("pk", flat=True))
    rows = EventHost.objects.filter(
        event__in=events, user__isnull=False, role=EventHost.Role.HOST
    ).select_related("event")
    for host in rows:
        event = host.event
        yield Occasion(
            host.user_id,
            f"event:{event.pk}",
            _event_label(
                event, public_ids, _("Hosted “%(title)s”"), _("Hosted a members' session")
            ),
            event.ends_at,
        )


def _confirmed_mentorships(ids):
    """Completed, and confirmed by both sides: each gave their closing feedback."""
    mentorships = (
        Mentorship.objects.completed()
        .annotate(confirmations=Count("feedback__author", distinct=True))
        .filter(confirmations__gte=2)
    )
    if ids is not None:
        mentorships = mentorships.filter(pk__in=ids)
    return mentorships


def _mentorship(achievement, ids) -> Iterator[Occasion]:
    with translation.override(settings.LANGUAGE_CODE):
        label = {"mentor": _("Mentored a member to the end"), "mentee": _("Completed a mentorship")}
    for mentorship in _confirmed_mentorships(ids):
        yield Occasion(
            mentorship.mentor_id,
            f"mentorship:{mentorship.pk}",
            label["mentor"],
            mentorship.ended_at,
        )
        yield Occasion(
            mentorship.mentee_id,
            f"mentorship:{mentorship.pk}",
            label["mentee"],
            mentorship.ended_at,
        )


def _programme(achievement, ids) -> Iterator[Occasion]:
    with translation.override(settings.LANGUAGE_CODE):
        label = _("Completed a mentoring programme")
    for mentorship in _confirmed_mentorships(ids).filter(programme__isnull=False):
        for member_id in (mentorship.mentor_id, mentorship.mentee_id):
            yield Occasion(
                member_id, f"programme:{mentorship.programme_id}", label, mentorship.ended_at
            )


def stages_from(stage: str) -> list[str]:
    values = list(Stage.values)
    return values[values.index(stage) :] if stage in values else []


def _innovation_stage(achievement, ids) -> Iterator[Occasion]:
    innovations = (
        Innovation.objects.published()
        .filter(stage__in=stages_from(achievement.stage))
        .prefetch_related("team")
    )
    if ids is not None:
        innovations = innovations.filter(pk__in=ids)
    public_ids = set(
        Innovation.objects.public().filter(pk__in=innovations).values_list("pk", flat=True)
    )
    stage = Stage(achievement.stage).label if achievement.stage in Stage.values else ""
    with translation.override(settings.LANGUAGE_CODE):
        for innovation in innovations:
            if innovation.pk in public_ids:
                label = _("“%(title)s” reached the stage %(stage)s") % {
                    "title": innovation.title,
                    "stage": stage,
                }
            else:
                label = _("An innovation reached the stage %(stage)s") % {"stage": stage}
            people = {innovation.owner_id} | {team.user_id for team in innovation.team.all()}
            for member_id in sorted(pk for pk in people if pk):
                yield Occasion(
                    member_id, f"innovation:{innovation.pk}", label, innovation.updated_at
                )


DUE = {
    Kind.ATTENDED: _attended,
    Kind.HOSTED: _hosted,
    Kind.MENTORSHIP: _mentorship,
    Kind.PROGRAMME: _programme,
    Kind.INNOVATION_STAGE: _innovation_stage,
}


def due(achievement, ids=None) -> Iterator[Occasion]:
    finder = DUE.get(achievement.kind)
    if finder is None:
        return iter(())
    return finder(achievement, ids)
