"""One declaration per content type (network.content): every app of the project declares
itself, and home, search, the sitemap, the moderation dashboard, the insight pages and their
nightly rollup, the digests and seed_demo each include every declared part — shown with a
content type declared here the way a new app would, which none of them knows by name."""

import io

import pytest
from django.apps import apps
from django.contrib.sitemaps import Sitemap
from django.core import mail
from django.core.management import call_command
from django.test import Client

from members.models import User
from network import content
from network.content import ContentApp, Figure, Queue, Section
from network.digests import DigestItem, DigestSection, current_period, send_digests
from network.insights import Insight, Series, Table, monthly
from network.search import SearchSource
from network.tasks import rollup_insights
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SEEDED = []


def seed_probes(*, log):
    SEEDED.append("probes")
    log("Probes: one.")


class ProbeSitemap(Sitemap):
    def items(self):
        return ["/probes/one/"]

    def location(self, item):
        return item


def _links(title):
    return {"title": title, "items": [{"title": "Probe one", "url": "/probes/one/", "meta": ""}]}


PROBE = ContentApp(
    search=[
        SearchSource(
            key="probes",
            label="Probes",
            search=lambda viewer, query, region="", theme="", language="": (
                ["one"] if "probe" in query else []
            ),
            result=lambda item, query: {
                "title": "Probe one",
                "url": "/probes/one/",
                "snippet": "",
                "meta": "",
            },
            order=99,
        )
    ],
    sitemaps={"probes": ProbeSitemap},
    figures=[Figure("probes", "Probes counted", lambda viewer: 4242, order=99)],
    home=[
        Section(
            "probes:latest",
            "components/dashboard_links.html",
            lambda request: _links("Latest probes"),
            order=99,
        )
    ],
    dashboard=[
        Section(
            "probes:mine",
            "components/dashboard_links.html",
            lambda request: _links("My probes"),
            order=99,
        )
    ],
    queues=[Queue("Probes to review", User.objects.all, "date_joined", "/admin/probes/", order=99)],
    digest=[
        lambda users, since: {
            user.pk: DigestSection("Probes this week", [DigestItem("Probe one", "/probes/one/")])
            for user in users
        }
    ],
    insights=[
        Insight(
            "probes-by-kind",
            "Probes",
            "Probes by kind",
            "Every probe, by kind.",
            lambda period: Table(["Kind", "Probes"], [("Round", 7), ("Square", 3)]),
            public=True,
            order=99,
        ),
        Insight(
            "probes-per-month",
            "Probes",
            "Probes per month",
            "Members, as probes.",
            lambda period: monthly("probes-joined", period),
            chart="columns",
            order=99,
        ),
    ],
    series=[Series("probes-joined", User.objects.all, "date_joined")],
    demo="tests.network.test_content_types.seed_probes",
)


@pytest.fixture
def probes(monkeypatch):
    """The probes declared beside the project's own apps."""
    real = content.declared()
    monkeypatch.setattr(content, "declared", lambda: (*real, ("probes", PROBE)))


def test_every_app_of_the_project_declares_itself():
    declared = {label for label, _app in content.declared()}
    assert set(content.project_apps()) == {
        "members", "innovations", "resources", "events", "mentoring", "spaces", "credentials"
    }  # fmt: skip
    assert declared == set(content.project_apps())
    assert content.check_declarations() == []


def test_an_app_that_declares_nothing_fails_the_system_check(monkeypatch):
    monkeypatch.setattr(apps.get_app_config("events"), "content", None)
    errors = content.check_declarations()
    assert [error.id for error in errors] == ["network.E003"]
    assert "events" in errors[0].msg


def test_a_declaration_that_does_not_load_fails_the_system_check(monkeypatch):
    monkeypatch.setattr(apps.get_app_config("events"), "content", "events.content.NOTHING")
    assert {error.id for error in content.check_declarations()} == {"network.E001", "network.E003"}


def test_home_shows_every_declared_figure_and_section(client, probes):
    html = client.get("/").content.decode()
    assert "Probes counted" in html
    assert "4,242" in html
    assert "Latest probes" in html
    assert "My probes" not in html  # the dashboard is for members
    client.force_login(UserFactory())
    html = client.get("/").content.decode()
    assert "My probes" in html
    assert "Latest probes" in html


def test_search_has_a_group_for_every_declared_source(client, probes):
    response = client.get("/search/", {"q": "probe"})
    keys = [group["source"].key for group in response.context["groups"]]
    assert keys == [source.key for source in content.ordered("search")]
    assert keys[-1] == "probes"
    assert "Probe one" in response.content.decode()


def test_sitemap_includes_every_declared_section(client, probes):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/probes/one/" in xml
    for name in ("innovations", "resources", "events"):
        assert name in content.sitemaps()


def test_moderation_dashboard_lists_every_declared_queue(client, probes):
    moderator = StaffFactory()
    client.force_login(moderator)
    rows = client.get("/admin/moderation/").context["queues"]
    labels = [str(row["label"]) for row in rows]
    declared = [str(queue.label) for queue in content.ordered("queues")]
    assert set(declared) <= set(labels)
    assert "Probes to review" in labels
    assert "Open reports" in labels


def test_the_insight_pages_and_the_rollup_include_every_declared_figure(client, probes):
    UserFactory()
    rollup_insights()
    client.force_login(StaffFactory())
    html = client.get("/insights/").content.decode()
    assert '<th scope="row">Round</th><td class="number">7</td>' in html
    assert '<title id="probes-per-month-title">Probes per month</title>' in html
    assert client.get("/insights/probes-by-kind.csv").content.decode().splitlines() == [
        "Kind,Probes", "Round,7", "Square,3",
    ]  # fmt: skip
    public = Client().get("/figures/").content.decode()
    assert '<th scope="row">Square</th><td class="number">fewer than 5</td>' in public
    assert "Probes per month" not in public  # not marked public


def test_weekly_digest_includes_every_declared_section(probes):
    member = UserFactory()
    member.profile.discovery_digest = True
    member.profile.save()
    sent = send_digests(kind="weekly", period=current_period("weekly"), user_ids=[member.pk])
    assert sent == 1
    assert "Probes this week" in mail.outbox[0].body


def test_seed_demo_runs_every_declared_seeder_in_order(monkeypatch, probes):
    order = [label for label, _seed in content.demo_seeders()]
    assert order == [
        "members", "innovations", "resources", "events", "mentoring", "probes", "spaces",
        "credentials"
    ]  # fmt: skip
    declared = content.declared()
    monkeypatch.setattr(content, "declared", lambda: declared[-1:])
    SEEDED.clear()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert SEEDED == ["probes"]
    assert "Probes: one." in out.getvalue()
