"""factory_boy factories for the project's models."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.utils import timezone

from members.models import Affiliation, Organisation, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.Sequence(lambda n: f"person-{n}")
    display_name = factory.Faker("name")
    status = User.Status.APPROVED
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class ApplicantFactory(UserFactory):
    status = User.Status.APPLICANT


class StaffFactory(UserFactory):
    """A moderator with a second factor (TOTP): signed in by a test client, the session has
    passed it, as a sign-in through allauth would (tests/conftest.py). ``two_factor=False``
    for staff without one, whose sessions hold no staff power."""

    is_staff = True

    @factory.post_generation
    def moderator(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get_or_create(name="Moderators")[0])

    @factory.post_generation
    def two_factor(self, create, extracted, **kwargs):
        if create and extracted is not False:
            Authenticator.objects.get_or_create(
                user=self, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "x"}}
            )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    type = "tvet"
    country = "KE"


class JoinInvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation to join the network (members.Invitation)."""

    class Meta:
        model = "members.Invitation"

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    name = factory.Faker("name")
    language = "en"
    expires_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=14))


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "Trainer"


class InnovationFactory(factory.django.DjangoModelFactory):
    """A published, public innovation with a theme and a country unless told otherwise."""

    class Meta:
        model = "innovations.Innovation"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Innovation {n}")
    slug = factory.Sequence(lambda n: f"innovation-{n}")
    summary = "Short summary of what works."
    problem = "Young people lack practical skills."
    solution = "Training in workshops with employers."
    stage = "pilot"
    owner = factory.SubFactory(UserFactory)
    status = "published"
    visibility = "public"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def facets(self, create, extracted, **kwargs):
        if not create:
            return
        from innovations.models import InnovationFacet

        values = (
            extracted
            if extracted is not None
            else {"theme": ["digital-skills"], "country": ["KE"], "region": ["africa"]}
        )
        InnovationFacet.objects.bulk_create(
            [
                InnovationFacet(innovation=self, kind=k, value=v)
                for k, vs in values.items()
                for v in vs
            ]
        )


def _resource_pdf() -> bytes:
    from resources.demo import minimal_pdf

    return minimal_pdf("Test guide", ["A line of text."])


class ResourceFactory(factory.django.DjangoModelFactory):
    """A published, public resource with a small PDF and a theme unless told otherwise.

    ``ResourceFactory(link="https://...")`` makes an external-link resource instead.
    Tests that create resources with files set ``settings.MEDIA_ROOT`` to a temporary folder.
    """

    class Meta:
        model = "resources.Resource"
        skip_postgeneration_save = True

    class Params:
        link = ""

    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "A guide that helped us."
    type = "guide"
    language = "en"
    publisher_type = "ilo"
    year = 2024
    access = "public"
    status = "published"
    published_at = factory.LazyFunction(timezone.now)
    external_url = factory.SelfAttribute("link")
    original_filename = factory.Maybe("link", "", "guide.pdf")
    content_type = factory.Maybe("link", "", "application/pdf")
    file_size = factory.Maybe("link", None, len(_resource_pdf()))
    file = factory.Maybe(
        "link", "", factory.django.FileField(data=_resource_pdf(), filename="guide.pdf")
    )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if not create:
            return
        from resources.models import ResourceTheme

        for theme in ["digital-skills"] if extracted is None else extracted:
            ResourceTheme.objects.create(resource=self, theme=theme)


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "resources.Collection"

    title = factory.Sequence(lambda n: f"Collection {n}")
    slug = factory.Sequence(lambda n: f"collection-{n}")
    description = "Resources we read first."
    published = True


class CollectionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "resources.CollectionItem"

    collection = factory.SubFactory(CollectionFactory)
    resource = factory.SubFactory(ResourceFactory)
    position = factory.Sequence(lambda n: n)


class UsefulMarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "resources.UsefulMark"

    resource = factory.SubFactory(ResourceFactory)
    member = factory.SubFactory(UserFactory)
    note = "We used it in our workshop."


# --- mentoring ------------------------------------------------------------------------------
class MentorProfileFactory(factory.django.DjangoModelFactory):
    """An available mentor (capacity 2) who mentors in English about apprenticeships, unless
    told otherwise: ``MentorProfileFactory(languages=["fr"], themes=[...], expertise=[...])``."""

    class Meta:
        model = "mentoring.MentorProfile"
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    bio = "I help TVET institutions set up apprenticeships."
    capacity = 2
    availability = "available"

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if create:
            _mentor_facets(self, "language", ["en"] if extracted is None else extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create:
            _mentor_facets(self, "theme", extracted or [])

    @factory.post_generation
    def formats(self, create, extracted, **kwargs):
        if create:
            _mentor_facets(self, "format", ["video"] if extracted is None else extracted)

    @factory.post_generation
    def expertise(self, create, extracted, **kwargs):
        if create:
            self.expertise.set(["apprenticeships"] if extracted is None else extracted)


def _mentor_facets(mentor, kind, values):
    from mentoring.models import MentorFacet

    MentorFacet.objects.bulk_create(
        [MentorFacet(mentor=mentor, kind=kind, value=value) for value in values]
    )


class MentoringRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "mentoring.MentoringRequest"

    mentee = factory.SubFactory(UserFactory)
    mentor = factory.SubFactory(UserFactory)
    goals = "Set up an apprenticeship scheme with local employers."
    duration_months = 3
    language = "en"
    status = "pending"
    created_at = factory.LazyFunction(timezone.now)


class MentorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "mentoring.Mentorship"

    mentor = factory.SubFactory(UserFactory)
    mentee = factory.SubFactory(UserFactory)
    goals = "Set up an apprenticeship scheme."
    language = "en"
    status = "active"
    started_at = factory.LazyFunction(timezone.now)


def _days(count):
    from datetime import timedelta

    return timedelta(days=count)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    """A programme whose application window is open now."""

    class Meta:
        model = "mentoring.Programme"

    title = factory.Sequence(lambda n: f"Mentoring cohort {n}")
    slug = factory.Sequence(lambda n: f"mentoring-cohort-{n}")
    description = "Six months of peer mentoring for TVET innovators."
    application_opens = factory.LazyFunction(lambda: timezone.now() - _days(5))
    application_closes = factory.LazyFunction(lambda: timezone.now() + _days(5))
    duration_months = 3


class ProgrammeApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "mentoring.ProgrammeApplication"

    programme = factory.SubFactory(ProgrammeFactory)
    user = factory.SubFactory(UserFactory)
    role = "mentee"
    goals = "Learn to run a work-based learning programme."
    capacity = 1


# --- events -------------------------------------------------------------------------------
class EventFactory(factory.django.DjangoModelFactory):
    """A published, public online session a week from now, in Nairobi, with no seat limit."""

    class Meta:
        model = "events.Event"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    type = "session"
    scope = "global"
    summary = "What works, from the people who did it."
    description = "A **knowledge-sharing** session."
    starts_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timezone.timedelta(hours=2))
    timezone = "Africa/Nairobi"
    online_url = "https://meet.example.org/secret-room"
    status = "published"
    visibility = "public"
    # A lambda: the class attribute ``timezone`` above hides the module in the class body.
    published_at = factory.LazyFunction(lambda: timezone.now())

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if not create:
            return
        from events.models import EventLanguage

        for code in ["en"] if extracted is None else extracted:
            EventLanguage.objects.create(event=self, code=code)


class EventHostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.EventHost"

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    role = "host"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Registration"

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = "confirmed"
    registered_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=3))
    confirmed_at = factory.SelfAttribute("registered_at")


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Invitation"

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)


class ClinicSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.ClinicSlot"

    event = factory.SubFactory(EventFactory, type="clinic")
    expert = factory.SubFactory(UserFactory)
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timezone.timedelta(minutes=30))


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "spaces.Space"

    kind = "community"
    title = factory.Sequence(lambda n: f"Space {n}")
    slug = factory.Sequence(lambda n: f"space-{n}")
    description = "Where members talk."
    visibility = "public"
    entry = "open"


class SpaceMemberFactory(factory.django.DjangoModelFactory):
    """Someone in a space (``role="moderator"`` for a space moderator)."""

    class Meta:
        model = "spaces.Membership"

    space = factory.SubFactory(SpaceFactory)
    user = factory.SubFactory(UserFactory)
    state = "active"
    joined_at = factory.LazyFunction(timezone.now)


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "spaces.Thread"

    space = factory.SubFactory(SpaceFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")
    body = "What do you think?"


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "spaces.Reply"

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = "I agree."
