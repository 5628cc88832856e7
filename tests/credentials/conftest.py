import pytest

from credentials import keys
from credentials.models import Achievement, Kind


@pytest.fixture(autouse=True)
def signing_key_file(settings, tmp_path):
    """A throw-away key of the test's own, made as a development site makes one (VAR_DIR)."""
    settings.VAR_DIR = tmp_path
    settings.CREDENTIALS_SIGNING_KEY = ""
    settings.CREDENTIALS_SIGNING_KEY_FILE = ""
    settings.CREDENTIALS_RETIRED_KEYS_FILE = ""
    settings.CREDENTIALS_KEY_ID = ""
    keys.forget()
    yield tmp_path / keys.DEV_KEY_NAME
    keys.forget()


def make_achievement(kind, **fields):
    defaults = {
        "slug": f"achievement-{kind}",
        "name": f"Achievement {kind}",
        "description": "Did something worth recognising.",
        "criteria": "Was there and took part.",
        "kind": kind,
    }
    return Achievement.objects.create(**{**defaults, **fields})


@pytest.fixture
def achievements(db):
    return {
        "attended": make_achievement(Kind.ATTENDED, event_types=["training", "session"]),
        "hosted": make_achievement(Kind.HOSTED),
        "mentorship": make_achievement(Kind.MENTORSHIP),
        "programme": make_achievement(Kind.PROGRAMME),
        "innovation": make_achievement(Kind.INNOVATION_STAGE, stage="evaluated"),
    }
