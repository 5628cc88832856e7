"""The moderator in the admin: who a member is (email, username), their membership status and
whether the account is active are not form fields for them — the account takeover through an
edited address is closed, and decisions go through the actions, which tell, date and audit.
Every admin save of a member, organisation, innovation, event or resource is audited."""

from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group

from innovations.models import Innovation
from members.models import User
from network.models import AuditEntry
from tests.factories import (
    ApplicantFactory,
    EventFactory,
    InnovationFactory,
    OrganisationFactory,
    ResourceFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    moderator = StaffFactory(moderator=False)
    moderator.groups.set([Group.objects.get(name="Moderators")])
    client.force_login(moderator)
    return moderator


class _FormReader(HTMLParser):
    """What a browser sends back from the page's form: named inputs (checked boxes only),
    selected options and text areas, as they are on the page."""

    def __init__(self):
        super().__init__()
        self.data, self.select, self.textarea = {}, None, None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file", "button"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._add(name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self._add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self._add(name, "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][-1] += data.lstrip("\n")


def change_form(client, url) -> dict:
    """The admin change form as a browser would send it back unchanged."""
    response = client.get(url)
    assert response.status_code == 200
    reader = _FormReader()
    reader.feed(response.content.decode())
    data = {name: values if len(values) > 1 else values[0] for name, values in reader.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_a_moderator_cannot_change_who_a_member_is_nor_their_status(client, moderator):
    member = UserFactory(email="rightful@example.org", username="rightful")
    old_name = member.display_name
    url = f"/admin/members/user/{member.pk}/change/"
    html = client.get(url).content.decode()
    for name in ("email", "username", "status", "is_active"):
        assert f'name="{name}"' not in html, name  # shown, not editable
    data = change_form(client, url) | {
        "email": "attacker@example.org", "username": "attacker", "status": "declined",
        "is_active": "", "display_name": "Renamed by a moderator",
    }  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    member.refresh_from_db()
    assert (member.email, member.username, member.status, member.is_active) == (
        "rightful@example.org", "rightful", "approved", True,
    )  # fmt: skip
    assert member.display_name == "Renamed by a moderator"
    entry = AuditEntry.objects.get(action="admin_changed")
    assert (entry.actor, entry.object_id) == (moderator, str(member.pk))
    assert entry.before == {"display_name": old_name}
    assert entry.after == {"display_name": "Renamed by a moderator"}
    # The password-reset route to a takeover stays with the rightful address.
    client.logout()
    client.post("/accounts/password/reset/", {"email": "attacker@example.org"})
    assert not User.objects.filter(email="attacker@example.org").exists()


def test_an_applicant_is_approved_by_the_action_not_by_a_field(client, moderator):
    applicant = ApplicantFactory()
    url = f"/admin/members/user/{applicant.pk}/change/"
    client.post(url, change_form(client, url) | {"status": "approved"})
    applicant.refresh_from_db()
    assert applicant.status == "applicant"
    client.post("/admin/members/user/", {"action": "approve", "_selected_action": [applicant.pk]})
    applicant.refresh_from_db()
    assert applicant.status == "approved"
    assert AuditEntry.objects.filter(action="application_approved").exists()


def test_an_innovation_is_published_by_the_action_not_by_its_status_field(client, moderator):
    innovation = InnovationFactory(status="submitted", published_at=None)
    url = f"/admin/innovations/innovation/{innovation.pk}/change/"
    assert 'name="status"' not in client.get(url).content.decode()
    client.post(url, change_form(client, url) | {"status": "published"})
    assert Innovation.objects.get(pk=innovation.pk).status == "submitted"


@pytest.mark.parametrize(
    "make, path",
    [
        (OrganisationFactory, "members/organisation"),
        (InnovationFactory, "innovations/innovation"),
        (EventFactory, "events/event"),
        (ResourceFactory, "resources/resource"),
    ],
)
def test_every_admin_save_is_audited_with_before_and_after(client, make, path):
    client.force_login(StaffFactory(is_superuser=True))
    obj = make()
    url = f"/admin/{path}/{obj.pk}/change/"
    data = change_form(client, url)
    field = "name" if "name" in data else "title"
    before = data[field]
    response = client.post(url, data | {field: f"{before} (renamed)"})
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = AuditEntry.objects.get(action="admin_changed", object_id=str(obj.pk))
    assert entry.before[field] == before
    assert entry.after[field] == f"{before} (renamed)"
