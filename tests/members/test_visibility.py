"""Each profile field's visibility, for visitor, applicant, member, staff and the member."""

import pytest

from tests.factories import AffiliationFactory, ApplicantFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    # field: (how it is stored, what appears on the page)
    "bio": ("bio", "Designs **apprenticeship** schemes", "<strong>apprenticeship</strong>"),
    "country": ("country", "SN", "Senegal"),
    "links": ("links", "https://lab.example.org/work", "https://lab.example.org/work"),
}
ROLES = ["visitor", "applicant", "member", "staff", "self"]
SEES = {
    "public": {"visitor", "applicant", "member", "staff", "self"},
    "members": {"member", "staff", "self"},
    "hidden": {"staff", "self"},
}


@pytest.fixture
def subject():
    user = UserFactory(display_name="Subject Person", email="subject@example.org")
    profile = user.profile
    profile.visibility = "public"
    profile.bio = FIELDS["bio"][1]
    profile.country = "SN"
    profile.links = FIELDS["links"][1]
    profile.save()
    profile.expertise.set(["quality-assurance-tag"])
    AffiliationFactory(user=user, organisation__name="Dakar Training Centre")
    return user


def viewer_for(role, subject):
    return {
        "visitor": None,
        "applicant": ApplicantFactory(),
        "member": UserFactory(),
        "staff": StaffFactory(),
        "self": subject,
    }[role]


@pytest.mark.parametrize("level", ["public", "members", "hidden"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "field, shown",
    [
        ("bio", "<strong>apprenticeship</strong>"),
        ("country", "Senegal"),
        ("links", "https://lab.example.org/work"),
        ("expertise", "quality-assurance-tag"),
        ("organisation", "Dakar Training Centre"),
    ],
)
def test_profile_field_visibility(client, subject, field, shown, level, role):
    setattr(subject.profile, f"{field}_visibility", level)
    subject.profile.save()
    viewer = viewer_for(role, subject)
    if viewer:
        client.force_login(viewer)
    response = client.get(f"/members/{subject.username}/")
    assert response.status_code == 200
    assert (shown in response.content.decode()) == (role in SEES[level])


@pytest.mark.parametrize(
    "level, status_by_role",
    [
        ("public", {"visitor": 200, "applicant": 200, "member": 200, "staff": 200, "self": 200}),
        ("members", {"visitor": 404, "applicant": 404, "member": 200, "staff": 200, "self": 200}),
        ("hidden", {"visitor": 404, "applicant": 404, "member": 200, "staff": 200, "self": 200}),
    ],
)
def test_whole_profile_visibility(client, subject, level, status_by_role):
    subject.profile.visibility = level
    subject.profile.save()
    for role, status in status_by_role.items():
        client.logout()
        viewer = viewer_for(role, subject)
        if viewer:
            client.force_login(viewer)
        assert client.get(f"/members/{subject.username}/").status_code == status, role


@pytest.mark.parametrize(
    "level, listed_for",
    [
        ("public", {"visitor", "applicant", "member", "staff"}),
        ("members", {"member", "staff"}),
        ("hidden", set()),
    ],
)
def test_directory_lists_profiles_by_visibility(client, subject, level, listed_for):
    subject.profile.visibility = level
    subject.profile.save()
    for role in ["visitor", "applicant", "member", "staff"]:
        client.logout()
        viewer = viewer_for(role, subject)
        if viewer:
            client.force_login(viewer)
        html = client.get("/members/").content.decode()
        assert ("Subject Person" in html) == (role in listed_for), role


def test_unapproved_members_have_no_public_profile(client):
    applicant = ApplicantFactory(display_name="Waiting Person")
    applicant.profile.visibility = "public"
    applicant.profile.save()
    assert client.get(f"/members/{applicant.username}/").status_code == 404
    client.force_login(UserFactory())
    assert client.get(f"/members/{applicant.username}/").status_code == 404
    assert "Waiting Person" not in client.get("/members/").content.decode()


def test_directory_filters_cannot_reveal_a_hidden_field(client, subject):
    subject.profile.country_visibility = "hidden"
    subject.profile.organisation_visibility = "hidden"
    subject.profile.expertise_visibility = "hidden"
    subject.profile.save()
    client.force_login(UserFactory())
    for query in (
        "country=SN",
        "region=africa",
        "q=Dakar",
        "q=quality-assurance",
        f"organisation={subject.affiliations.get().organisation.slug}",
    ):
        assert "Subject Person" not in client.get(f"/members/?{query}").content.decode(), query
    html = client.get("/members/").content.decode()
    assert "Senegal (1)" not in html
    assert "quality-assurance-tag" not in html


def test_no_page_shows_another_members_email(client, subject):
    viewer = UserFactory()
    client.force_login(viewer)
    for path in (
        "/members/",
        f"/members/{subject.username}/",
        f"/members/{subject.username}/message/",
        "/organisations/",
        f"/organisations/{subject.affiliations.get().organisation.slug}/",
        "/members/me/export.json",
    ):
        assert "subject@example.org" not in client.get(path).content.decode(), path


def test_organisation_page_lists_only_members_who_show_it(client, subject):
    organisation = subject.affiliations.get().organisation
    subject.profile.organisation_visibility = "members"
    subject.profile.save()
    url = f"/organisations/{organisation.slug}/"
    assert "Subject Person" not in client.get(url).content.decode()
    client.force_login(UserFactory())
    assert "Subject Person" in client.get(url).content.decode()
