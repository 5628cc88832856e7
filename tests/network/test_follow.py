import pytest

from network.digests import current_period, send_digests
from network.models import FollowedTopic
from tests.factories import ApplicantFactory, InnovationFactory, OrganisationFactory, UserFactory
from tests.home import section

pytestmark = pytest.mark.django_db


def follow(client, kind, value):
    return client.post("/follow/", {"kind": kind, "value": value, "next": "/"})


def test_follow_themes_tags_organisations_and_members_then_unfollow(client):
    member = UserFactory()
    author = UserFactory(username="ada-author")
    organisation = OrganisationFactory(slug="volta-tvet")
    client.force_login(member)
    for kind, value in [("theme", "green-skills"), ("tag", "solar"),
                        ("organisation", "volta-tvet"), ("member", "ada-author")]:  # fmt: skip
        assert follow(client, kind, value).status_code == 302
    assert FollowedTopic.objects.filter(user=member).count() == 4
    follow(client, "tag", "solar")
    assert not FollowedTopic.objects.filter(user=member, kind="tag").exists()
    assert organisation and author


@pytest.mark.parametrize(
    "kind, value",
    [("theme", "nonsense"), ("organisation", "nope"), ("member", "nobody"), ("x", "y"),
     ("tag", "nul\x00byte"), ("tag", "t" * 101), ("tag", "")],
)  # fmt: skip
def test_follow_rejects_unknown_things(client, kind, value):
    client.force_login(UserFactory())
    assert follow(client, kind, value).status_code == 404
    assert FollowedTopic.objects.count() == 0


def test_only_members_follow(client):
    client.force_login(ApplicantFactory())
    assert follow(client, "theme", "green-skills").status_code == 404
    client.logout()
    assert follow(client, "theme", "green-skills").status_code == 302  # to sign in
    assert FollowedTopic.objects.count() == 0


def test_what_you_follow_feeds_dashboard_and_digest(client):
    member = UserFactory()
    member.profile.discovery_digest = True
    member.profile.delivery = "never"
    member.profile.save()
    FollowedTopic.objects.create(user=member, kind="theme", value="green-skills")
    InnovationFactory(
        title="Green thing", facets={"theme": ["green-skills"], "region": ["americas"]}
    )
    InnovationFactory(title="Members-only green", visibility="members",
                      facets={"theme": ["green-skills"], "region": ["americas"]})  # fmt: skip
    InnovationFactory(
        title="Unrelated", facets={"theme": ["financing-skills"], "region": ["americas"]}
    )
    client.force_login(member)
    response = client.get("/")
    following = [
        i.title for i in section(response, "innovations:following", "dashboard")["innovations"]
    ]
    assert sorted(following) == ["Green thing", "Members-only green"]
    from django.core import mail

    send_digests(kind="weekly", period=current_period("weekly"), user_ids=[member.pk])
    [email] = mail.outbox
    assert "Green thing" in email.body and "Unrelated" not in email.body
