"""The adoption rules (plans/adoption.py), each at its boundaries."""

from datetime import date

import pytest

from partnerships.models import Council
from plans import adoption
from plans.adoption import StepOutOfOrder, check_step, plan_state, record_step, route_state
from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route
from reminders.models import Deadline

pytestmark = pytest.mark.django_db

Kind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome
AGREED = date(2024, 3, 19)


@pytest.fixture
def council(dorset):
    council = Council.objects.create(name="Dorset Council", slug="dorset-council")
    dorset.councils.add(council)
    return council


def make_plan(partnership, *, kind=Plan.Kind.COMMUNITY_SAFETY_PLAN, title="Community Safety Plan 2023-2026"):
    plan = Plan.objects.create(title=title, kind=kind, lead_partnership=partnership)
    plan.partnerships.add(partnership)
    return plan


def make_version(plan, council, starts_on=date(2023, 4, 1), ends_on=date(2026, 3, 31), partnership=None):
    version = PlanVersion.objects.create(plan=plan, title=plan.title, starts_on=starts_on, ends_on=ends_on)
    Route.objects.create(version=version, partnership=partnership or plan.lead_partnership, council=council)
    return version


@pytest.fixture
def route(dorset, council):
    return make_version(make_plan(dorset), council).routes.get()


def take(route, kind, on, outcome, *conditions, met_on=None):
    step = AdoptionStep.objects.create(route=route, kind=kind, decided_on=on, outcome=outcome)
    for text in conditions:
        Condition.objects.create(step=step, text=text, met_on=met_on)
    return step


def state(route, today=date(2024, 5, 1), adopted_by="full_council"):
    return route_state(route.steps.all(), adopted_by=adopted_by, today=today)


def test_a_route_with_no_steps_waits_for_the_csp(route):
    current = state(route)
    assert current.current_stage == "Not yet agreed by the CSP"
    assert current.next_step == "Agreed by the CSP"
    assert current.next_due_on is None and current.flags == []


def test_after_csp_agreement_the_committee_is_next_within_60_days(route):
    take(route, Kind.AGREED_BY_CSP, AGREED, Outcome.AGREED)
    current = state(route, today=date(2024, 5, 18))
    assert current.current_stage == "Agreed by the CSP: agreed"
    assert current.next_step == "Recommended by the Crime & Disorder Committee"
    assert current.next_due_on == date(2024, 5, 18)
    assert current.flags == [], "due today is not yet late"
    late = state(route, today=date(2024, 5, 19))
    assert [flag.code for flag in late.flags] == ["late_step"]
    assert "was expected by 18 May 2024" in late.flags[0].text


def test_the_clock_starts_when_the_conditions_are_met(route):
    take(
        route,
        Kind.AGREED_BY_CSP,
        AGREED,
        Outcome.AGREED_SUBJECT_TO_CONDITIONS,
        "subject to the EqIA",
        met_on=date(2024, 4, 30),
    )
    current = state(route, today=date(2024, 6, 1))
    assert current.clock_started_on == date(2024, 4, 30)
    assert current.next_due_on == date(2024, 6, 29)
    assert "conditions" not in {flag.code for flag in current.flags}


def test_conditions_not_met_are_flagged(route):
    take(route, Kind.AGREED_BY_CSP, AGREED, Outcome.AGREED_SUBJECT_TO_CONDITIONS, "subject to the EqIA")
    flags = state(route).flags
    assert [flag.text for flag in flags] == ["Conditions outstanding: subject to the EqIA"]
    assert "Equality Act 2010 s149" in flags[0].source


def test_full_council_adoption_ends_the_route(route):
    take(route, Kind.AGREED_BY_CSP, date(2019, 6, 17), Outcome.AGREED)
    take(route, Kind.CRIME_AND_DISORDER_COMMITTEE, date(2019, 10, 24), Outcome.RECOMMENDED)
    take(route, Kind.CABINET, date(2019, 11, 5), Outcome.RECOMMENDED)
    take(route, Kind.FULL_COUNCIL, date(2019, 11, 21), Outcome.ADOPTED)
    current = state(route, today=date(2024, 1, 1))
    assert current.current_stage == "Adopted by Full Council"
    assert current.adopted_on == date(2019, 11, 21)
    assert current.next_step is None and current.flags == []


def test_cabinet_adoption_where_full_council_is_required_is_flagged(route):
    take(route, Kind.CABINET, date(2022, 9, 20), Outcome.ADOPTED)
    current = state(route, today=date(2022, 12, 12))
    assert current.current_stage == "Adopted by Cabinet"
    assert [flag.text for flag in current.flags] == [
        "Adopted by Cabinet only: Full Council adoption required"
    ]
    assert "Sch 3" in current.flags[0].source
    assert current.next_step == "Adopted by Full Council", "Full Council is still to come"


def test_cabinet_adoption_is_enough_where_the_constitution_says_so(route):
    take(route, Kind.AGREED_BY_CSP, date(2022, 7, 1), Outcome.AGREED)
    take(route, Kind.CABINET, date(2022, 9, 20), Outcome.ADOPTED)
    current = state(route, today=date(2022, 12, 12), adopted_by="cabinet")
    assert current.flags == [] and current.adopted_by == Kind.CABINET


def test_a_deferred_step_stalls_the_route_visibly(route):
    take(route, Kind.AGREED_BY_CSP, AGREED, Outcome.AGREED)
    take(route, Kind.CABINET, date(2024, 4, 10), Outcome.DEFERRED)
    current = state(route, today=date(2024, 9, 1))
    assert [flag.code for flag in current.flags] == ["stalled"]
    assert current.flags[0].text == "Stalled: Cabinet deferred it on 10 April 2024"
    assert current.next_step is None


def test_a_step_taken_again_after_deferral_unstalls_the_route(route):
    take(route, Kind.AGREED_BY_CSP, AGREED, Outcome.AGREED)
    take(route, Kind.CABINET, date(2024, 4, 10), Outcome.DEFERRED)
    take(route, Kind.CABINET, date(2024, 5, 8), Outcome.RECOMMENDED)
    current = state(route, today=date(2024, 5, 9))
    assert current.stalled is None
    assert current.next_step == "Adopted by Full Council"


def test_steps_out_of_order_are_refused(route):
    take(route, Kind.AGREED_BY_CSP, AGREED, Outcome.AGREED)
    today = date(2024, 12, 1)
    assert check_step(route.steps.all(), kind=Kind.CABINET, decided_on=date(2024, 3, 18), today=today) == (
        "The date must be on or after 19 March 2024, when the CSP made its decision"
    )
    assert check_step(route.steps.all(), kind=Kind.CABINET, decided_on=AGREED, today=today) is None
    take(route, Kind.FULL_COUNCIL, date(2024, 7, 1), Outcome.ADOPTED)
    assert check_step(route.steps.all(), kind=Kind.CABINET, decided_on=date(2024, 7, 2), today=today) == (
        "The date must be on or before 1 July 2024, when Full Council made its decision"
    )
    assert check_step(route.steps.all(), kind=Kind.CABINET, decided_on=date(2024, 12, 2), today=today) == (
        "The date of the decision must be today or in the past"
    )


def test_record_step_refuses_out_of_order_and_saves_nothing(route, officer):
    take(route, Kind.AGREED_BY_CSP, AGREED, Outcome.AGREED)
    with pytest.raises(StepOutOfOrder):
        record_step(
            route,
            by=officer,
            kind=Kind.FULL_COUNCIL,
            decided_on=date(2024, 1, 1),
            outcome=Outcome.ADOPTED,
            today=date(2024, 12, 1),
        )
    assert route.steps.count() == 1


def test_record_step_audits_and_writes_the_expected_steps_as_deadlines(route, officer):
    step = record_step(
        route,
        by=officer,
        kind=Kind.AGREED_BY_CSP,
        decided_on=AGREED,
        outcome=Outcome.AGREED,
        meeting="Dorset CSP",
        reference="Minute 5",
        today=date(2024, 4, 1),
    )
    assert step.history.get().history_user == officer
    deadlines = {
        d.rule: (d.due_on, d.met_on)
        for d in Deadline.objects.filter(source_id=route.pk, rule__startswith="step-")
    }
    assert deadlines == {
        "step-committee": (date(2024, 5, 18), None),
        "step-cabinet": (date(2024, 6, 17), None),
        "step-full_council": (date(2024, 7, 17), None),
    }
    record_step(
        route,
        by=officer,
        kind=Kind.FULL_COUNCIL,
        decided_on=date(2024, 7, 1),
        outcome=Outcome.ADOPTED,
        today=date(2024, 7, 2),
    )
    assert Deadline.objects.get(source_id=route.pk, rule="step-full_council").met_on == date(2024, 7, 1)


@pytest.mark.parametrize(
    "today, period",
    [
        (date(2023, 3, 31), "not started"),
        (date(2023, 4, 1), "in force"),
        (date(2026, 3, 31), "in force"),
        (date(2026, 4, 1), "expired"),
    ],
)
def test_a_plan_is_in_force_for_its_period_then_expires(route, today, period):
    plan = Plan.objects.for_board().get()
    result = plan_state(plan, today=today)
    assert result.period == period
    assert ("expired" in result.flag_codes) == (period == "expired")


def test_a_plan_with_an_adopted_successor_is_superseded_not_expired(dorset, council, route):
    successor = make_plan(dorset, title="Community Safety Plan 2026-2029")
    new_route = make_version(successor, council, date(2026, 4, 1), date(2029, 3, 31)).routes.get()
    plans = list(Plan.objects.for_board())
    old = next(p for p in plans if p.pk == route.version.plan_id)
    assert plan_state(old, today=date(2026, 5, 1), successors=plans).period == "expired", "not adopted yet"
    take(new_route, Kind.FULL_COUNCIL, date(2026, 3, 20), Outcome.ADOPTED)
    plans = list(Plan.objects.for_board())
    old = next(p for p in plans if p.pk == route.version.plan_id)
    assert plan_state(old, today=date(2026, 5, 1), successors=plans).period == "superseded"


def test_annual_refresh_falls_due_a_year_after_the_version_began(route):
    plan = Plan.objects.for_board().get()
    assert plan_state(plan, today=date(2024, 3, 31)).flag_codes == set()
    due = plan_state(plan, today=date(2024, 4, 1))
    assert due.refresh_due_on == date(2024, 4, 1)
    assert "refresh_due" in due.flag_codes


def test_no_refresh_is_due_in_the_last_year_of_the_plan(dorset, council):
    plan = make_plan(dorset)
    make_version(plan, council, date(2025, 4, 1), date(2026, 3, 31))
    assert adoption.refresh_due_on(plan.kind, plan.versions.get()) is None


def test_substance_misuse_strategies_have_no_annual_refresh_rule(dorset, council):
    plan = make_plan(dorset, kind=Plan.Kind.SUBSTANCE_MISUSE)
    make_version(plan, council)
    assert adoption.refresh_due_on(plan.kind, plan.versions.get()) is None


def test_a_pan_area_version_has_a_route_per_adopting_council(dorset, bcp, council, officer):
    bcp_council = Council.objects.create(name="BCP Council", slug="bcp-council")
    bcp.councils.add(bcp_council)
    plan = make_plan(
        dorset,
        kind=Plan.Kind.REDUCING_REOFFENDING,
        title="Pan-Dorset Reducing Reoffending Strategy 2024-2027",
    )
    plan.partnerships.add(bcp)
    version = adoption.add_version(
        plan,
        by=officer,
        today=date(2024, 3, 1),
        title=plan.title,
        starts_on=date(2024, 4, 1),
        ends_on=date(2027, 3, 31),
    )
    routes = {
        (r.partnership.slug, r.council.slug): r
        for r in version.routes.select_related("partnership", "council")
    }
    assert set(routes) == {("dorset", "dorset-council"), ("bcp", "bcp-council")}
    record_step(
        routes["dorset", "dorset-council"],
        by=officer,
        kind=Kind.AGREED_BY_CSP,
        decided_on=AGREED,
        outcome=Outcome.AGREED,
        today=date(2024, 4, 1),
    )
    full = Plan.objects.for_board().get()
    states = {route.council.slug: st for route, st in plan_state(full, today=date(2024, 4, 1)).routes}
    assert states["dorset-council"].current_stage == "Agreed by the CSP: agreed"
    assert states["bcp-council"].current_stage == "Not yet agreed by the CSP"


def test_each_body_has_its_own_outcomes(route):
    today = date(2024, 12, 1)
    assert check_step([], kind=Kind.FULL_COUNCIL, decided_on=AGREED, today=today, outcome=Outcome.AGREED) == (
        "Full Council can only have these outcomes: adopted, deferred, rejected"
    )
    assert (
        check_step([], kind=Kind.FULL_COUNCIL, decided_on=AGREED, today=today, outcome=Outcome.ADOPTED)
        is None
    )
    assert check_step([], kind=Kind.AGREED_BY_CSP, decided_on=AGREED, today=today, outcome=Outcome.ADOPTED)


def test_a_decision_cannot_be_dated_before_an_earlier_one_of_the_same_body(route):
    take(route, Kind.CABINET, date(2024, 4, 10), Outcome.DEFERRED)
    assert check_step(
        route.steps.all(), kind=Kind.CABINET, decided_on=date(2024, 4, 9), today=date(2024, 12, 1)
    ) == ("The date must be on or after 10 April 2024, when the earlier Cabinet decision was made")
    assert (
        check_step(
            route.steps.all(), kind=Kind.CABINET, decided_on=date(2024, 4, 10), today=date(2024, 12, 1)
        )
        is None
    )


def test_a_skipped_committee_step_is_not_owed_once_cabinet_has_decided(route, officer):
    record_step(
        route, by=officer, kind=Kind.AGREED_BY_CSP, decided_on=AGREED, outcome=Outcome.AGREED, today=AGREED
    )
    record_step(
        route,
        by=officer,
        kind=Kind.CABINET,
        decided_on=date(2024, 5, 1),
        outcome=Outcome.RECOMMENDED,
        today=date(2024, 5, 1),
    )
    owed = {d.rule: d.met_on for d in Deadline.objects.filter(source_id=route.pk, rule__startswith="step-")}
    assert owed == {
        "step-committee": date(2024, 5, 1),
        "step-cabinet": date(2024, 5, 1),
        "step-full_council": None,
    }


def test_a_condition_is_met_once(route, officer):
    step = take(
        route, Kind.AGREED_BY_CSP, AGREED, Outcome.AGREED_SUBJECT_TO_CONDITIONS, "subject to the EqIA"
    )
    condition = step.conditions.get()
    with pytest.raises(StepOutOfOrder, match="on or after 19 March 2024"):
        adoption.mark_condition_met(condition, by=officer, met_on=date(2024, 3, 18), today=date(2024, 6, 1))
    adoption.mark_condition_met(condition, by=officer, met_on=date(2024, 4, 30), today=date(2024, 6, 1))
    with pytest.raises(StepOutOfOrder, match="already met on 30 April 2024"):
        adoption.mark_condition_met(condition, by=officer, met_on=date(2024, 5, 30), today=date(2024, 6, 1))
    condition.refresh_from_db()
    assert condition.met_on == date(2024, 4, 30)


def test_a_council_shared_by_two_partnerships_gets_one_route(dorset, bcp, council, officer):
    bcp.councils.add(council)  # a county council in two district CSPs
    plan = make_plan(dorset)
    plan.partnerships.add(bcp)
    version = adoption.add_version(
        plan,
        by=officer,
        today=date(2024, 3, 1),
        title=plan.title,
        starts_on=date(2024, 4, 1),
        ends_on=date(2027, 3, 31),
    )
    assert version.routes.count() == 1
