"""A Dorset pack built from a small partnership: one council, two duties, a plan awaiting
the committee, and a Domestic Homicide Review whose reference and pseudonym must never
reach the pack."""

from datetime import date

import pytest
from django.utils import timezone

from dhr.models import StageRecord
from duties.models import RegisterEntry
from plans.models import AdoptionStep
from scrutiny import building
from tests.dhr.conftest import TO_IMRS_RECEIVED, make_review
from tests.factories import (
    AdoptionStepFactory,
    CouncilFactory,
    DutyFactory,
    MembershipFactory,
    OrganisationFactory,
    PlanFactory,
    PlanVersionFactory,
    RegisterEntryFactory,
    RouteFactory,
)

Stage = StageRecord.Stage
COVER = {
    "title": "Community Safety Annual Report 2023/24",
    "period_starts_on": date(2023, 4, 1),
    "period_ends_on": date(2024, 3, 31),
    "committee": "People & Health Overview Committee",
    "committee_on": date(2024, 7, 23),
    "cabinet_on": date(2024, 9, 3),
    "full_council_on": date(2024, 10, 17),
    "portfolio_holder": "Cllr G Taylor, Health and Housing",
    "director": "J Price, Executive Director of People - Adults",
    "report_author": "Andy Frost",
    "officer_contact": "Andy Frost, Service Manager for Community Safety",
}
NARRATIVE = {
    "executive_summary": "The committee scrutinises the work of the Dorset CSP.",
    "budget": "The CSP receives no funding.",
    "risk": "Current risk: LOW.",
    "climate": "No adverse effect on the climate.",
    "other_implications": "",
}


@pytest.fixture
def dorset_council(dorset):
    council = CouncilFactory(name="Dorset Council", slug="dorset-council")
    council.crime_and_disorder_committee = "People & Health Scrutiny Committee"
    council.save()
    dorset.councils.add(council)
    return council


@pytest.fixture
def live_data(dorset, dorset_council, dhr_officer):
    MembershipFactory(partnership=dorset, organisation=OrganisationFactory(name="Dorset Police"))
    MembershipFactory(
        partnership=dorset,
        organisation=OrganisationFactory(name="Public Health Dorset"),
        standing="attending",
    )
    for title, narrative in (
        ("Annual strategic assessment", "Completed for 2023/24 and signed off in February."),
        ("Reducing reoffending strategy", "The pan-Dorset strategy runs from 2024 to 2027."),
    ):
        RegisterEntryFactory(
            partnership=dorset,
            duty=DutyFactory(title=title),
            implementation=narrative,
            status=RegisterEntry.Status.ON_TRACK,
        )
    version = PlanVersionFactory(
        plan=PlanFactory(title="Community Safety Plan 2023-2026", lead_partnership=dorset),
        title="Community Safety Plan 2023-2026 (2024-25 refresh)",
        starts_on=date(2024, 4, 1),
        ends_on=date(2026, 3, 31),
    )
    route = RouteFactory(version=version, council=dorset_council)
    AdoptionStepFactory(route=route, kind=AdoptionStep.Kind.AGREED_BY_CSP, decided_on=date(2024, 3, 19))
    make_review(dorset, dhr_officer, "DHR 2023/07", "Adult Zephyr", TO_IMRS_RECEIVED)
    return dorset


def build_now(pack):
    return building.build(pack.pk, today=timezone.localdate())


@pytest.fixture
def draft(live_data, dorset_council, clerk):
    pack = building.start_build(live_data, by=clerk, council=dorset_council, **COVER, **NARRATIVE)
    return build_now(pack)


@pytest.fixture
def issued(draft, clerk):
    return building.issue(draft, by=clerk, expected_revision=draft.revision)
