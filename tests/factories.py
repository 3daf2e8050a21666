import datetime

import factory
from django.contrib.auth import get_user_model

from duties.models import Duty, RegisterEntry
from partnerships.models import Council, Membership, Organisation, Partnership, Role
from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda person: f"{person.username}@example.org")
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


# Plans: a test sets the partnerships, council and dates its behaviour depends on.


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Community Safety Plan {n}")
    kind = Plan.Kind.COMMUNITY_SAFETY_PLAN
    lead_partnership = factory.SubFactory(PartnershipFactory)

    @factory.post_generation
    def partnerships(self, create, extracted, **kwargs):
        """PlanFactory(partnerships=[dorset, bcp]) for a pan-area plan; the lead by default."""
        if create:
            self.partnerships.set(extracted or [self.lead_partnership])


class PlanVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanVersion

    plan = factory.SubFactory(PlanFactory)
    title = factory.LazyAttribute(lambda version: version.plan.title)
    starts_on = datetime.date(2023, 4, 1)
    ends_on = datetime.date(2026, 3, 31)


class RouteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Route

    version = factory.SubFactory(PlanVersionFactory)
    partnership = factory.LazyAttribute(lambda route: route.version.plan.lead_partnership)
    council = factory.SubFactory(CouncilFactory)


class AdoptionStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdoptionStep

    route = factory.SubFactory(RouteFactory)
    kind = AdoptionStep.Kind.AGREED_BY_CSP
    decided_on = datetime.date(2024, 3, 19)
    outcome = AdoptionStep.Outcome.AGREED


class ConditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Condition

    step = factory.SubFactory(AdoptionStepFactory, outcome=AdoptionStep.Outcome.AGREED_SUBJECT_TO_CONDITIONS)
    text = "subject to the EqIA"


def plan_with_version(*partnerships, kind=Plan.Kind.COMMUNITY_SAFETY_PLAN, title="", starts_on, ends_on):
    """A plan shared by the partnerships given (the first leads) with one version, and a
    route for each council of each partnership, as adoption.add_version makes them."""
    named = {"title": title} if title else {}
    plan = PlanFactory(lead_partnership=partnerships[0], partnerships=partnerships, kind=kind, **named)
    version = PlanVersionFactory(plan=plan, starts_on=starts_on, ends_on=ends_on)
    for partnership in partnerships:
        for council in partnership.councils.all():
            RouteFactory(version=version, partnership=partnership, council=council)
    return version
