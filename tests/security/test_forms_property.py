"""Hostile input through the main forms, posted to the real views (DESIGN.md §7, "Safe input").

Hypothesis draws a valid submission and spoils one to three of its fields with arbitrary text
(control characters, NUL bytes, any non-surrogate code point, whitespace only, empty, very long),
arbitrary choice values and numbers as strings. Whatever it draws, the answer is never a 500:
a submission the rules refuse comes back as the form with a visible error and nothing saved, and
one they accept is saved as typed (trimmed) and redirects to a page that renders.

Each example runs in its own rolled-back transaction (``hypothesis.extra.django.TestCase``), and
on-commit work (emails, notifications) runs too, so what happens after the response is tested.
"""

import html
import operator
import re
from datetime import date

from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django_countries import countries
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from events.models import Registration
from innovations.models import Comment, Innovation, Status
from members.forms import TIMEZONES
from members.models import Message, Profile, User
from network.content import notification_kinds
from network.forms import country_code
from network.taxonomy import SDG, Language, OrganisationType, Seeking, TargetGroup, Theme
from resources.models import Access, Licence, Resource, ResourceType
from resources.uploads import DOCUMENT_TYPES, sanitise_filename
from tests.factories import (
    AffiliationFactory,
    EventFactory,
    InnovationFactory,
    OrganisationFactory,
    UserFactory,
)
from tests.resources import files
from tests.security.xss import PAYLOADS

FORMS = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- strategies ---------------------------------------------------------------------------
ANY_CHARACTER = st.characters(codec="utf-8")  # every code point but surrogates, NUL included
NOT_NUL = ANY_CHARACTER.filter(lambda character: character != "\x00")
HOSTILE_TEXT = st.one_of(
    st.text(ANY_CHARACTER, max_size=60),
    st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), max_size=12),
    st.sampled_from(
        ["", " ", "\t\r\n ", "\x00", "a\x00b", "\u2028", "\ufeff", "\u200b", "\x1f", "\x7f"]
    ),
    st.builds(operator.mul, ANY_CHARACTER, st.integers(100, 12_000)),
    st.sampled_from(PAYLOADS),
)
NUMBERS = st.one_of(
    st.integers().map(str),
    st.floats().map(str),
    st.sampled_from(["-1", "0", "1e309", "99999999999999999999", " 7 ", "0x10", "١٢", "2024.0"]),
)
MAIN = '<main id="main"'


def text(max_length, *, required=True):
    """A ``CharField``: trimmed, no NUL, not empty when required, at most ``max_length``."""

    def check(value):
        cleaned = value.strip()
        if "\x00" in cleaned:
            return False
        return (bool(cleaned) or not required) and len(cleaned) <= max_length

    return st.one_of(HOSTILE_TEXT, st.text(max_size=20).map(lambda s: s + "ok")), check


def choice(values, *, blank=False):
    valid = {str(value) for value in values} | ({""} if blank else set())
    return st.one_of(st.sampled_from(sorted(valid)), HOSTILE_TEXT, NUMBERS), valid.__contains__


def country(*, blank=False):
    """A country typed (network.forms.CountryChoiceField): its code or its name, any case."""
    names = [name for _code, name in countries]
    strategy = st.one_of(
        st.sampled_from(sorted(dict(countries))),
        st.sampled_from(names).map(str.upper),
        HOSTILE_TEXT,
        NUMBERS,
    )
    return strategy, lambda value: bool(country_code(value)) or (blank and not value.strip())


def several(values):
    valid = {str(value) for value in values}
    strategy = st.lists(st.one_of(st.sampled_from(sorted(valid)), HOSTILE_TEXT), max_size=4)
    return strategy, lambda chosen: all(value in valid for value in chosen)


def values_of(model, field):
    return [value for value, _label in model._meta.get_field(field).choices]


def unjudged(strategy=HOSTILE_TEXT):
    """A field whose rules are richer (tags, links, passwords): only consistency is checked."""
    return strategy, lambda value: None


def anything_goes(strategy=HOSTILE_TEXT):
    return strategy, lambda value: True


def spoil(data, rules, draw):
    """Replace one to three fields of the valid ``data`` with hostile values; return what the
    rules say of the result: True (valid), False (refused) or None (not judged here)."""
    fields = draw(st.lists(st.sampled_from(sorted(rules)), min_size=1, max_size=3, unique=True))
    verdicts = []
    for field in fields:
        strategy, check = rules[field]
        data[field] = draw(strategy, label=field)
        verdicts.append(check(data[field]))
    if False in verdicts:
        return False
    return None if None in verdicts else True


class HostileFormCase(TestCase):
    def setup_example(self):
        super().setup_example()
        cache.clear()  # rate limits live in the cache

    def submit(self, path, data, expected):
        """POST ``data``; check the answer against ``expected``; return whether it was saved."""
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(path, data)
        assert response.status_code != 500
        event(f"{response.status_code}, expected {expected}")
        if response.status_code == 302:
            assert expected is not False, f"accepted what the rules refuse: {data!r}"[:2000]
            return response
        page = response.content.decode()
        assert response.status_code in (200, 400), response.status_code
        assert MAIN in page
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', page, re.S)
        assert errors, "refused without saying why"
        assert expected is not True, f"refused valid input: {errors}"[:2000]
        return None

    def assert_renders(self, path):
        response = self.client.get(path)
        assert response.status_code == 200, path
        assert MAIN in response.content.decode()


# --- sign-up and membership application ------------------------------------------------------
class SignupTests(HostileFormCase):
    @classmethod
    def setUpTestData(cls):
        cls.organisation = OrganisationFactory(name="Existing Institute")

    def rules(self):
        organisation = str(self.organisation.pk)
        return {
            "email": unjudged(st.one_of(HOSTILE_TEXT, st.emails())),
            "password1": unjudged(),
            "display_name": text(120),
            "organisation": choice([organisation, ""]),
            "new_organisation_name": text(200, required=False),
            "organisation_type": choice(OrganisationType.values, blank=True),
            "role": text(120),
            "country": country(),
            "motivation": text(1500),
            "website": text(0, required=False),  # the honeypot: any content is refused
        }

    @FORMS
    @given(st.data())
    def test_signup_never_fails_and_refuses_clearly(self, data):
        application = {
            "email": "new.person@example.org",
            "password1": "a-strong-passphrase-42",
            "password2": "a-strong-passphrase-42",
            "display_name": "New Person",
            "organisation": str(self.organisation.pk),
            "new_organisation_name": "",
            "organisation_type": "",
            "role": "Trainer",
            "country": "NG",
            "motivation": "I run a digital skills lab.",
            "website": "",
        }
        expected = spoil(application, self.rules(), data.draw)
        application["password2"] = application["password1"]
        if application["organisation"] == "" and expected is not False:
            named = application["new_organisation_name"].strip()
            expected = None if not named or not application["organisation_type"] else expected
        users = User.objects.count()
        response = self.submit("/accounts/signup/", application, expected)
        if response is None:
            assert User.objects.count() == users
            return
        user = User.objects.get(email__iexact=application["email"].strip())
        assert user.status == User.Status.APPLICANT
        assert user.display_name == application["display_name"].strip()
        assert user.profile.motivation == application["motivation"].strip()
        assert all("\n" not in message.subject for message in mail.outbox)

    def test_a_filled_honeypot_says_why(self):
        """A person whose browser fills in the hidden field sees why nothing happened."""
        response = self.client.post(
            "/accounts/signup/",
            {
                "email": "new.person@example.org",
                "password1": "a-strong-passphrase-42",
                "password2": "a-strong-passphrase-42",
                "display_name": "New Person",
                "organisation": str(self.organisation.pk),
                "role": "Trainer",
                "country": "NG",
                "motivation": "I run a digital skills lab.",
                "website": "https://my.example.org",
            },
        )
        assert response.status_code == 200
        errors = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode())
        assert errors == ["<li>We could not process this sign-up.</li>"]
        assert not User.objects.filter(email="new.person@example.org").exists()


# --- profile and preferences ----------------------------------------------------------------
class ProfileEditTests(HostileFormCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory(display_name="Amina Wanjiru")

    RULES = {
        "profile-display_name": text(120),
        "profile-headline": text(160, required=False),
        "profile-bio": text(5000, required=False),
        "profile-country": country(blank=True),
        "profile-languages": several(Language.values),
        "profile-expertise": unjudged(),
        "profile-interests": unjudged(),
        "profile-links": unjudged(),
        "profile-open_to_mentor": anything_goes(),
        "profile-visibility": choice(values_of(Profile, "visibility")),
        "profile-bio_visibility": choice(["public", "members"]),
        "preferences-language": choice(["en", "fr", "es"]),
        "preferences-timezone": choice(TIMEZONES),
        "preferences-delivery": choice(values_of(Profile, "delivery")),
        "preferences-kinds": several(notification_kinds()),
        "preferences-discovery_digest": anything_goes(),
    }

    @FORMS
    @given(st.data())
    def test_profile_edit_never_fails_and_keeps_what_was_saved(self, data):
        self.client.force_login(self.member)
        form = {
            "profile-display_name": "Amina Wanjiru",
            "profile-headline": "",
            "profile-bio": "",
            "profile-country": "KE",
            "profile-languages": ["en"],
            "profile-expertise": "apprenticeships",
            "profile-interests": "",
            "profile-links": "",
            "profile-open_to_mentor": "",
            "profile-visibility": "members",
            "profile-bio_visibility": "members",
            "profile-organisation_visibility": "members",
            "profile-country_visibility": "members",
            "profile-expertise_visibility": "members",
            "profile-links_visibility": "members",
            "preferences-language": "en",
            "preferences-timezone": "Africa/Nairobi",
            "preferences-delivery": "daily",
            "preferences-kinds": sorted(notification_kinds()),
            "preferences-discovery_digest": "on",
        }
        expected = spoil(form, self.RULES, data.draw)
        response = self.submit("/members/me/edit/", form, expected)
        self.member.refresh_from_db()
        profile = Profile.objects.get(user=self.member)
        if response is None:
            assert self.member.display_name == "Amina Wanjiru"
            return
        assert response["Location"] == "/members/me/edit/"
        assert self.member.display_name == form["profile-display_name"].strip()
        assert profile.headline == form["profile-headline"].strip()
        assert profile.bio == form["profile-bio"].strip()
        self.assert_renders("/members/me/edit/")
        self.assert_renders(f"/members/{self.member.username}/")
        self.assert_renders("/members/")


# --- innovations -----------------------------------------------------------------------------
def innovation_form(organisation):
    return {
        "title": "Solar repair apprenticeships",
        "summary": "Young people learn to repair solar kits.",
        "problem": "",
        "solution": "",
        "evidence": "",
        "stage": "pilot",
        "themes": [Theme.values[0]],
        "sdgs": [],
        "target_groups": [],
        "seeking": [],
        "countries": ["KE"],
        "tags": "solar, repair",
        "organisation": str(organisation.pk),
        "links": "",
        "visibility": "public",
        "action": "save",
    }


def innovation_rules(organisation):
    return {
        "title": text(200),
        "summary": text(300, required=False),
        "problem": text(6000, required=False),
        "solution": text(6000, required=False),
        "evidence": text(6000, required=False),
        "stage": choice(values_of(Innovation, "stage"), blank=True),
        "themes": several(Theme.values),
        "sdgs": several(SDG.values),
        "target_groups": several(TargetGroup.values),
        "seeking": several(Seeking.values),
        "countries": several(dict(countries)),
        "tags": unjudged(),
        "organisation": choice([str(organisation.pk)], blank=True),
        "links": unjudged(),
        "visibility": choice(values_of(Innovation, "visibility"), blank=True),
        "action": anything_goes(),
    }


class InnovationFormTests(HostileFormCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory()
        cls.organisation = AffiliationFactory(user=cls.member).organisation
        # A draft: its team's edits are saved as they are (a published one's wait for review).
        cls.mine = InnovationFactory(
            owner=cls.member, title="Kept title", slug="kept", status="draft"
        )

    @FORMS
    @given(st.data())
    def test_create_never_fails_and_saves_what_was_typed(self, data):
        self.client.force_login(self.member)
        form = innovation_form(self.organisation)
        expected = spoil(form, innovation_rules(self.organisation), data.draw)
        before = Innovation.objects.count()
        response = self.submit("/innovations/new/", form, expected)
        if response is None:
            assert Innovation.objects.count() == before
            return
        created = Innovation.objects.exclude(pk=self.mine.pk).get()
        assert created.title == form["title"].strip()
        assert created.problem == form["problem"].strip()
        self.assert_renders(created.get_absolute_url())
        self.assert_renders("/innovations/mine/")

    @FORMS
    @given(st.data())
    def test_edit_never_fails_and_loses_nothing_on_error(self, data):
        self.client.force_login(self.member)
        form = innovation_form(self.organisation)
        expected = spoil(form, innovation_rules(self.organisation), data.draw)
        response = self.submit("/innovations/kept/edit/", form, expected)
        self.mine.refresh_from_db()
        if response is None:
            assert self.mine.title == "Kept title"
            return
        assert self.mine.title == form["title"].strip()
        self.assert_renders(self.mine.get_absolute_url())

    @FORMS
    @example(title="Solar\x01kits\x0b", summary="Repairs\x1f", tags="")  # broke the Atom feed
    @given(
        title=st.text(NOT_NUL, min_size=1, max_size=60).filter(str.strip),
        summary=st.one_of(st.text(NOT_NUL, max_size=300), st.sampled_from(PAYLOADS)),
        tags=st.text(NOT_NUL, max_size=40),
    )
    def test_published_text_is_served_in_every_format(self, title, summary, tags):
        """Whatever a member saved and a moderator published reaches the feed, the exports,
        search and the showcase without breaking them for everyone."""
        self.client.force_login(self.member)
        form = innovation_form(self.organisation) | {
            "title": title, "summary": summary, "tags": tags,
        }  # fmt: skip
        if self.submit("/innovations/new/", form, None) is None:
            return
        created = Innovation.objects.exclude(pk=self.mine.pk).get()
        Innovation.objects.filter(pk=created.pk).update(status=Status.PUBLISHED)
        self.client.logout()
        for path in ["/innovations/", "/", f"/innovations/{created.slug}/", "/search/?q=a"]:
            self.assert_renders(path)
        for path in [
            "/innovations/feed/",
            "/innovations/export.json",
            "/innovations/export.csv",
            "/sitemap.xml",
        ]:
            response = self.client.get(path)
            assert response.status_code == 200, path
            body = b"".join(response) if response.streaming else response.content
            assert body, path


# --- comments and messages --------------------------------------------------------------------
class CommentAndMessageTests(HostileFormCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory()
        cls.recipient = UserFactory(display_name="Rita Recipient")
        cls.recipient.profile.delivery = "immediate"  # each message in its own email, at once
        cls.recipient.profile.save()
        cls.innovation = InnovationFactory(owner=cls.recipient, slug="commented")

    @FORMS
    @given(body=text(4000)[0])
    def test_comment_never_fails(self, body):
        self.client.force_login(self.member)
        expected = text(4000)[1](body)
        response = self.submit("/innovations/commented/comments/", {"body": body}, expected)
        if response is None:
            assert not Comment.objects.exists()
            return
        comment = Comment.objects.get()
        assert response["Location"] == f"/innovations/commented/#comment-{comment.pk}"
        assert comment.body == body.strip()
        self.assert_renders("/innovations/commented/")
        self.client.force_login(self.recipient)  # the team is notified
        self.assert_renders("/notifications/")

    @FORMS
    @given(subject=text(150)[0], body=text(5000)[0])
    def test_message_never_fails_and_never_breaks_the_email(self, subject, body):
        self.client.force_login(self.member)
        expected = text(150)[1](subject) and text(5000)[1](body)
        path = f"/members/{self.recipient.username}/message/"
        response = self.submit(path, {"subject": subject, "body": body}, expected)
        if response is None:
            assert not Message.objects.exists()
            assert mail.outbox == []
            return
        message = Message.objects.get()
        assert (message.subject, message.body) == (subject.strip(), body.strip())
        (email,) = mail.outbox
        assert email.to == [self.recipient.email]
        assert "\n" not in email.subject and "\r" not in email.subject
        assert email.reply_to == []
        assert self.member.email not in email.body


# --- event registration ---------------------------------------------------------------------
class RegistrationTests(HostileFormCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory()
        cls.event = EventFactory(slug="open-session")

    @FORMS
    @given(
        wants=st.one_of(HOSTILE_TEXT, NUMBERS, st.lists(HOSTILE_TEXT, max_size=3)),
        junk=st.dictionaries(st.text(ANY_CHARACTER, min_size=1, max_size=10), HOSTILE_TEXT,
                             max_size=3),
    )  # fmt: skip
    def test_registration_never_fails_and_registers_once(self, wants, junk):
        self.client.force_login(self.member)
        data = {**junk, "wants_reminders": wants}
        for _attempt in range(2):
            response = self.submit("/events/open-session/register/", data, True)
            assert response["Location"] == "/events/open-session/"
        assert Registration.objects.filter(event=self.event, user=self.member).count() == 1
        self.assert_renders("/events/open-session/")


# --- resource contributions -------------------------------------------------------------------
VALID_FILES = sorted((name, content) for name, (content, _type) in files.VALID.items())
EXTENSIONS = [*DOCUMENT_TYPES, "PDF", "exe", "html", "svg", "pdf.exe", "", "docm"]
UPLOADS = st.one_of(
    # a valid document, under its own name or any name ending in its extension
    st.sampled_from(VALID_FILES),
    st.builds(
        lambda stem, valid: (f"{stem}.{valid[0].rpartition('.')[2]}", valid[1]),
        st.text(ANY_CHARACTER, max_size=40),
        st.sampled_from(VALID_FILES),
    ),
    # anything at all, under any name
    st.tuples(
        st.one_of(
            st.builds(
                "{}.{}".format, st.text(ANY_CHARACTER, max_size=30), st.sampled_from(EXTENSIONS)
            ),
            st.text(ANY_CHARACTER, min_size=1, max_size=300),
        ),
        st.one_of(
            st.binary(max_size=2048),
            st.sampled_from([files.HTML, files.SVG, b"", b"\x00" * 10, b"%PDF-", b"PK\x03\x04"]),
            st.sampled_from([content for _name, content in VALID_FILES]),
        ),
    ),
)
VALID_CONTENT_EXTENSION = {content: name.rpartition(".")[2] for name, content in VALID_FILES}


def readable_name(name):
    """The name the server receives, when the multipart header carries it unchanged."""
    plain = html.unescape(name) == name and name.isprintable()
    return name if plain and not re.search(r'["\\/;]', name) and name.strip() else None


class ContributeTests(HostileFormCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory()
        cls.organisation = AffiliationFactory(user=cls.member).organisation

    def form(self, **overrides):
        return {
            "title": "Apprenticeship toolkit",
            "summary": "",
            "description": "",
            "type": "toolkit",
            "external_url": "",
            "language": "en",
            "themes": [],
            "tags": "",
            "year": "2024",
            "licence": "",
            "organisation": "",
            "access": "public",
            **overrides,
        }

    @FORMS
    @given(UPLOADS)
    def test_any_file_is_judged_not_crashed_on(self, named_content):
        name, content = named_content
        self.client.force_login(self.member)
        received = readable_name(name)
        stored_name = sanitise_filename(received) if received else ""
        extension = stored_name.rpartition(".")[2] if "." in stored_name else None
        if not content:
            expected = False
        elif extension and extension == VALID_CONTENT_EXTENSION.get(content):
            expected = True
        elif received and extension not in DOCUMENT_TYPES:
            expected = False
        else:
            expected = None
        upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
        response = self.submit("/resources/contribute/", self.form(upload=upload), expected)
        if response is None:
            assert not Resource.objects.exists()
            return
        resource = Resource.objects.get()
        if received:
            assert resource.original_filename == sanitise_filename(received)
        with resource.file.open("rb") as stored:
            assert stored.read() == content
        assert resource.file.name.rpartition("/")[2] not in name  # stored under a random name
        self.assert_renders(resource.get_absolute_url())
        self.assert_renders("/resources/mine/")

    @FORMS
    @given(st.data())
    def test_any_metadata_is_judged_not_crashed_on(self, data):
        self.client.force_login(self.member)
        form = self.form(external_url="https://example.org/toolkit.pdf")
        this_year = date.today().year

        def year_check(value):
            if value == "":
                return True
            if re.fullmatch(r"\s*[0-9]+\s*", value):
                return 1919 <= int(value) <= min(2100, this_year + 1)
            return False if not value.strip() else None  # Django reads " " as no number

        rules = {
            "title": text(200),
            "summary": text(300, required=False),
            "description": text(6000, required=False),
            "type": choice(ResourceType.values),
            "language": choice(Language.values),
            "year": (st.one_of(NUMBERS, HOSTILE_TEXT), year_check),
            "licence": choice(Licence.values, blank=True),
            "access": choice(Access.values),
            "organisation": choice([str(self.organisation.pk)], blank=True),
            "themes": several(Theme.values),
            "tags": unjudged(),
            "external_url": unjudged(),
        }
        expected = spoil(form, rules, data.draw)
        response = self.submit("/resources/contribute/", form, expected)
        if response is None:
            assert not Resource.objects.exists()
            return
        resource = Resource.objects.get()
        assert resource.title == form["title"].strip()
        assert resource.description == form["description"].strip()
        self.assert_renders(resource.get_absolute_url())


def test_the_strategies_reach_the_hostile_cases():
    """The corpus of values really holds what the module promises (and the checks judge it)."""
    _strategy, check = text(10)
    assert check("  ok  ") is True
    assert check("\x00") is False
    assert check(" \t\n ") is False
    assert check("x" * 11) is False
    assert choice(["a"], blank=True)[1]("") is True
    assert choice(["a"])[1](" a") is False
    assert readable_name('a"b.pdf') is None
    assert readable_name("guide.pdf") == "guide.pdf"
