"""Demo innovations: a showcase across every stage, theme and ILO region.

The content is in ``innovations.yaml`` beside this module. Idempotent: each innovation is
keyed on the slug of its title and skipped when it exists; its team, comments, endorsements,
follows, updates, interests and adoptions are only added in the run that creates it. Every
date is fixed, so two fresh databases seeded on different days hold the same content. No
notifications or emails are sent.
"""

from datetime import timedelta

from django.utils.text import slugify

from innovations.models import (
    Adoption,
    Comment,
    Endorsement,
    Follow,
    Innovation,
    Interest,
    Status,
    TeamMember,
    Update,
    Visibility,
    VisitorInterest,
    VisitorReply,
)
from innovations.services import innovation_save
from members.demo import approved_locals
from members.models import Affiliation
from network import demodata
from network.demodata import COUNTRY, DAY, MOMENT, PERSON, choice, optional
from network.taxonomy import SDG, Language, Seeking, Stage, TargetGroup, Theme

SCHEMA = {
    "latest": MOMENT,
    "innovations": [
        {
            "title": str,
            "owner": PERSON,
            "status": choice(Status),
            optional("language", Language.ENGLISH.value): choice(Language),
            # The title of the innovation this one is a language version of (listed before it).
            optional("translation_of", ""): str,
            optional("featured", False): bool,
            optional("visibility", Visibility.PUBLIC.value): choice(Visibility),
            "stage": choice(Stage),
            "themes": [choice(Theme)],
            "sdgs": [choice(SDG)],
            "targets": [choice(TargetGroup)],
            "seeking": [choice(Seeking)],
            "countries": [COUNTRY],
            "tags": [str],
            "summary": str,
            "problem": str,
            "solution": str,
            "evidence": str,
            optional("links", ""): str,
            optional("team", []): [{"member": PERSON, "role": str}],
            "created": MOMENT,
            optional("published"): MOMENT,
            optional("submitted"): MOMENT,
            optional("updated"): MOMENT,
            optional("review_note", ""): str,
            optional("comments", []): [
                {"author": PERSON, "at": MOMENT, "body": str, optional("language", ""): str}
            ],
            optional("updates", []): [{"author": PERSON, "at": MOMENT, "title": str, "body": str}],
            optional("endorsements", 0): int,
            optional("follows", 0): int,
            optional("visitor_interests", []): [
                {
                    "name": str,
                    "organisation": str,
                    "email": str,
                    "purpose": choice(Interest.Purpose),
                    "language": choice(Language),
                    "at": MOMENT,
                    "state": choice(VisitorInterest.State),
                    "message": str,
                    optional("replies", []): [
                        {optional("from", ""): str, "at": MOMENT, "body": str}
                    ],
                }
            ],
            optional("interests", []): [
                {
                    "member": PERSON,
                    "purpose": choice(Interest.Purpose),
                    "at": MOMENT,
                    "message": str,
                }
            ],
            optional("adoptions", []): [
                {
                    "organisation": str,
                    "country": COUNTRY,
                    "adopted_on": DAY,
                    "adaptation": str,
                    "status": choice(Adoption.Status),
                    "proposed_by": PERSON,
                }
            ],
        }
    ],
}


def content(*, seen: dict | None = None) -> dict:
    """The innovations' demo content, read and checked."""
    return demodata.load("innovations", "innovations", SCHEMA, seen=seen)


def slug_of(title: str) -> str:
    """The slug a demo innovation is keyed on, which other apps' demo data name it by."""
    return slugify(title)[:195].strip("-")


def _pick(pool: list[str], *, start: int, count: int, exclude: set[str]) -> list[str]:
    """``count`` people from ``pool``, walked with a fixed stride: varied but stable."""
    picked = []
    for step in range(len(pool)):
        local = pool[(start + 5 * step) % len(pool)]
        if local not in exclude and local not in picked:
            picked.append(local)
        if len(picked) == count:
            break
    return picked


def _create(entry: dict, owner, slug: str) -> Innovation:
    affiliation = Affiliation.objects.filter(user=owner).select_related("organisation").first()
    innovation = innovation_save(
        innovation=None,
        editor=owner,
        fields={
            "title": entry["title"],
            "language": entry["language"],
            "summary": entry["summary"],
            "problem": entry["problem"],
            "solution": entry["solution"],
            "evidence": entry["evidence"],
            "stage": entry["stage"],
            "links": entry["links"],
            "visibility": entry["visibility"],
            "organisation": affiliation.organisation if affiliation else None,
        },
        facets={
            "themes": entry["themes"],
            "sdgs": entry["sdgs"],
            "target_groups": entry["targets"],
            "seeking": entry["seeking"],
            "countries": entry["countries"],
        },
        tags=entry["tags"],
    )
    created, published = entry["created"], entry["published"]
    activity = [update["at"] for update in entry["updates"]]
    updated = max([created, *([published] if published else []), *activity])
    Innovation.objects.filter(pk=innovation.pk).update(
        slug=slug,
        status=entry["status"],
        featured=entry["featured"],
        review_note=entry["review_note"],
        created_at=created,
        updated_at=entry["updated"] or updated,
        submitted_at=entry["submitted"] or published,
        published_at=published,
        translation_of=Innovation.objects.filter(slug=slug_of(entry["translation_of"])).first()
        if entry["translation_of"]
        else None,
    )
    innovation.refresh_from_db()
    return innovation


def _activity(innovation, entry: dict, index: int, users: dict, pool: list[str], latest):
    """Comments, endorsements, follows, updates, interests and adoptions: fixed dates."""
    published = innovation.published_at
    team = {entry["owner"]} | {row["member"] for row in entry["team"]}
    for row in entry["comments"]:
        author = users.get(row["author"])
        if author is not None:
            comment = Comment.objects.create(
                innovation=innovation, author=author, body=row["body"],
                language=row["language"] or entry["language"],
            )  # fmt: skip
            Comment.objects.filter(pk=comment.pk).update(created_at=row["at"])
    for row in entry["updates"]:
        author = users.get(row["author"])
        if author is not None:
            update = Update.objects.create(
                innovation=innovation, author=author, title=row["title"], body=row["body"]
            )
            Update.objects.filter(pk=update.pk).update(created_at=row["at"])
    endorsers = _pick(pool, start=index * 7, count=entry["endorsements"], exclude=team)
    for step, local in enumerate(endorsers):
        endorsement, created = Endorsement.objects.get_or_create(
            innovation=innovation, user=users[local]
        )
        if created:
            when = min(published + timedelta(days=2 + 4 * step, hours=step % 9), latest)
            Endorsement.objects.filter(pk=endorsement.pk).update(created_at=when)
    commenters = [row["author"] for row in entry["comments"]]
    followers = [local for local in dict.fromkeys(commenters) if local not in team]
    followers += _pick(
        pool, start=index * 7 + 3, count=entry["follows"], exclude=team | set(followers)
    )
    for step, local in enumerate(followers):
        if local not in users:
            continue
        follow, created = Follow.objects.get_or_create(innovation=innovation, user=users[local])
        if created:
            when = min(published + timedelta(days=1 + 3 * step, hours=step % 7), latest)
            Follow.objects.filter(pk=follow.pk).update(created_at=when)
    for row in entry["interests"]:
        user = users.get(row["member"])
        if user is not None:
            interest = Interest.objects.create(
                innovation=innovation, user=user, purpose=row["purpose"], message=row["message"]
            )
            Interest.objects.filter(pk=interest.pk).update(created_at=row["at"])
    for row in entry["visitor_interests"]:
        visit = VisitorInterest.objects.create(
            innovation=innovation, name=row["name"], organisation=row["organisation"],
            email=row["email"], purpose=row["purpose"], language=row["language"],
            message=row["message"], state=row["state"], confirmed_at=row["at"],
            decided_at=row["at"] if row["state"] == VisitorInterest.State.SENT else None,
        )  # fmt: skip
        VisitorInterest.objects.filter(pk=visit.pk).update(created_at=row["at"])
        for reply in row["replies"]:
            answer = VisitorReply.objects.create(
                interest=visit, author=users.get(reply["from"]), body=reply["body"]
            )
            VisitorReply.objects.filter(pk=answer.pk).update(created_at=reply["at"])
    for row in entry["adoptions"]:
        adoption = Adoption.objects.create(
            innovation=innovation,
            organisation_name=row["organisation"],
            country=row["country"],
            adopted_on=row["adopted_on"],
            adaptation=row["adaptation"],
            proposed_by=users.get(row["proposed_by"]),
            status=row["status"],
        )
        Adoption.objects.filter(pk=adoption.pk).update(created_at=demodata.at(row["adopted_on"]))


def seed(*, log) -> None:
    data = content()
    users = demodata.people()
    # Approved demo members, in a fixed order: who endorses and follows what.
    pool = [local for local in approved_locals() if local in users and users[local].is_member]
    for index, entry in enumerate(data["innovations"]):
        slug = slug_of(entry["title"])
        owner = users.get(entry["owner"])
        if owner is None or Innovation.objects.filter(slug=slug).exists():
            continue
        innovation = _create(entry, owner, slug)
        for row in entry["team"]:
            member = users.get(row["member"])
            if member is not None:
                team_member, created = TeamMember.objects.get_or_create(
                    innovation=innovation, user=member, defaults={"role": row["role"]}
                )
                if created:
                    TeamMember.objects.filter(pk=team_member.pk).update(
                        added_at=innovation.created_at
                    )
        if innovation.status == Status.PUBLISHED:
            _activity(innovation, entry, index, users, pool, data["latest"])

    counts = [(status, Innovation.objects.filter(status=status).count()) for status in Status]
    adoptions = Adoption.objects.all()
    log(
        "Innovations: "
        + ", ".join(f"{count} {status.value}" for status, count in counts if count)
        + f"; adoptions: {adoptions.filter(status=Adoption.Status.CONFIRMED).count()} confirmed, "
        f"{adoptions.filter(status=Adoption.Status.PROPOSED).count()} proposed."
    )
