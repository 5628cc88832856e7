"""Demo credentials: the achievements in ``achievements.yaml`` (with their language
versions), then every credential the demo content already earns, issued as the beat's scan
would. Idempotent: an achievement is keyed on its slug, a credential on its member,
achievement and occasion. No notification or email is sent."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from credentials.models import Achievement, AchievementVersion, Credential, Kind
from credentials.services import issue_due
from events.models import EventType
from network import demodata
from network.demodata import SLUG, choice, optional
from network.pdf import FONTS
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


# The network's teal and four companions, one per achievement in turn.
COLOURS = ["#0f766e", "#1d4ed8", "#b45309", "#7e22ce", "#be123c"]


def badge_png(name: str, colour: str) -> bytes:
    """A round badge with the achievement's initials, as staff would upload one."""
    size = 256
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, size - 4, size - 4), fill=colour)
    draw.ellipse((20, 20, size - 20, size - 20), outline="white", width=6)
    initials = "".join(word[0] for word in name.split() if len(word) > 3)[:2].upper() or name[:1]
    font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 84)
    draw.text((size / 2, size / 2), initials, fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def seed(*, log) -> None:
    created = 0
    for index, entry in enumerate(content()["achievements"]):
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
        achievement.image.save(
            f"{entry['slug']}.png",
            ContentFile(badge_png(entry["name"], COLOURS[index % len(COLOURS)])),
            save=True,
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
