"""The benchmark data generator: small runs of what `generate_scale` does at national scale."""

import re
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from dhr.models import Cost, DhrCase, Imr, Pause, Recommendation, StageRecord
from dhr.review import write_case_deadlines
from dhr.stages import counts as dhr_counts
from duties.models import Duty, RegisterEntry
from duties.register import write_entry_deadlines
from indicators.models import Indicator, IndicatorValue
from meetings.models import Action, Meeting
from partnerships import scale
from partnerships.models import Council, Membership, Nation, Organisation, Partnership, Role
from plans.adoption import check_step, plan_states, write_plan_deadlines
from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route
from reminders.models import Deadline
from tests.dhr.conftest import replay_problems

TODAY = date(2026, 6, 1)
SMALL = {"partnerships": 3, "users": 30}
# Enough partnerships for every kind of plan, pan-area strategies and each board flag.
MEDIUM = {"partnerships": 30, "users": 200}

pytestmark = pytest.mark.django_db


def generate_small(seed=1, **options):
    call_command("generate_scale", seed=seed, today=TODAY, stdout=StringIO(), **SMALL, **options)


def snapshot():
    """Every name and date the generator chose, in an order that does not depend on ids."""
    return {
        "partnerships": sorted(
            (p.slug, p.name, p.brand, p.nation, tuple(sorted(c.name for c in p.councils.all())))
            for p in Partnership.objects.prefetch_related("councils")
        ),
        "councils": sorted(
            Council.objects.values_list("slug", "name", "crime_and_disorder_committee", "adopted_by")
        ),
        "organisations": sorted(Organisation.objects.values_list("name", "kind")),
        "memberships": sorted(
            Membership.objects.values_list("partnership__slug", "organisation__name", "standing")
        ),
        "users": sorted(
            get_user_model().objects.values_list("username", "first_name", "last_name", "date_joined")
        ),
        "roles": sorted(Role.objects.values_list("user__username", "partnership__slug", "kind")),
        "entries": sorted(
            RegisterEntry.objects.values_list(
                "partnership__slug",
                "duty__code",
                "status",
                "owner__username",
                "delivered_by__name",
                "last_completed_on",
                "next_due_on",
                "implementation",
            ),
            key=repr,
        ),
        "deadlines": sorted(
            [
                (
                    *row[:4],
                    # A plan's, review's or action's link carries its id, which a second run does not reuse;
                    # so do the rules of a review's IMRs and recommendations and of a council's
                    # Crime & Disorder Committee.
                    re.sub(r"[0-9]+", "#", row[4])
                    if row[4].startswith(("/plans/", "/dhr/", "/actions/"))
                    else row[4],
                    re.sub(r"[0-9]+", "#", row[5])
                    if row[5].startswith(("dhr-imr-", "dhr-rec-", "committee-scrutiny-"))
                    else row[5],
                    *row[6:],
                )
                for row in Deadline.objects.values_list(
                    "partnership__slug", "title", "due_on", "owner__username", "link", "rule", "met_on"
                )
            ],
            key=repr,  # met_on is a date or empty, which do not compare
        ),
        "plans": sorted(
            (p.lead_partnership.slug, p.title, p.kind, tuple(sorted(x.slug for x in p.partnerships.all())))
            for p in Plan.objects.select_related("lead_partnership").prefetch_related("partnerships")
        ),
        "versions": sorted(
            PlanVersion.objects.values_list(
                "plan__lead_partnership__slug",
                "title",
                "starts_on",
                "ends_on",
                "refresh_year",
                "eqia",
                "eqia_on",
                "published_on",
            ),
            key=repr,
        ),
        "steps": sorted(
            AdoptionStep.objects.values_list(
                "route__version__plan__lead_partnership__slug",
                "route__version__title",
                "route__council__slug",
                "kind",
                "decided_on",
                "outcome",
                "meeting",
                "reference",
                "recorded_by__username",
            ),
            key=repr,
        ),
        "conditions": sorted(
            Condition.objects.values_list(
                "step__route__version__plan__lead_partnership__slug",
                "step__route__version__title",
                "step__route__council__slug",
                "text",
                "met_on",
            ),
            key=repr,
        ),
        "reviews": sorted(
            DhrCase.objects.values_list(
                "partnership__slug",
                "reference",
                "pseudonym",
                "kind",
                "uses_dardr_name",
                "lead_csp",
                "chair_name",
                "decision_reasons",
                "learning",
            ),
            key=repr,
        ),
        "review stages": sorted(
            StageRecord.objects.values_list(
                "case__partnership__slug",
                "case__reference",
                "stage",
                "reached_on",
                "outcome",
                "notes",
                "recorded_by__username",
            ),
            key=repr,
        ),
        "pauses": sorted(
            Pause.objects.values_list(
                "case__partnership__slug", "case__reference", "reason", "starts_on", "ends_on"
            ),
            key=repr,
        ),
        "imrs": sorted(
            Imr.objects.values_list(
                "case__partnership__slug",
                "case__reference",
                "agency__name",
                "chronology_only",
                "requested_on",
                "due_on",
                "received_on",
                "summary",
            ),
            key=repr,
        ),
        "recommendations": sorted(
            Recommendation.objects.values_list(
                "case__partnership__slug",
                "case__reference",
                "text",
                "owner__name",
                "due_on",
                "status",
                "evidence",
                "last_reviewed_on",
            ),
            key=repr,
        ),
        "costs": sorted(
            Cost.objects.values_list(
                "case__partnership__slug",
                "case__reference",
                "description",
                "amount",
                "incurred_on",
                "paid_by__name",
            ),
            key=repr,
        ),
    }


def deadline_rows():
    return sorted(
        Deadline.objects.values_list(
            "partnership_id",
            "title",
            "due_on",
            "owner_id",
            "rule",
            "rule_version",
            "legal_source",
            "source_type_id",
            "source_id",
            "link",
            "is_confidential",
            "met_on",
        ),
        key=repr,
    )


def test_counts_returned_match_the_rows_written():
    counts = scale.generate(seed=1, today=TODAY, **SMALL)

    User = get_user_model()
    duties = Duty.objects.count()
    england_only = Duty.objects.filter(england_only=True).count()
    welsh = Partnership.objects.filter(nation=Nation.WALES).count()
    assert counts["partnerships"] == Partnership.objects.count() == 3
    assert counts["users"] == User.objects.count() == 30
    assert counts["councils"] == Council.objects.count()
    assert counts["organisations"] == Organisation.objects.count()
    assert counts["memberships"] == Membership.objects.count()
    assert counts["roles"] == Role.objects.count()
    assert counts["register entries"] == RegisterEntry.objects.count() == 3 * duties - welsh * england_only
    assert counts["plans"] == Plan.objects.count()
    assert counts["plan partnerships"] == Plan.partnerships.through.objects.count()
    assert counts["plan versions"] == PlanVersion.objects.count()
    assert counts["routes"] == Route.objects.count()
    assert counts["adoption steps"] == AdoptionStep.objects.count()
    assert counts["conditions"] == Condition.objects.count()
    assert counts["DHRs"] == DhrCase.objects.count() >= 3 * 3
    assert counts["DHR stages"] == StageRecord.objects.count()
    assert counts["DHR pauses"] == Pause.objects.count()
    assert counts["IMRs"] == Imr.objects.count()
    assert counts["DHR recommendations"] == Recommendation.objects.count()
    assert counts["DHR costs"] == Cost.objects.count()
    assert counts["meetings"] == Meeting.objects.count() >= 3
    assert counts["actions"] == Action.objects.count() >= 3
    assert counts["indicators"] == Indicator.objects.count() >= 3
    assert counts["indicator values"] == IndicatorValue.objects.count()
    assert (
        counts["deadlines"] + counts["plan deadlines"] + counts["DHR deadlines"] + counts["action deadlines"]
        == Deadline.objects.count()
    )


def test_national_shape_holds_in_a_small_run():
    scale.generate(seed=1, today=TODAY, **SMALL)

    assert Partnership.objects.filter(nation=Nation.WALES).count() == 1
    for partnership in Partnership.objects.all():
        kinds = set(partnership.roles.values_list("kind", flat=True))
        assert kinds == set(Role.Kind.values), partnership
        statutory = partnership.memberships.filter(standing=Membership.Standing.STATUTORY)
        assert set(statutory.values_list("organisation__kind", flat=True)) >= {
            Organisation.Kind.COUNCIL,
            Organisation.Kind.POLICE,
            Organisation.Kind.FIRE_AND_RESCUE_AUTHORITY,
            Organisation.Kind.HEALTH,
            Organisation.Kind.PROBATION,
        }
        assert 1 <= partnership.councils.count() <= 2
    assert all(not user.has_usable_password() for user in get_user_model().objects.all())


def test_welsh_partnerships_have_no_entry_for_england_only_duties():
    scale.generate(seed=1, today=TODAY, **SMALL)

    england_only = Duty.objects.filter(england_only=True)
    assert england_only.exists()
    assert not RegisterEntry.objects.filter(partnership__nation=Nation.WALES, duty__in=england_only).exists()
    assert RegisterEntry.objects.filter(partnership__nation=Nation.ENGLAND, duty__in=england_only).exists()


def test_same_seed_gives_the_same_names_and_dates():
    generate_small(seed=1)
    first = snapshot()

    generate_small(seed=1, replace=True)

    assert snapshot() == first


def test_a_different_seed_gives_different_names_and_dates():
    generate_small(seed=1)
    first = snapshot()

    generate_small(seed=2, replace=True)
    second = snapshot()

    assert second["partnerships"] != first["partnerships"]
    assert second["users"] != first["users"]
    assert second["review stages"] != first["review stages"]
    assert [row[5:7] for row in second["entries"]] != [row[5:7] for row in first["entries"]]


def test_every_entry_with_a_due_date_has_its_deadline_and_no_other():
    scale.generate(seed=1, today=TODAY, **SMALL)

    source_type = ContentType.objects.get_for_model(RegisterEntry)
    entries = RegisterEntry.objects.select_related("partnership", "duty", "owner")
    assert entries.filter(next_due_on__isnull=True).exists()
    for entry in entries:
        deadlines = list(Deadline.objects.filter(source_type=source_type, source_id=entry.pk))
        if entry.next_due_on is None:
            assert deadlines == []
            continue
        assert len(deadlines) == 1, entry
        deadline = deadlines[0]
        assert deadline.due_on == entry.next_due_on
        assert deadline.rule == "duty-due"
        assert deadline.title == f"{entry.duty.title} due"
        assert deadline.partnership_id == entry.partnership_id
        assert deadline.owner_id == entry.owner_id
        assert deadline.link == entry.get_absolute_url()
        assert deadline.met_on is None


def test_deadlines_are_what_the_register_would_have_written():
    scale.generate(seed=1, today=TODAY, **SMALL)
    generated = deadline_rows()

    for entry in RegisterEntry.objects.select_related("partnership", "duty", "owner"):
        write_entry_deadlines(entry)

    assert deadline_rows() == generated


def test_dates_respect_the_constraint_and_spread_around_today():
    scale.generate(seed=1, today=TODAY, **SMALL)

    entries = RegisterEntry.objects.all()
    for entry in entries.filter(next_due_on__isnull=False, last_completed_on__isnull=False):
        assert entry.next_due_on > entry.last_completed_on, entry
    assert entries.filter(next_due_on__lt=TODAY).exists()
    assert entries.filter(next_due_on__gte=TODAY).exists()
    assert Deadline.objects.overdue(TODAY).exists()
    assert entries.exclude(implementation="").filter(implementation__regex=r"^.{150,}$").exists()


def test_refuses_to_run_twice_without_replace():
    generate_small(seed=1)
    before = snapshot()

    with pytest.raises(CommandError, match="--replace"):
        generate_small(seed=2)

    assert snapshot() == before


def test_replace_removes_only_generated_rows():
    demo_org = Organisation.objects.create(name="Dorset Police", kind=Organisation.Kind.POLICE)
    demo = Partnership.objects.create(name="Dorset Community Safety Partnership", slug="dorset")
    Membership.objects.create(partnership=demo, organisation=demo_org, standing=Membership.Standing.STATUTORY)
    officer = get_user_model().objects.create_user("officer")
    Role.objects.create(user=officer, partnership=demo, kind=Role.Kind.OFFICER)
    demo_plan = Plan.objects.create(
        title="Community Safety Plan 2023-2026", kind=Plan.Kind.COMMUNITY_SAFETY_PLAN, lead_partnership=demo
    )
    demo_plan.partnerships.add(demo)
    demo_case = DhrCase.objects.create(partnership=demo, reference="DHR 2023/01", pseudonym="Adult A")
    Imr.objects.create(
        case=demo_case, agency=demo_org, requested_on=date(2023, 5, 1), due_on=date(2023, 6, 26)
    )
    generate_small(seed=1)
    assert Plan.objects.count() > 1
    assert DhrCase.objects.count() > 1

    scale.remove()

    assert list(Partnership.objects.values_list("slug", flat=True)) == ["dorset"]
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Dorset Police"]
    assert list(get_user_model().objects.values_list("username", flat=True)) == ["officer"]
    assert not Council.objects.exists()
    assert Deadline.objects.count() == RegisterEntry.objects.count() == 0
    assert list(Plan.objects.all()) == [demo_plan]
    assert PlanVersion.objects.count() == Route.objects.count() == AdoptionStep.objects.count() == 0
    assert list(DhrCase.objects.all()) == [demo_case]
    assert Imr.objects.get().case == demo_case
    assert StageRecord.objects.count() == Pause.objects.count() == Recommendation.objects.count() == 0
    assert Cost.objects.count() == 0


def test_command_prints_the_counts_and_the_time_taken():
    out = StringIO()

    call_command("generate_scale", seed=1, today=TODAY, stdout=out, **SMALL)

    assert "3 partnerships" in out.getvalue()
    assert "30 users" in out.getvalue()
    assert "Generated from seed 1 in" in out.getvalue()


def test_plans_come_about_five_per_partnership_with_each_latest_version_routed_to_every_council():
    counts = scale.generate(seed=1, today=TODAY, **MEDIUM)

    assert 4 * 30 <= counts["plans"] <= 6 * 30
    assert set(Plan.objects.values_list("kind", flat=True)) == {
        Plan.Kind.COMMUNITY_SAFETY_PLAN,
        Plan.Kind.REDUCING_REOFFENDING,
        Plan.Kind.SUBSTANCE_MISUSE,
        Plan.Kind.SERIOUS_VIOLENCE,
        Plan.Kind.DOMESTIC_ABUSE,
    }
    for partnership in Partnership.objects.prefetch_related("plans"):
        kinds = {plan.kind for plan in partnership.plans.all()}
        assert {Plan.Kind.COMMUNITY_SAFETY_PLAN, Plan.Kind.REDUCING_REOFFENDING} <= kinds, partnership
        assert kinds >= {Plan.Kind.SUBSTANCE_MISUSE, Plan.Kind.SERIOUS_VIOLENCE}, partnership
    csp_versions = [
        len(plan.versions.all())
        for plan in Plan.objects.filter(kind=Plan.Kind.COMMUNITY_SAFETY_PLAN).prefetch_related("versions")
    ]
    assert min(csp_versions) == 1 and max(csp_versions) == 3
    for plan in Plan.objects.for_board():
        for version in plan.versions.all():
            councils = {
                (partnership.pk, council.pk)
                for partnership in plan.partnerships.all()
                for council in partnership.councils.all()
            }
            assert {(r.partnership_id, r.council_id) for r in version.routes.all()} == councils, version


def test_pan_area_strategies_are_shared_by_two_partnerships_of_one_force_area_with_a_route_each():
    scale.generate(seed=1, today=TODAY, **MEDIUM)

    pan_area = [plan for plan in Plan.objects.for_board() if plan.is_pan_area]
    assert pan_area
    for plan in pan_area:
        assert plan.kind == Plan.Kind.REDUCING_REOFFENDING
        first, second = plan.partnerships.all()
        police = {
            partnership.pk: set(
                partnership.memberships.filter(organisation__kind=Organisation.Kind.POLICE).values_list(
                    "organisation", flat=True
                )
            )
            for partnership in (first, second)
        }
        assert police[first.pk] == police[second.pk], plan  # the same force area
        latest = plan.versions.all()[len(plan.versions.all()) - 1]
        assert {route.partnership_id for route in latest.routes.all()} == {first.pk, second.pk}
        assert len(latest.routes.all()) >= 2


def test_every_route_takes_its_steps_in_an_order_the_rules_accept():
    scale.generate(seed=1, today=TODAY, **MEDIUM)

    for route in Route.objects.prefetch_related("steps__conditions"):
        taken = []
        for step in route.steps.all():  # in date order
            assert check_step(taken, kind=step.kind, decided_on=step.decided_on, today=TODAY) is None, step
            for condition in step.conditions.all():
                assert condition.met_on is None or step.decided_on <= condition.met_on <= TODAY
            taken.append(step)


def test_the_board_has_every_state_and_flag():
    scale.generate(seed=1, today=TODAY, **MEDIUM)

    states = plan_states(Plan.objects.for_board(), today=TODAY)
    assert {state.period for state in states} == {"not started", "in force", "expired", "superseded"}
    assert set().union(*(state.flag_codes for state in states)) == {
        "stalled",
        "cabinet_only",
        "conditions",
        "late_step",
        "refresh_due",
        "expired",
    }
    adopted = sum(bool(route_state.adopted_on) for state in states for _, route_state in state.routes)
    routes = sum(len(state.routes) for state in states)
    assert adopted / routes > 0.5
    assert Council.objects.filter(adopted_by="cabinet").exists()


def test_plan_deadlines_are_what_the_plans_app_would_have_written():
    scale.generate(seed=1, today=TODAY, **MEDIUM)
    generated = deadline_rows()
    assert {row[4] for row in generated} >= {
        "duty-due",
        "plan-expiry",
        "plan-refresh",
        "step-committee",
        "step-cabinet",
        "step-full_council",
    }

    for plan in Plan.objects.all():
        write_plan_deadlines(plan, today=TODAY)

    assert deadline_rows() == generated


def test_reviews_come_about_five_per_partnership_of_every_kind_and_in_every_group():
    counts = scale.generate(seed=1, today=TODAY, **MEDIUM)

    assert 3 * 30 <= counts["DHRs"] <= 7 * 30
    assert set(DhrCase.objects.values_list("kind", flat=True)) == set(DhrCase.Kind.values)
    assert not DhrCase.objects.filter(kind=DhrCase.Kind.WALES_SUSR).exclude(partnership__nation=Nation.WALES)
    groups = dict(dhr_counts(DhrCase.objects.prefetch_related("stages")))
    assert all(groups.values()), groups
    led = DhrCase.objects.filter(kind=DhrCase.Kind.LED_BY_ANOTHER_CSP)
    assert not led.filter(lead_csp="").exists()
    assert Pause.objects.filter(ends_on__isnull=True).exists()
    assert Pause.objects.filter(ends_on__isnull=False).exists()
    assert Imr.objects.filter(received_on__isnull=True, due_on__lt=TODAY).exists()
    assert (
        Recommendation.objects.filter(due_on__lt=TODAY)
        .exclude(status=Recommendation.Status.COMPLETE)
        .exists()
    )
    assert StageRecord.objects.filter(outcome=StageRecord.Outcome.RESUBMIT).exists()
    assert StageRecord.objects.filter(stage=StageRecord.Stage.NOT_PUBLISHED).exists()
    assert Cost.objects.exists()


def test_every_review_takes_its_stages_in_an_order_the_rules_accept():
    scale.generate(seed=1, today=TODAY, **MEDIUM)

    cleared = set(Role.objects.filter(kind=Role.Kind.DHR_CLEARED).values_list("user", "partnership"))
    cases = DhrCase.objects.prefetch_related("stages", "pauses", "imrs", "recommendations")
    for case in cases:
        assert replay_problems(case, today=TODAY) == [], case.reference
        taken = sorted(case.stages.all(), key=lambda r: r.pk)
        assert all(
            record.recorded_by_id is None or (record.recorded_by_id, case.partnership_id) in cleared
            for record in taken
        ), case.reference
        notified = taken[0].reached_on
        assert all(notified <= pause.starts_on <= TODAY for pause in case.pauses.all()), case
        assert len([pause for pause in case.pauses.all() if pause.ends_on is None]) <= 1, case
        assert all(imr.requested_on >= notified for imr in case.imrs.all()), case


def test_review_deadlines_are_what_the_dhr_app_would_have_written():
    scale.generate(seed=1, today=TODAY, **MEDIUM)
    generated = deadline_rows()
    rules = {row[4] for row in generated}
    assert {"dhr-R17", "dhr-R18", "dhr-R19", "dhr-R20", "dhr-R22", "dhr-R23"} <= rules
    assert any(rule.startswith("dhr-imr-") for rule in rules)
    assert any(rule.startswith("dhr-rec-") for rule in rules)

    for case in DhrCase.objects.all():
        write_case_deadlines(case, today=TODAY)

    assert deadline_rows() == generated
