"""The demo content's data files: every one is read and fits its schema, every person and
innovation they name exists, and a file that does not fit fails with the file and the key."""

import ast
from datetime import UTC, date, datetime
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from network import demodata
from network.demodata import DemoDataError

DEMO_APPS = ["members", "innovations", "resources", "events", "mentoring", "spaces", "credentials"]


@pytest.fixture(scope="module")
def seen():
    """What every app's demo content names, read once through each app's own schemas."""
    seen = {}
    for app in DEMO_APPS:
        import_module(f"{app}.demo").content(seen=seen)
    return seen


def test_every_demo_data_file_is_read_and_fits_its_schema(seen):
    files = {
        f"{config.label}/demo/{file.name}"
        for config in apps.get_app_configs()
        if Path(config.path).parent == settings.BASE_DIR
        for file in (Path(config.path) / "demo").glob("*.y*ml")
    }
    assert len(files) == 8
    assert seen["file"] == files


def test_demo_data_names_only_people_and_innovations_that_exist(seen):
    members = import_module("members.demo").content()
    people = {row["local"] for row in members["members"] + members["applicants"]}
    people |= {row["email"].split("@")[0] for row in members["logins"]}
    assert seen["person"] <= people, seen["person"] - people
    innovations = import_module("innovations.demo")
    slugs = {innovations.slug_of(row["title"]) for row in innovations.content()["innovations"]}
    assert seen["innovation"] <= slugs, seen["innovation"] - slugs


def test_demo_data_keeps_its_texts_in_three_languages_as_written():
    text = demodata.path("innovations", "innovations").read_text(encoding="utf-8")
    assert "Chantiers-écoles solaires pour jeunes femmes électriciennes" in text
    assert "\\u" not in text and "\\x" not in text
    titles = [row["title"] for row in import_module("innovations.demo").content()["innovations"]]
    assert "Radar de ocupaciones emergentes a partir de vacantes en línea" in titles


def test_demo_data_dates_become_utc_moments():
    data = import_module("innovations.demo").content()
    first = data["innovations"][0]
    assert first["created"] == datetime(2025, 1, 20, 9, 0, tzinfo=UTC)
    assert first["comments"][0]["at"] == datetime(2025, 2, 18, 14, 10, tzinfo=UTC)
    assert first["adoptions"][0]["adopted_on"] == date(2025, 6, 2)
    assert data["latest"] == datetime(2026, 11, 10, 12, 0, tzinfo=UTC)
    assert demodata.at(date(2025, 6, 2)) == datetime(2025, 6, 2, 9, 0, tzinfo=UTC)
    assert demodata.email("amina.wanjiru") == "amina.wanjiru@example.org"


@pytest.fixture
def broken(tmp_path, monkeypatch):
    """Read an app's demo file with one change made to it: ``broken(app, name, old, new)``."""

    def read(app, name, old, new, *, count=1):
        text = demodata.path(app, name).read_text(encoding="utf-8")
        assert old in text
        copy = tmp_path / f"{name}.yaml"
        copy.write_text(text.replace(old, new, count), encoding="utf-8")
        real = demodata.path
        monkeypatch.setattr(
            demodata, "path", lambda *key: copy if key == (app, name) else real(*key)
        )
        return import_module(f"{app}.demo").content()

    return read


@pytest.mark.parametrize(
    ("app", "name", "old", "new", "message"),
    [
        ("innovations", "innovations", "    owner: amina.wanjiru\n", "",
         "innovations/demo/innovations.yaml: innovations[0].owner: missing"),
        ("innovations", "innovations", "status: published", "status: publised",
         "innovations/demo/innovations.yaml: innovations[0].status: 'publised' is not one of "
         "draft, submitted, published"),
        ("innovations", "innovations", "stage: scaled", "stage: scaled-up",
         "innovations[0].stage: 'scaled-up' is not one of idea, prototype"),
        ("innovations", "innovations", "featured: true", "featued: true",
         "innovations[0].featued: unknown key (expected one of: title, owner"),
        ("innovations", "innovations", "at: 2025-02-18 14:10", "at: 2025-02-30 14:10",
         "innovations[0].comments[0].at: '2025-02-30 14:10' is not a moment"),
        ("innovations", "innovations", "sdgs: [4, 8]", "sdgs: [4, 18]",
         "innovations[0].sdgs[1]: 18 is not one of 1, 2"),
        ("innovations", "innovations", "countries: [KE]", "countries: [KEN]",
         "innovations[0].countries[0]: 'KEN' is not a country code"),
        ("innovations", "innovations", "owner: amina.wanjiru", "owner: Amina Wanjiru",
         "innovations[0].owner: 'Amina Wanjiru' is not a person"),
        ("innovations", "innovations", "endorsements: 14", "endorsements: many",
         "innovations[0].endorsements: expected a whole number, found 'many'"),
        ("events", "events", "at: '14:00'", "at: '2 pm'",
         "events/demo/events.yaml: events[0].at: '2 pm' is not a time of day"),
        ("events", "events", "zone: Africa/Nairobi", "zone: Africa/Nairob",
         "events[0].zone: 'Africa/Nairob' is not one of"),
        ("members", "people", "organisation: National Industrial Training Authority",
         "organisation: National Industrial Training Authorty",
         "members/demo/people.yaml: logins[0].organisation: 'National Industrial Training "
         "Authorty' is not one of"),
        ("resources", "resources", "      - rpl-practitioners-guide\n",
         "      - rpl-practitioner-guide\n",
         "resources/demo/resources.yaml: collections[0].resources[2]: 'rpl-practitioner-guide' "
         "is not a resource of this file"),
        ("mentoring", "mentoring", "goals: dual", "goals: duel",
         "mentoring/demo/mentoring.yaml: requests[0].goals: 'duel' is not one of the goals"),
    ],
)  # fmt: skip
def test_demo_data_that_does_not_fit_fails_naming_file_and_key(
    broken, app, name, old, new, message
):
    with pytest.raises(DemoDataError) as error:
        broken(app, name, old, new)
    assert message in str(error.value)


def test_demo_data_that_is_not_yaml_fails_naming_file_and_line(broken):
    with pytest.raises(DemoDataError) as error:
        broken("events", "events", "  - slug: digital-logbooks", "  - slug: [digital-logbooks")
    assert str(error.value).startswith("events/demo/events.yaml: not valid YAML at line ")


def test_demo_data_refuses_a_key_given_twice(broken):
    with pytest.raises(
        DemoDataError,
        match=r"innovations.yaml: not valid YAML at line \d+, column 5: duplicate key 'stage'",
    ):
        broken("innovations", "innovations", "stage: scaled\n", "stage: scaled\n    stage: idea\n")


def test_demo_data_reads_no_and_times_as_text(broken):
    """YAML 1.2's plain scalars: ``NO`` (Norway) stays a country, ``14:00`` a time."""
    data = broken("members", "organisations", "country: KE", "country: NO")
    assert data["organisations"][0]["country"] == "NO"
    data = broken("events", "events", "at: '14:00'", "at: 14:00")
    assert str(data["events"][0]["at"]) == "14:00:00"


def test_missing_demo_data_file_fails_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(demodata, "path", lambda _app, _name: tmp_path / "gone.yaml")
    with pytest.raises(DemoDataError, match=r"^events/demo/events.yaml: cannot be read"):
        import_module("events.demo").content()


def test_the_loader_imports_no_content_app():
    """network's base: Django, third-party libraries and network itself, nothing above."""
    tree = ast.parse(Path(demodata.__file__).read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        for name in (
            [alias.name for alias in node.names] if isinstance(node, ast.Import)
            else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        )
    }  # fmt: skip
    local_apps = {
        config.name.split(".")[0]
        for config in apps.get_app_configs()
        if Path(config.path).parent == settings.BASE_DIR
    }
    assert imported & local_apps <= {"network"}
