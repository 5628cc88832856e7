"""Demo credentials: the achievements in ``achievements.yaml`` (with their language
versions), then every credential the demo content already earns, issued as the beat's scan
would. Idempotent: an achievement is keyed on its slug, a credential on its member,
achievement and occasion. No notification or email is sent."""

from credentials.models import Achievement, AchievementVersion, Credential, Kind
from credentials.services import issue_due
from events.models import EventType
from network import demodata
from network.demodata import SLUG, choice, optional
from network.taxonomy import Stage

SCHEMA = {
    "achievements": [
        {
            "slug": SLUG,
            "name": str,
            "kind": choice(Kind),
            optional("event_types", []): [choice(EventType)],
            optional("stage", ""): str,
            "description": str,
            "criteria": str,
            optional("versions", []): [
                {"language": choice(["fr", "es"]), "name": str, "description": str, "criteria": str}
            ],
        }
    ]
}


def content(*, seen: dict | None = None) -> dict:
    return demodata.load("credentials", "achievements", SCHEMA, seen=seen)


def seed(*, log) -> None:
    created = 0
    for entry in content()["achievements"]:
        if Achievement.objects.filter(slug=entry["slug"]).exists():
            continue
        if entry["stage"] and entry["stage"] not in Stage.values:
            demodata.fail("credentials", "achievements", entry["slug"], "unknown stage")
        achievement = Achievement.objects.create(
            slug=entry["slug"],
            name=entry["name"],
            kind=entry["kind"],
            event_types=entry["event_types"],
            stage=entry["stage"],
            description=entry["description"],
            criteria=entry["criteria"],
        )
        AchievementVersion.objects.bulk_create(
            [
                AchievementVersion(achievement=achievement, **version)
                for version in entry["versions"]
            ]
        )
        created += 1
    issued = issue_due(quiet=True)
    log(
        f"Credentials: {Achievement.objects.count()} achievements ({created} new), "
        f"{Credential.objects.count()} credentials ({issued} new)."
    )
