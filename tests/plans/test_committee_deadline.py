"""The Crime & Disorder Committee's 12-monthly scrutiny (domain.md section 5, R8): one deadline
per council of a partnership's routes, a year after its committee last met on a route."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from partnerships import scale
from partnerships.models import Council, Partnership
from plans.adoption import (
    R8,
    RULE_VERSION,
    committee_deadline_specs,
    record_step,
    write_committee_deadlines,
)
from plans.models import AdoptionStep, Plan, PlanVersion, Route
from reminders.deadlines import DeadlineSpec, write_deadlines
from reminders.models import Deadline
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

Kind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome
TODAY = date(2026, 11, 24)


def council_of(pk=7, name="Dorset Council", committee="Place Scrutiny Committee"):
    return Council(pk=pk, name=name, crime_and_disorder_committee=committee)


@pytest.fixture
def council(dorset):
    council = Council.objects.create(
        name="Dorset Council", slug="dorset-council", crime_and_disorder_committee="Place Scrutiny Committee"
    )
    dorset.councils.add(council)
    return council


def new_route(
    partnership, council, title="Community Safety Plan 2017-2020", kind=Plan.Kind.COMMUNITY_SAFETY_PLAN
):
    plan = Plan.objects.create(title=title, kind=kind, lead_partnership=partnership)
    plan.partnerships.add(partnership)
    version = PlanVersion.objects.create(
        plan=plan, title=title, starts_on=date(2019, 4, 1), ends_on=date(2020, 3, 31)
    )
    return Route.objects.create(version=version, partnership=partnership, council=council)


@pytest.fixture
def route(dorset, council):
    return new_route(dorset, council)


def committee(route, on, by, outcome=Outcome.RECOMMENDED):
    return record_step(
        route,
        by=by,
        kind=Kind.CRIME_AND_DISORDER_COMMITTEE,
        decided_on=on,
        outcome=outcome,
        meeting=route.council.crime_and_disorder_committee,
        today=TODAY,
    )


def committee_rows(partnership):
    return {
        d.rule: d.due_on
        for d in Deadline.objects.filter(
            source_type=ContentType.objects.get_for_model(Partnership),
            source_id=partnership.pk,
            rule__startswith="committee-scrutiny-",
        )
    }


# --- The pure function ---


@pytest.mark.parametrize(
    "met_on, due_on",
    [
        (date(2019, 10, 24), date(2020, 10, 24)),
        (date(2024, 2, 29), date(2025, 2, 28)),  # a leap day falls back to the 28th
        (date(2023, 2, 28), date(2024, 2, 28)),  # not forward to the next leap day
        (date(2023, 3, 1), date(2024, 3, 1)),
        (date(2024, 12, 31), date(2025, 12, 31)),
    ],
)
def test_due_twelve_months_after_the_committee_met(met_on, due_on):
    [spec] = committee_deadline_specs([(council_of(), met_on)])

    assert spec == DeadlineSpec(
        rule="committee-scrutiny-7",
        title="Place Scrutiny Committee (Dorset Council): scrutiny of the partnership due within "
        f"12 months of {met_on:%-d %B %Y}",
        due_on=due_on,
        legal_source=R8,
        rule_version=RULE_VERSION,
    )
    assert R8 == (
        "Crime and Disorder (Overview and Scrutiny) Regulations 2009 (SI 2009/942); Police and Justice Act 2006 s19"
    )


def test_the_latest_meeting_of_each_council_counts_and_each_council_has_its_own_row():
    dorset, bcp = council_of(), council_of(8, "BCP Council", "Overview and Scrutiny Board")
    specs = committee_deadline_specs(
        [
            (dorset, date(2023, 7, 1)),
            (bcp, date(2022, 12, 12)),
            (dorset, date(2024, 7, 23)),
            (dorset, date(2019, 10, 24)),
        ]
    )

    assert [(spec.rule, spec.due_on) for spec in specs] == [
        ("committee-scrutiny-8", date(2023, 12, 12)),
        ("committee-scrutiny-7", date(2025, 7, 23)),
    ]
    assert all(len(spec.rule) <= Deadline._meta.get_field("rule").max_length for spec in specs)


def test_no_meeting_no_deadline_and_an_unnamed_committee_is_called_what_it_is():
    assert committee_deadline_specs([]) == []
    [spec] = committee_deadline_specs([(council_of(committee=""), date(2024, 1, 5))])
    assert spec.title.startswith("Crime & Disorder Committee (Dorset Council): ")


# --- The write path ---


def test_recording_a_committee_step_writes_the_partnerships_deadline(dorset, council, route, officer):
    committee(route, date(2019, 10, 24), officer)

    deadline = Deadline.objects.get(rule=f"committee-scrutiny-{council.pk}")
    assert deadline.source == dorset
    assert deadline.partnership == dorset
    assert deadline.due_on == date(2020, 10, 24)
    assert deadline.title == (
        "Place Scrutiny Committee (Dorset Council): scrutiny of the partnership due within "
        "12 months of 24 October 2019"
    )
    assert deadline.legal_source == R8
    assert deadline.rule_version == RULE_VERSION
    assert deadline.owner is None
    assert deadline.link == dorset.get_absolute_url() == "/partnerships/dorset/"
    assert deadline.met_on is None
    assert not deadline.is_confidential


def test_no_committee_step_no_deadline(dorset, route, officer):
    record_step(
        route,
        by=officer,
        kind=Kind.AGREED_BY_CSP,
        decided_on=date(2019, 6, 17),
        outcome=Outcome.AGREED,
        today=TODAY,
    )
    record_step(
        route,
        by=officer,
        kind=Kind.CABINET,
        decided_on=date(2019, 11, 5),
        outcome=Outcome.RECOMMENDED,
        today=TODAY,
    )
    write_committee_deadlines(dorset)

    assert committee_rows(dorset) == {}
    assert Deadline.objects.filter(rule__startswith="step-").exists()


def test_the_latest_step_on_any_route_wins_whatever_its_outcome(dorset, council, route, officer):
    committee(route, date(2019, 10, 24), officer)
    other = new_route(
        dorset, council, "Reducing Reoffending Strategy 2024-2027", Plan.Kind.REDUCING_REOFFENDING
    )
    committee(other, date(2024, 7, 23), officer, outcome=Outcome.DEFERRED)  # it met, whatever it decided

    assert committee_rows(dorset) == {f"committee-scrutiny-{council.pk}": date(2025, 7, 23)}
    assert Deadline.objects.get(rule__startswith="committee-scrutiny-").title.endswith("23 July 2024")

    committee(route, date(2020, 1, 10), officer)  # an earlier meeting recorded later changes nothing
    assert committee_rows(dorset) == {f"committee-scrutiny-{council.pk}": date(2025, 7, 23)}


def test_two_councils_two_rows_each_on_its_own_partnerships_routes(dorset, bcp, council, route, officer):
    second = Council.objects.create(name="Weymouth Council", slug="weymouth", crime_and_disorder_committee="")
    dorset.councils.add(second)
    bcp_council = Council.objects.create(name="BCP Council", slug="bcp-council")
    committee(route, date(2019, 10, 24), officer)
    committee(
        new_route(dorset, second, "Another plan", Plan.Kind.SUBSTANCE_MISUSE), date(2021, 3, 3), officer
    )
    committee(new_route(bcp, bcp_council, "BCP plan"), date(2022, 12, 12), officer)

    assert committee_rows(dorset) == {
        f"committee-scrutiny-{council.pk}": date(2020, 10, 24),
        f"committee-scrutiny-{second.pk}": date(2022, 3, 3),
    }
    assert committee_rows(bcp) == {f"committee-scrutiny-{bcp_council.pk}": date(2023, 12, 12)}
    assert set(
        Deadline.objects.filter(source_id=bcp.pk, rule__startswith="committee-").values_list(
            "partnership", flat=True
        )
    ) == {bcp.pk}


def test_other_deadlines_of_the_partnership_are_untouched(dorset, council, route, officer):
    # Another writer's rule on the partnership itself, beside the plan's and the route's rows.
    write_deadlines(
        source=dorset,
        partnership=dorset,
        owner=officer,
        link="/elsewhere/",
        specs=[DeadlineSpec("strategic-assessment", "Strategic assessment due", date(2027, 1, 1))],
    )
    record_step(
        route,
        by=officer,
        kind=Kind.AGREED_BY_CSP,
        decided_on=date(2019, 6, 17),
        outcome=Outcome.AGREED,
        today=TODAY,
    )
    step = committee(route, date(2019, 10, 24), officer)
    others = Deadline.objects.exclude(rule__startswith="committee-scrutiny-")
    before = sorted(others.values_list("pk", "rule", "due_on", "title", "owner", "link", "updated_at"))
    assert {"strategic-assessment", "plan-expiry", "step-cabinet"} <= {row[1] for row in before}

    step.delete()
    write_committee_deadlines(dorset)

    assert committee_rows(dorset) == {}
    assert (
        sorted(others.values_list("pk", "rule", "due_on", "title", "owner", "link", "updated_at")) == before
    )


def test_write_deadlines_with_a_prefix_refuses_a_rule_outside_it(dorset):
    with pytest.raises(ValueError, match="committee-scrutiny-"):
        write_deadlines(
            source=dorset,
            partnership=dorset,
            owner=None,
            link="/",
            specs=[DeadlineSpec("plan-expiry", "Wrong writer", date(2027, 1, 1))],
            rules_prefix="committee-scrutiny-",
        )


# --- Corrected or removed in the admin ---


def change_step(client, step, **changes):
    data = {
        "route": step.route_id,
        "kind": step.kind,
        "decided_on": step.decided_on.isoformat(),
        "outcome": step.outcome,
        "meeting": step.meeting,
        "reference": step.reference,
        "recorded_by": step.recorded_by_id or "",
        "conditions-TOTAL_FORMS": "0",
        "conditions-INITIAL_FORMS": "0",
        "conditions-MIN_NUM_FORMS": "0",
        "conditions-MAX_NUM_FORMS": "1000",
        **changes,
    }
    return client.post(reverse("admin:plans_adoptionstep_change", args=[step.pk]), data)


def test_correcting_a_step_in_the_admin_moves_the_deadline(
    client, dorset, council, route, officer, site_admin
):
    step = committee(route, date(2019, 10, 24), officer)
    signed_in(client, site_admin)

    assert change_step(client, step, decided_on="2019-10-31").status_code == 302
    assert committee_rows(dorset) == {f"committee-scrutiny-{council.pk}": date(2020, 10, 31)}
    assert Deadline.objects.get(rule__startswith="committee-").title.endswith("31 October 2019")

    # Not a committee step after all: no meeting, no deadline.
    assert change_step(client, step, decided_on="2019-10-31", kind=Kind.CABINET).status_code == 302
    assert committee_rows(dorset) == {}


def test_moving_a_step_to_another_partnerships_route_moves_its_deadline(
    client, dorset, bcp, council, route, officer, site_admin
):
    step = committee(route, date(2019, 10, 24), officer)
    bcp_route = new_route(bcp, council, "BCP plan")
    signed_in(client, site_admin)

    assert change_step(client, step, route=bcp_route.pk).status_code == 302
    assert committee_rows(dorset) == {}
    assert committee_rows(bcp) == {f"committee-scrutiny-{council.pk}": date(2020, 10, 24)}


def test_removing_a_step_in_the_admin_falls_back_to_the_meeting_before_or_removes_the_row(
    client, dorset, council, route, officer, site_admin
):
    first = committee(route, date(2019, 10, 24), officer)
    latest = committee(route, date(2020, 9, 1), officer)
    signed_in(client, site_admin)

    client.post(reverse("admin:plans_adoptionstep_delete", args=[latest.pk]), {"post": "yes"})
    assert committee_rows(dorset) == {f"committee-scrutiny-{council.pk}": date(2020, 10, 24)}

    client.post(
        reverse("admin:plans_adoptionstep_changelist"),
        {"action": "delete_selected", "_selected_action": [first.pk], "post": "yes"},
    )
    assert not AdoptionStep.objects.exists()
    assert committee_rows(dorset) == {}


def test_the_admin_rewrites_the_plan_deadlines_too(client, dorset, council, route, officer, site_admin):
    agreed = record_step(
        route,
        by=officer,
        kind=Kind.AGREED_BY_CSP,
        decided_on=date(2019, 6, 17),
        outcome=Outcome.AGREED,
        today=TODAY,
    )
    signed_in(client, site_admin)
    before = Deadline.objects.get(source_id=route.pk, rule="step-committee").due_on

    change_step(client, agreed, decided_on="2019-07-17")

    # Agreed a month later, so the committee is expected a month later (R4: 60 days after).
    assert Deadline.objects.get(source_id=route.pk, rule="step-committee").due_on == before + timedelta(
        days=30
    )


# --- The demo and the national-scale generator ---


def test_the_demo_has_dorsets_committee_deadline_and_bcp_none(demo):
    dorset = Partnership.objects.get(slug="dorset")
    bcp = Partnership.objects.get(slug="bcp")
    dorset_council = Council.objects.get(slug="dorset-council")

    # Place Scrutiny met on 24 October 2019; People & Health on 23 July 2024, the latest.
    assert committee_rows(dorset) == {f"committee-scrutiny-{dorset_council.pk}": date(2025, 7, 23)}
    deadline = Deadline.objects.get(source_id=dorset.pk, rule__startswith="committee-scrutiny-")
    assert deadline.title == (
        "People & Health Scrutiny Committee (Dorset Council): scrutiny of the partnership due within "
        "12 months of 23 July 2024"
    )
    # BCP's Cabinet adopted its 2022 strategy without a committee step (its scrutiny board
    # noted the report after Cabinet, which the demo does not record as a step).
    assert committee_rows(bcp) == {}


def test_the_demo_written_twice_is_unchanged(demo):
    rows = set(Deadline.objects.values_list("pk", "rule", "due_on", "updated_at"))
    for partnership in Partnership.objects.all():
        write_committee_deadlines(partnership)
    assert set(Deadline.objects.values_list("pk", "rule", "due_on", "updated_at")) == rows


def all_rows():
    return sorted(
        Deadline.objects.values_list(
            "partnership_id", "title", "due_on", "owner_id", "rule", "rule_version", "legal_source",
            "source_type_id", "source_id", "link", "is_confidential", "met_on",
        ),
        key=repr,
    )  # fmt: skip


def test_the_scale_generator_writes_what_the_write_path_would():
    scale.generate(seed=1, today=TODAY, partnerships=3, users=30)
    generated = all_rows()
    committee_generated = [row for row in generated if row[4].startswith("committee-scrutiny-")]
    assert committee_generated

    for partnership in Partnership.objects.all():
        write_committee_deadlines(partnership)

    assert all_rows() == generated
    # And every generated committee row has one committee step behind it.
    steps = AdoptionStep.objects.filter(kind=Kind.CRIME_AND_DISORDER_COMMITTEE)
    expected = {
        (s.route.partnership_id, f"committee-scrutiny-{s.route.council_id}")
        for s in steps.select_related("route")
    }
    assert {(row[0], row[4]) for row in committee_generated} == expected
