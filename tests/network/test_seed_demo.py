import io

import pytest
from django.core.management import call_command

from members.models import Affiliation, Organisation, User
from network.taxonomy import OrganisationType, Region

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(User.objects.order_by("email").values_list("email", "status", "password")),
        list(Organisation.objects.order_by("slug").values_list("slug", "region", "verified")),
        Affiliation.objects.count(),
    )


def test_seed_demo_is_idempotent(demo):
    first = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == first


def test_seed_demo_covers_every_region_and_organisation_type(demo):
    regions = set(Organisation.objects.values_list("region", flat=True))
    assert regions == set(Region.values)
    assert set(Organisation.objects.values_list("type", flat=True)) == set(OrganisationType.values)
    assert User.objects.approved().count() >= 40
    assert User.objects.applicants().count() >= 3


def test_demo_logins_work(client, demo):
    for email in ("member@example.org", "mentor@example.org", "moderator@example.org"):
        response = client.post(
            "/accounts/login/", {"login": email, "password": "skills-network-demo"}
        )
        assert response.status_code == 302, email
        assert response["Location"] == "/"
        client.logout()


def test_unique_slug_avoids_taken_and_reserved_words():
    from members.models import unique_username
    from tests.factories import UserFactory

    UserFactory(username="amina")
    assert unique_username("Amina").startswith("amina-")
    assert unique_username("me").startswith("me-")
    assert unique_username("Zoë Ndiaye") == "zoe-ndiaye"


def test_demo_moderator_holds_every_staff_duty_of_design(demo):
    """DESIGN's moderator approves members, reviews innovations and resources, handles
    reports, runs programmes and manages events: both staff groups."""
    moderator = User.objects.get(email="moderator@example.org")
    for permission in (
        "members.change_user",
        "innovations.change_innovation",
        "resources.change_resource",
        "network.change_report",
        "mentoring.change_programme",
        "events.add_event",
        "events.change_event",
    ):
        assert moderator.has_perm(permission), permission
    assert not moderator.is_superuser
