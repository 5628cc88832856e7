"""Demo spaces: a chapter per ILO region, thematic communities, a programme cohort and a
private workshop room, with threads (a question answered), replies in three languages, a
mention, and a proposed session.

The content is in ``spaces.yaml`` beside this module. Idempotent: each space is keyed on its
slug and left alone once it exists.
"""

from datetime import timedelta

from django.utils import timezone

from events.models import Event, EventType
from mentoring.models import Programme
from network import demodata
from network.demodata import PERSON, SLUG, choice, optional
from network.taxonomy import Language, Region, Theme
from spaces.models import (
    Entry,
    Kind,
    Membership,
    Reply,
    SessionProposal,
    Space,
    Thread,
    Visibility,
)

SCHEMA = {
    "spaces": [
        {
            "slug": SLUG,
            "kind": choice(Kind),
            optional("region", ""): choice(Region),
            optional("theme", ""): choice(Theme),
            optional("programme", ""): SLUG,
            optional("event", ""): SLUG,
            "language": choice(Language),
            "visibility": choice(Visibility),
            "entry": choice(Entry),
            "title": str,
            "description": str,
            optional("about", ""): str,
            "moderators": [PERSON],
            "members": [PERSON],
            "threads": [
                {
                    "title": str,
                    "author": PERSON,
                    "language": choice(Language),
                    "days_ago": int,
                    "body": str,
                    optional("mode", "discussion"): choice(Thread.Mode),
                    optional("pinned", False): bool,
                    optional("answer", 0): int,
                    "replies": [
                        {"author": PERSON, "body": str, optional("language", ""): choice(Language)}
                    ],
                }
            ],
        }
    ],
    "proposals": [
        {
            "space": SLUG,
            "proposer": PERSON,
            "topic": str,
            "format": choice(EventType),
            "language": choice(Language),
            "days_ahead": int,
            optional("description", ""): str,
        }
    ],
}


def content(*, seen: dict | None = None) -> dict:
    data = demodata.load("spaces", "spaces", SCHEMA, seen=seen)
    slugs = {space["slug"] for space in data["spaces"]}
    for index, proposal in enumerate(data["proposals"]):
        if proposal["space"] not in slugs:
            demodata.fail("spaces", "spaces", f"proposals[{index}].space",
                          f"{proposal['space']!r} is not a space of this file")  # fmt: skip
    return data


def seed(*, log) -> None:
    data = content()
    users = demodata.people()
    now = timezone.now()
    made = 0
    for row in data["spaces"]:
        if Space.objects.filter(slug=row["slug"]).exists():
            continue
        space = Space.objects.create(
            slug=row["slug"], kind=row["kind"], title=row["title"],
            description=row["description"], about=row["about"], language=row["language"],
            region=row["region"], theme=row["theme"], visibility=row["visibility"],
            entry=row["entry"],
            programme=Programme.objects.filter(slug=row["programme"]).first(),
            event=Event.objects.filter(slug=row["event"]).first(),
        )  # fmt: skip
        if space.event_id:
            space.events.add(space.event)
        joined = now - timedelta(days=30)
        for local in row["moderators"]:
            Membership.objects.create(
                space=space, user=users[local], role=Membership.Role.MODERATOR,
                joined_at=joined, following="all",
            )  # fmt: skip
        for local in row["members"]:
            Membership.objects.get_or_create(
                space=space, user=users[local], defaults={"joined_at": joined}
            )
        for thread_row in row["threads"]:
            started = now - timedelta(days=thread_row["days_ago"])
            thread = Thread.objects.create(
                space=space, author=users[thread_row["author"]], title=thread_row["title"],
                body=thread_row["body"], language=thread_row["language"],
                mode=thread_row["mode"], pinned_at=started if thread_row["pinned"] else None,
            )  # fmt: skip
            replies = []
            for offset, reply_row in enumerate(thread_row["replies"], start=1):
                reply = Reply.objects.create(
                    thread=thread, author=users[reply_row["author"]], body=reply_row["body"],
                    language=reply_row["language"] or thread_row["language"],
                )  # fmt: skip
                Reply.objects.filter(pk=reply.pk).update(
                    created_at=started + timedelta(hours=offset)
                )
                replies.append(reply)
            last = started + timedelta(hours=len(replies))
            answer = replies[thread_row["answer"] - 1] if thread_row["answer"] else None
            Thread.objects.filter(pk=thread.pk).update(
                created_at=started, last_activity_at=last, reply_count=len(replies),
                answer=answer,
            )  # fmt: skip
        made += 1
    for row in data["proposals"]:
        space = Space.objects.get(slug=row["space"])
        proposer = users[row["proposer"]]
        if SessionProposal.objects.filter(space=space, topic=row["topic"]).exists():
            continue
        start = (now + timedelta(days=row["days_ahead"])).replace(
            hour=13, minute=0, second=0, microsecond=0
        )
        SessionProposal.objects.create(
            space=space, proposer=proposer, topic=row["topic"], format=row["format"],
            language=row["language"], preferred_start=start, description=row["description"],
            other_dates=start.date().isoformat(),
        )  # fmt: skip
    log(f"spaces: {made} spaces with their threads")
