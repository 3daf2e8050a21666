import factory
from django.contrib.auth import get_user_model

from duties.models import Duty, RegisterEntry
from partnerships.models import Council, Membership, Organisation, Partnership, Role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    password = factory.django.Password("correct horse battery staple")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    name = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.POLICE


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnership {n} CSP")
    slug = factory.Sequence(lambda n: f"partnership-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    standing = Membership.Standing.STATUTORY


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    kind = Role.Kind.OFFICER


class DutyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Duty

    code = factory.Sequence(lambda n: f"test-duty-{n}")
    title = factory.Sequence(lambda n: f"Test duty {n}")
    legal_source = "Crime and Disorder Act 1998 s6"
    cadence = Duty.Cadence.ANNUAL
    what_must_be_done = "Something the law requires"
    order = factory.Sequence(lambda n: 100 + n)


class RegisterEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegisterEntry

    partnership = factory.SubFactory(PartnershipFactory)
    duty = factory.SubFactory(DutyFactory)
