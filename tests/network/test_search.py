import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from innovations.models import Innovation
from tests.factories import (
    ApplicantFactory,
    EventFactory,
    InnovationFactory,
    InvitationFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def titles(response, key="innovations"):
    for group in response.context["groups"]:
        if group["source"].key == key:
            return [item["title"] for item in group["items"]]
    return []


@pytest.mark.parametrize(
    "query, expected",
    [
        ("école", ["Ecole des metiers"]),
        ("ecole", ["École des métiers"]),
        ("Formación", ["Formacion dual"]),
        ("formacion", ["Formación técnica"]),
    ],
)
def test_accents_do_not_matter(client, query, expected):
    InnovationFactory(title="École des métiers", summary="")
    InnovationFactory(title="Ecole des metiers", summary="")
    InnovationFactory(title="Formación técnica", summary="")
    InnovationFactory(title="Formacion dual", summary="")
    InnovationFactory(title="Unrelated", summary="")
    found = titles(client.get("/search/", {"q": query}))
    assert set(expected) <= set(found)
    assert "Unrelated" not in found


def test_search_groups_types_with_counts_and_filters(client):
    InnovationFactory(
        title="Solar apprenticeships",
        facets={"theme": ["green-skills"], "region": ["africa"], "country": ["KE"]},
    )
    InnovationFactory(
        title="Solar finance",
        facets={"theme": ["financing-skills"], "region": ["americas"], "country": ["CO"]},
    )
    OrganisationFactory(name="Solar Training Institute", country="KE")
    response = client.get("/search/", {"q": "solar"})
    counts = {g["source"].key: g["count"] for g in response.context["groups"]}
    assert {k: counts[k] for k in ("innovations", "organisations", "members", "resources")} == {
        "innovations": 2,
        "organisations": 1,
        "members": 0,
        "resources": 0,
    }
    assert titles(client.get("/search/", {"q": "solar", "region": "africa"})) == [
        "Solar apprenticeships"
    ]
    assert titles(client.get("/search/", {"q": "solar", "theme": "financing-skills"})) == [
        "Solar finance"
    ]
    only = client.get("/search/", {"q": "solar", "type": "organisations"})
    assert titles(only, "organisations") == ["Solar Training Institute"]


def test_snippets_highlight_and_escape(client):
    InnovationFactory(title="Kits", summary="<b>Bold</b> solar kits for schools")
    html = client.get("/search/", {"q": "solar"}).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; <mark>solar</mark> kits" in html


@pytest.mark.parametrize("role", ["visitor", "applicant", "member"])
def test_members_only_and_drafts_never_appear_for_outsiders(client, role):
    InnovationFactory(title="Zebra public", summary="zebra")
    InnovationFactory(title="Zebra members", visibility="members", summary="zebra")
    InnovationFactory(title="Zebra draft", status="draft", published_at=None, summary="zebra")
    hidden = InnovationFactory(title="Zebra hidden", summary="zebra")
    Innovation.objects.filter(pk=hidden.pk).update(hidden_at="2026-01-01T00:00:00Z")
    viewer = {"visitor": None, "applicant": ApplicantFactory(), "member": UserFactory()}[role]
    if viewer:
        client.force_login(viewer)
    response = client.get("/search/", {"q": "zebra"})
    html = response.content.decode()
    expected = {"Zebra public"} | ({"Zebra members"} if role == "member" else set())
    assert set(titles(response)) == expected
    assert response.context["groups"][0]["count"] == len(expected)
    for name in ("Zebra draft", "Zebra hidden") + (() if role == "member" else ("Zebra members",)):
        assert name not in html


def test_member_search_respects_directory_visibility(client):
    public = UserFactory(display_name="Quentin Public")
    public.profile.visibility = "public"
    public.profile.save()
    UserFactory(display_name="Quentin Members")
    ApplicantFactory(display_name="Quentin Applicant")
    assert titles(client.get("/search/", {"q": "quentin"}), "members") == ["Quentin Public"]
    client.force_login(UserFactory())
    assert titles(client.get("/search/", {"q": "quentin"}), "members") == [
        "Quentin Members",
        "Quentin Public",
    ]


@pytest.mark.parametrize("query", ["", "   ", "&&&", "a" * 500, "' OR 1=1 --", "<script>"])
def test_odd_queries_never_fail(client, query):
    assert client.get("/search/", {"q": query, "page": "abc", "region": "XX"}).status_code == 200


@pytest.mark.postgres
def test_search_plan_uses_the_gin_index():
    from innovations.search import search_innovations

    owner = UserFactory()
    # Enough rows that reading the table costs more than the index, as in production.
    Innovation.objects.bulk_create(
        batch_size=5000,
        objs=[
            Innovation(title=f"Training programme {i}", slug=f"haystack-{i}", owner=owner,
                       summary="Apprenticeships and digital skills for young people.",
                       status="published", visibility="public", published_at="2026-01-01T00:00:00Z")
            for i in range(3000)
        ]
    )  # fmt: skip
    InnovationFactory(title="Needle")
    with connection.cursor() as cursor:
        # Fresh GIN entries wait in the index's pending list until a vacuum; merge them (as
        # autovacuum would) so that the planner costs the index as it will be in production.
        cursor.execute("SELECT gin_clean_pending_list('innovation_search_gin')")
        cursor.execute("ANALYZE innovations_innovation")
        queryset = search_innovations(None, "needle")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "innovation_search_gin" in plan, plan
    assert [i.title for i in queryset] == ["Needle"]


@pytest.mark.postgres
def test_search_vector_follows_edits_through_the_trigger():
    from innovations.search import search_innovations

    innovation = InnovationFactory(title="Before")
    Innovation.objects.filter(pk=innovation.pk).update(title="Après")
    assert [i.pk for i in search_innovations(None, "apres")] == [innovation.pk]
    assert list(search_innovations(None, "before")) == []


def test_resources_are_searched_with_their_visibility(client):
    from tests.factories import ResourceFactory

    ResourceFactory(title="Guía de formación dual", access="public")
    ResourceFactory(title="Formacion members guide", access="members")
    ResourceFactory(title="Formacion draft", status="submitted")
    response = client.get("/search/", {"q": "formación", "type": "resources"})
    assert titles(response, "resources") == ["Guía de formación dual"]
    client.force_login(UserFactory())
    response = client.get("/search/", {"q": "formacion", "type": "resources"})
    assert sorted(titles(response, "resources")) == [
        "Formacion members guide",
        "Guía de formación dual",
    ]


@pytest.mark.postgres
def test_member_search_uses_the_trigram_indexes_and_finds_names_and_headlines():
    from django.contrib.auth.models import AnonymousUser

    from members.models import Profile, User
    from members.search import search_members

    # Enough members that folding every name costs more than the index, as in production.
    users = User.objects.bulk_create(
        [User(email=f"m{i}@example.org", username=f"m-{i}", display_name=f"Member {i}",
              status="approved") for i in range(3000)]
    )  # fmt: skip
    Profile.objects.bulk_create([Profile(user=user, visibility="public") for user in users])
    named = UserFactory(display_name="Amélie Ndiaye")
    headlined = UserFactory(display_name="Kofi Mensah")
    for user, headline in [(named, ""), (headlined, "Formateur en soudure, Kumasi")]:
        user.profile.visibility = "public"
        user.profile.headline = headline
        user.profile.save()
    with connection.cursor() as cursor:
        # Merge the fresh GIN entries (as autovacuum would) so the planner costs the indexes
        # as they will be in production.
        cursor.execute("SELECT gin_clean_pending_list('member_name_trgm')")
        cursor.execute("SELECT gin_clean_pending_list('profile_headline_trgm')")
        cursor.execute("ANALYZE members_user; ANALYZE members_profile")
    visitor = AnonymousUser()
    assert [m.pk for m in search_members(visitor, "amelie")] == [named.pk]
    assert [m.pk for m in search_members(visitor, "soudure")] == [headlined.pk]
    sql, params = search_members(visitor, "ndiaye").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "member_name_trgm" in plan and "profile_headline_trgm" in plan, plan


def test_members_share_the_counts_of_a_frequent_word_unless_named_on_a_private_event(client):
    """Six matches in each group: the group shows five and a count. A second member asking
    the same reads the shared counts. A member invited to a matching private event finds
    it and counts it, computed for them alone; the members after them never see it."""
    for index in range(6):
        InnovationFactory(title=f"Apprenticeship toolkit {index}")
        EventFactory(title=f"Apprenticeship clinic {index}")
    invited = InvitationFactory(
        event=EventFactory(title="Apprenticeship clinic for the cohort", visibility="private")
    ).user
    answers = []
    for member in [*UserFactory.create_batch(2), invited, UserFactory()]:
        client.force_login(member)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": "apprenticeship"})
        groups = {g["source"].key: g for g in response.context["groups"]}
        counts = [q["sql"] for q in queries if q["sql"].startswith("SELECT COUNT(*)")]
        answers.append((groups["innovations"]["count"], groups["events"]["count"], counts))
        private_listed = any("cohort" in item["title"] for item in groups["events"]["items"])
        assert private_listed == (member == invited)
    first, second, named, last = answers
    assert [answer[:2] for answer in answers] == [(6, 6), (6, 6), (6, 7), (6, 6)]
    assert any("innovations_innovation" in sql for sql in first[2])
    assert any("events_event" in sql for sql in first[2])
    assert not any("innovations_innovation" in sql or "events_event" in sql for sql in second[2])
    assert any("events_event" in sql for sql in named[2])  # their own
    assert not any("events_event" in sql for sql in last[2])  # shared again, without it
