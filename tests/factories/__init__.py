"""factory_boy factories for the project's models."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

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
    is_staff = True

    @factory.post_generation
    def moderator(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get_or_create(name="Moderators")[0])


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    type = "tvet"
    country = "KE"


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "Trainer"
