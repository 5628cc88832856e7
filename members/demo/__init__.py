"""Demo members and organisations across the five ILO regions and every organisation type.

The content is in ``organisations.yaml`` and ``people.yaml`` beside this module. Idempotent:
an organisation is keyed on its name and a person on their address; a profile that is
already filled in is left alone (with what people changed in it).
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from members.models import Affiliation, Organisation, SpokenLanguage, User
from network import demodata
from network.demodata import COUNTRY, PERSON, choice, optional, table
from network.taxonomy import Language, OrganisationType

DEMO_PASSWORD = "skills-network-demo"  # noqa: S105 - documented demo login, never in production
# The staff groups the demo moderator is in: review and reports (Moderators), events and
# programmes (Programme and event managers), as DESIGN's moderator does both.
STAFF_GROUPS = ("Moderators", "Programme and event managers")

ORGANISATIONS = {
    "organisations": [
        {
            "name": str,
            "type": choice(OrganisationType),
            "country": COUNTRY,
            optional("website", ""): str,
            "verified": bool,
            "description": str,
        }
    ]
}


def people_schema(organisations: list[str]) -> dict:
    """The schema of ``people.yaml``: each person's organisation is one of ``organisations``."""
    organisation = choice(organisations)
    person = {
        "name": str,
        "local": PERSON,
        "country": COUNTRY,
        "organisation": organisation,
        "role": str,
    }
    login = {
        "email": str,
        "name": str,
        "country": COUNTRY,
        "organisation": organisation,
        "role": str,
        "kind": choice(["member", "moderator", "admin"]),
    }
    applicant = {
        **person,
        "motivation": str,
        optional("question", ""): str,
        optional("answer", ""): str,
    }
    return {
        "logins": [login],
        "members": [person],
        "applicants": [applicant],
        "profiles": {
            "bio": str,
            "expertise": [[str]],
            "languages": table(COUNTRY, [choice(Language)]),
        },
    }


def content(*, seen: dict | None = None) -> dict:
    """The members' demo content, read and checked: organisations, logins, members,
    applicants and how their profiles are filled in."""
    organisations = demodata.load("members", "organisations", ORGANISATIONS, seen=seen)
    names = [row["name"] for row in organisations["organisations"]]
    people = demodata.load("members", "people", people_schema(names), seen=seen)
    return {**organisations, **people}


def approved_locals() -> list[str]:
    """The approved demo members who take part in the other apps' content, in a fixed order:
    the members, then the member logins (``member``, ``mentor``)."""
    data = content()
    return [row["local"] for row in data["members"]] + [
        row["email"].split("@")[0] for row in data["logins"] if row["kind"] == "member"
    ]


def _profile(user, profiles: dict, *, country: str, index: int, role: str) -> None:
    profile = user.profile
    if profile.headline:
        return  # already seeded: leave what is there (and what people changed) alone
    expertise = profiles["expertise"]
    profile.headline = role
    profile.country = country
    profile.bio = profiles["bio"].format(role=role, expertise=expertise[index % len(expertise)][0])
    profile.open_to_mentor = index % 4 == 0
    profile.visibility = "public" if index % 3 == 0 else "members"
    profile.save()
    profile.expertise.set(expertise[index % len(expertise)])
    profile.interests.set(expertise[(index + 3) % len(expertise)][:2])
    for code in profiles["languages"].get(country, ["en"]):
        SpokenLanguage.objects.get_or_create(profile=profile, code=code)


def _application(user, row) -> None:
    """An applicant's motivation, and a moderator's question with its answer where given."""
    profile = user.profile
    if profile.motivation:
        return
    profile.motivation = row["motivation"]
    profile.question, profile.answer = row["question"], row["answer"]
    if row["question"]:
        profile.question_asked_at = user.date_joined
    if row["answer"]:
        profile.answered_at = user.date_joined
    profile.save()


def _user(*, email, name, status, is_staff=False, is_superuser=False):
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            display_name=name,
            status=status,
            is_staff=is_staff,
            is_superuser=is_superuser,
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def seed(*, log) -> None:
    data = content()
    organisations = {}
    for row in data["organisations"]:
        organisation = Organisation.objects.filter(name=row["name"]).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=row["name"],
                type=row["type"],
                country=row["country"],
                website=row["website"],
                verified=row["verified"],
                description=row["description"],
            )
        organisations[row["name"]] = organisation

    staff_groups = [Group.objects.get_or_create(name=name)[0] for name in STAFF_GROUPS]
    for index, row in enumerate(data["logins"]):
        user = _user(
            email=row["email"],
            name=row["name"],
            status=User.Status.APPROVED,
            is_staff=row["kind"] in {"moderator", "admin"},
            is_superuser=row["kind"] == "admin",
        )
        if row["kind"] == "moderator":
            user.groups.add(*staff_groups)
        _profile(user, data["profiles"], country=row["country"], index=index, role=row["role"])
        Affiliation.objects.get_or_create(
            user=user,
            organisation=organisations[row["organisation"]],
            defaults={"role": row["role"]},
        )
    for key, status in (("members", User.Status.APPROVED), ("applicants", User.Status.APPLICANT)):
        for index, row in enumerate(data[key]):
            user = _user(email=demodata.email(row["local"]), name=row["name"], status=status)
            _profile(
                user, data["profiles"], country=row["country"], index=index + 1, role=row["role"]
            )
            Affiliation.objects.get_or_create(
                user=user,
                organisation=organisations[row["organisation"]],
                defaults={"role": row["role"]},
            )
            if key == "applicants":
                _application(user, row)
    log(
        f"Members: {User.objects.approved().count()} approved, "
        f"{User.objects.applicants().count()} applicants, "
        f"{Organisation.objects.count()} organisations."
    )
    log(f"Demo logins (password: {DEMO_PASSWORD}):")
    for row in data["logins"]:
        log(f"  {row['kind']:<10} {row['email']}")
