"""The demo plans (plans/demo.py): the seeds' plans, steps and dates, loaded through the write
functions so they have history and deadlines, and loaded only once however often load_demo runs."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from partnerships.models import Council
from plans.adoption import plan_state
from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route
from reminders.models import Deadline

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_for_the_module, db, settings):
    """The demo, loaded once for this module's tests (see tests/conftest.py)."""
    settings.MEDIA_ROOT = demo_for_the_module


Kind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome
# The board is read on a fixed day, so these tests do not drift with the calendar; the demo's
# own dates are the seeds', whatever day it is loaded.
TODAY = date(2026, 11, 24)

PLACE = "Place Scrutiny Committee (Crime & Disorder Committee)"
PEOPLE_AND_HEALTH = "People & Health Overview Committee"
DORSET_2019 = [
    (Kind.CRIME_AND_DISORDER_COMMITTEE, date(2019, 10, 24), Outcome.RECOMMENDED, PLACE),
    (Kind.CABINET, date(2019, 11, 5), Outcome.RECOMMENDED, "Cabinet"),
    (Kind.FULL_COUNCIL, date(2019, 11, 21), Outcome.ADOPTED, "Full Council"),
]
CSP = "Dorset Community Safety Partnership"
MARCH_2024 = (Kind.AGREED_BY_CSP, date(2024, 3, 19), Outcome.AGREED_SUBJECT_TO_CONDITIONS, CSP)
JULY_2024 = (Kind.CRIME_AND_DISORDER_COMMITTEE, date(2024, 7, 23), Outcome.RECOMMENDED, PEOPLE_AND_HEALTH)

# title: (kind, lead, latest version's title, its period, {council slug: steps})
EXPECTED = {
    "Community Safety Plan 2017-2020": (
        Plan.Kind.COMMUNITY_SAFETY_PLAN,
        "dorset",
        "Community Safety Plan 2017-2020 (2019 refresh)",
        (date(2019, 4, 1), date(2020, 3, 31)),
        {"dorset-council": [(Kind.AGREED_BY_CSP, date(2019, 6, 17), Outcome.AGREED, CSP), *DORSET_2019]},
    ),
    "Reducing Reoffending Strategy 2018-2021": (
        Plan.Kind.REDUCING_REOFFENDING,
        "dorset",
        "Reducing Reoffending Strategy 2018-2021 (2019 refresh)",
        (date(2019, 4, 1), date(2021, 3, 31)),
        {"dorset-council": [(Kind.AGREED_BY_CSP, date(2019, 10, 10), Outcome.AGREED, CSP), *DORSET_2019]},
    ),
    "Bournemouth, Poole and Dorset 2016-2020 Alcohol and Drugs Strategy": (
        Plan.Kind.SUBSTANCE_MISUSE,
        "dorset",
        "Bournemouth, Poole and Dorset 2016-2020 Alcohol and Drugs Strategy",
        (date(2016, 6, 1), date(2020, 12, 31)),
        {"dorset-council": DORSET_2019},
    ),
    "Community Safety Plan 2023-2026": (
        Plan.Kind.COMMUNITY_SAFETY_PLAN,
        "dorset",
        "Community Safety Plan 2023-2026 (2024-25 refresh)",
        (date(2024, 4, 1), date(2026, 3, 31)),
        {"dorset-council": [MARCH_2024, JULY_2024]},
    ),
    "Pan-Dorset Reducing Reoffending Strategy 2024-2027": (
        Plan.Kind.REDUCING_REOFFENDING,
        "dorset",
        "Pan-Dorset Reducing Reoffending Strategy 2024-2027",
        (date(2024, 4, 1), date(2027, 3, 31)),
        {"dorset-council": [MARCH_2024, JULY_2024], "bcp-council": []},
    ),
    "Serious Violence Strategy 2024-25": (
        Plan.Kind.SERIOUS_VIOLENCE,
        "dorset",
        "Serious Violence Strategy 2024-25",
        (date(2024, 4, 1), date(2025, 3, 31)),
        {"dorset-council": [(Kind.AGREED_BY_CSP, date(2023, 12, 21), Outcome.AGREED, CSP), JULY_2024]},
    ),
    "BCP Community Safety Strategy 2022-2025": (
        Plan.Kind.COMMUNITY_SAFETY_PLAN,
        "bcp",
        "BCP Community Safety Strategy 2022-2025",
        (date(2022, 4, 1), date(2025, 3, 31)),
        {"bcp-council": [(Kind.CABINET, date(2022, 9, 14), Outcome.ADOPTED, "Cabinet")]},
    ),
}


def board():
    """Every demo plan's state, as the board would work it out, by title."""
    plans = list(Plan.objects.for_board())
    return {
        plan.title: plan_state(
            plan,
            today=TODAY,
            successors=[
                other
                for other in plans
                if other.kind == plan.kind and other.lead_partnership_id == plan.lead_partnership_id
            ],
        )
        for plan in plans
    }


def steps_of(route):
    return [(s.kind, s.decided_on, s.outcome, s.meeting) for s in route.steps.order_by("decided_on", "pk")]


def test_loading_gives_the_seeds_plans_with_their_steps_and_dates(demo):
    assert set(Plan.objects.values_list("title", flat=True)) == set(EXPECTED)
    for title, (kind, lead, latest_title, period, routes) in EXPECTED.items():
        plan = Plan.objects.get(title=title)
        assert (plan.kind, plan.lead_partnership.slug) == (kind, lead), title
        latest = plan.versions.order_by("starts_on").last()
        assert (latest.title, (latest.starts_on, latest.ends_on)) == (latest_title, period)
        assert {route.council.slug: steps_of(route) for route in latest.routes.all()} == routes, title


def test_dorset_2023_plan_was_agreed_subject_to_its_eqia_and_refreshed_for_2024_25(demo):
    plan = Plan.objects.get(title="Community Safety Plan 2023-2026")
    first, refresh = plan.versions.order_by("starts_on")
    assert (first.refresh_year, first.eqia) == ("", PlanVersion.Eqia.IN_PROGRESS)
    (agreed,) = first.routes.get().steps.all()
    assert agreed.outcome == Outcome.AGREED_SUBJECT_TO_CONDITIONS
    assert date(2023, 2, 1) <= agreed.decided_on <= date(2023, 3, 28)  # seed 003 gives no date
    assert [(c.text, c.met_on) for c in agreed.conditions.all()] == [
        ("Subject to any changes required as a result of the Equality Impact Assessment process", None)
    ]

    assert (refresh.refresh_year, refresh.eqia) == ("2024-25", PlanVersion.Eqia.SIGNED_OFF)
    (condition,) = Condition.objects.filter(step__route__version=refresh)
    assert condition.step.decided_on == date(2024, 3, 19)
    assert condition.met_on is not None and date(2024, 3, 19) <= condition.met_on < date(2024, 7, 23)
    assert refresh.eqia_on == condition.met_on


def test_pan_dorset_strategy_has_a_route_for_each_council_and_bcps_is_not_yet_agreed(demo):
    plan = Plan.objects.get(title="Pan-Dorset Reducing Reoffending Strategy 2024-2027")
    assert plan.is_pan_area
    assert set(plan.partnerships.values_list("slug", flat=True)) == {"dorset", "bcp"}
    routes = Route.objects.filter(version__plan=plan)
    assert {(r.partnership.slug, r.council.slug) for r in routes} == {
        ("dorset", "dorset-council"),
        ("bcp", "bcp-council"),
    }

    state = board()[plan.title]
    stages = {route.council.slug: route_state.current_stage for route, route_state in state.routes}
    assert stages == {
        "dorset-council": "Crime & Disorder Committee: recommended",
        "bcp-council": "Not yet agreed by the CSP",
    }


def test_bcps_cabinet_adoption_is_flagged_because_full_council_must_adopt(demo):
    assert Council.objects.get(slug="bcp-council").adopted_by == "full_council"
    state = board()["BCP Community Safety Strategy 2022-2025"]
    (route_state,) = [route_state for _, route_state in state.routes]
    assert route_state.current_stage == "Adopted by Cabinet"
    assert "cabinet_only" in state.flag_codes
    assert "Adopted by Cabinet only: Full Council adoption required" in [flag.text for flag in state.flags]


def test_the_board_shows_what_the_seeds_leave_undone(demo):
    states = board()
    assert {title: (state.period, state.flag_codes) for title, state in states.items()} == {
        "Community Safety Plan 2017-2020": ("expired", {"expired"}),
        "Reducing Reoffending Strategy 2018-2021": ("expired", {"expired"}),
        "Bournemouth, Poole and Dorset 2016-2020 Alcohol and Drugs Strategy": ("expired", {"expired"}),
        # Recommended by the committee in July 2024; no Cabinet decision in the seeds.
        "Community Safety Plan 2023-2026": ("expired", {"late_step", "expired"}),
        "Pan-Dorset Reducing Reoffending Strategy 2024-2027": ("in force", {"late_step", "refresh_due"}),
        "Serious Violence Strategy 2024-25": ("expired", {"late_step", "expired"}),
        "BCP Community Safety Strategy 2022-2025": ("expired", {"cabinet_only", "expired"}),
    }
    refresh = dict(states["Community Safety Plan 2023-2026"].routes)
    (route_state,) = refresh.values()
    assert route_state.next_step == "Recommended by Cabinet"
    assert route_state.next_due_on < TODAY


def test_loading_twice_adds_nothing(demo):
    models = [Plan, PlanVersion, Route, AdoptionStep, Condition, Deadline]
    before = {model: model.objects.count() for model in models}
    history = {model: model.history.count() for model in models[:-1]}

    call_command("load_demo", verbosity=0)

    assert {model: model.objects.count() for model in models} == before
    assert {model: model.history.count() for model in models[:-1]} == history


def test_steps_were_recorded_through_the_write_functions_with_history(demo):
    step = AdoptionStep.objects.get(
        route__version__title="Serious Violence Strategy 2024-25", kind=Kind.CRIME_AND_DISORDER_COMMITTEE
    )
    (record,) = step.history.all()
    assert record.history_type == "+" and record.history_user.username == "officer"
    assert step.recorded_by.username == "officer"
    bcp = AdoptionStep.objects.get(route__council__slug="bcp-council")
    assert bcp.recorded_by.username == "chris.baker"


def test_deadlines_were_written_for_each_plan_and_each_route_of_its_latest_version(demo):
    plan_type = ContentType.objects.get_for_model(Plan)
    route_type = ContentType.objects.get_for_model(Route)
    for plan in Plan.objects.all():
        expiry = Deadline.objects.get(source_type=plan_type, source_id=plan.pk, rule="plan-expiry")
        assert expiry.due_on == plan.versions.order_by("starts_on").last().ends_on
        assert expiry.partnership == plan.lead_partnership

    refresh = Route.objects.get(version__title="Community Safety Plan 2023-2026 (2024-25 refresh)")
    steps = {
        d.rule: (d.due_on, d.met_on)
        for d in Deadline.objects.filter(source_type=route_type, source_id=refresh.pk)
    }
    # The clock starts when the EqIA condition was met; the committee met within its target.
    assert set(steps) == {"step-committee", "step-cabinet", "step-full_council"}
    assert steps["step-committee"][1] == date(2024, 7, 23)
    assert steps["step-cabinet"][1] is None and steps["step-full_council"][1] is None

    # The 2023 version was replaced by its refresh: its route keeps no deadlines.
    first = Route.objects.get(version__title="Community Safety Plan 2023-2026")
    assert not Deadline.objects.filter(source_type=route_type, source_id=first.pk).exists()
    # No CSP agreement recorded, so no clock: BCP's routes expect no dated steps.
    assert not Deadline.objects.filter(
        source_type=route_type, rule__startswith="step-", partnership__slug="bcp"
    )
