"""Demo plans and their roads to adoption, from the councils' own papers (seeds 000, 001,
003 and 004; domain.md section 4.3).

Every version, step and condition goes through the write functions in plans.adoption, so the
demo has history rows and deadlines just as an officer's entries would. A plan whose title
already exists for its lead partnership is left alone: loading twice adds nothing.

Dates are the seeds' own, except where a comment says the seed gives none and one was chosen.
"""

from dataclasses import dataclass, field
from datetime import date

from partnerships.models import Council
from plans.adoption import TYPED_VERSION_FIELDS, add_version, create_plan, mark_condition_met, record_step
from plans.models import AdoptionStep, Plan, PlanVersion

Kind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome
Eqia = PlanVersion.Eqia

DORSET_CSP = "Dorset Community Safety Partnership"
# Dorset's Crime & Disorder Committee role sat with Place Scrutiny in 2019 (seed 000); the 2024
# plans went to the People & Health Overview Committee (seed 004).
PLACE_SCRUTINY = "Place Scrutiny Committee (Crime & Disorder Committee)"
PEOPLE_AND_HEALTH = "People & Health Overview Committee"
EQIA_CONDITION = "Subject to any changes required as a result of the Equality Impact Assessment process"

# Seed 003 is the minutes of the Dorset CSP's first meeting of 2023 and carries no date. It
# followed the meeting of 21 December 2022, came after the Serious Violence Duty took effect
# (31 January 2023) and before the plan in force expired (March 2023) and Cabinet's update of
# 28 March 2023 (seed 002). 14 March 2023 is a date chosen in that window, not the real one.
DORSET_CSP_EARLY_2023 = date(2023, 3, 14)
# Seed 004 says only that the EqIAs agreed subject to in March 2024 "have since been signed
# off" by the time of the committee's papers (23 July 2024). 28 June 2024 is a chosen date.
EQIA_SIGNED_OFF_2024 = date(2024, 6, 28)
# Seed 001: BCP's strategy "was adopted by BCP Cabinet in September 2022". No day is given;
# 14 September 2022 is a chosen date.
BCP_CABINET_SEPTEMBER_2022 = date(2022, 9, 14)

# Who records each partnership's steps: demo people from partnerships.demo.
RECORDED_BY = {"dorset": "officer", "bcp": "chris.baker"}


@dataclass(frozen=True)
class Step:
    kind: str
    decided_on: date
    outcome: str
    meeting: str
    reference: str = ""
    conditions: tuple = ()  # (text, date met or None)


@dataclass(frozen=True)
class Version:
    title: str
    starts_on: date
    ends_on: date
    refresh_year: str = ""
    eqia: str = Eqia.NOT_STARTED
    eqia_on: date | None = None
    eqia_note: str = ""
    published_on: date | None = None
    routes: dict = field(default_factory=dict)  # council slug -> [Step], in date order


@dataclass(frozen=True)
class PlanSeed:
    title: str
    kind: str
    lead: str  # partnership slug
    partnerships: tuple
    versions: tuple


def _dorset_2019(csp_agreed_on, *, recommendation):
    """The 2019 road: CSP, then Place Scrutiny, Cabinet and Full Council (seed 000)."""
    report = f"Community Safety Annual Report, recommendation {recommendation}"
    steps = [
        Step(
            Kind.CRIME_AND_DISORDER_COMMITTEE, date(2019, 10, 24), Outcome.RECOMMENDED, PLACE_SCRUTINY, report
        ),
        Step(Kind.CABINET, date(2019, 11, 5), Outcome.RECOMMENDED, "Cabinet", report),
        Step(Kind.FULL_COUNCIL, date(2019, 11, 21), Outcome.ADOPTED, "Full Council", report),
    ]
    if csp_agreed_on is not None:
        steps.insert(0, Step(Kind.AGREED_BY_CSP, csp_agreed_on, Outcome.AGREED, DORSET_CSP))
    return steps


P_AND_H_2024 = Step(
    Kind.CRIME_AND_DISORDER_COMMITTEE,
    date(2024, 7, 23),
    Outcome.RECOMMENDED,
    PEOPLE_AND_HEALTH,
    "For Decision: recommended to Cabinet and Dorset Council for adoption",
)
AGREED_MARCH_2024 = Step(
    Kind.AGREED_BY_CSP,
    date(2024, 3, 19),
    Outcome.AGREED_SUBJECT_TO_CONDITIONS,
    DORSET_CSP,
    conditions=((EQIA_CONDITION, EQIA_SIGNED_OFF_2024),),
)

PLANS = [
    PlanSeed(
        "Community Safety Plan 2017-2020",
        Plan.Kind.COMMUNITY_SAFETY_PLAN,
        "dorset",
        ("dorset",),
        (
            # The seeds describe only the 2019 refresh; the 2017 document and its 2018 refresh
            # are not in them, so they are not invented here. A version runs to the end of the
            # plan's period (plan_state reads ends_on as the plan's expiry).
            Version(
                "Community Safety Plan 2017-2020 (2019 refresh)",
                date(2019, 4, 1),
                date(2020, 3, 31),
                refresh_year="2019-20",
                eqia=Eqia.SIGNED_OFF,
                eqia_note="EqIA completed; it highlighted positive impacts for many protected characteristics.",
                routes={"dorset-council": _dorset_2019(date(2019, 6, 17), recommendation=2)},
            ),
        ),
    ),
    PlanSeed(
        "Reducing Reoffending Strategy 2018-2021",
        Plan.Kind.REDUCING_REOFFENDING,
        "dorset",
        ("dorset",),
        (
            Version(
                "Reducing Reoffending Strategy 2018-2021 (2019 refresh)",
                date(2019, 4, 1),
                date(2021, 3, 31),
                refresh_year="2019-20",
                eqia=Eqia.SIGNED_OFF,
                eqia_note="EqIA completed; it highlighted positive impacts for many protected characteristics.",
                routes={"dorset-council": _dorset_2019(date(2019, 10, 10), recommendation=2)},
            ),
        ),
    ),
    PlanSeed(
        "Bournemouth, Poole and Dorset 2016-2020 Alcohol and Drugs Strategy",
        Plan.Kind.SUBSTANCE_MISUSE,
        "dorset",
        ("dorset",),
        (
            # Developed and agreed "by a range of partners" and launched in June 2016 (no day
            # given: the 1st is used); the CSP's own agreement is not recorded, so the route
            # starts at the committee. "2016-2020", with a new strategy due by the end of 2020.
            Version(
                "Bournemouth, Poole and Dorset 2016-2020 Alcohol and Drugs Strategy",
                date(2016, 6, 1),
                date(2020, 12, 31),
                eqia=Eqia.SCREENING_ONLY,
                eqia_on=date(2016, 2, 1),
                eqia_note="Screening in February 2016 concluded that a full EqIA was not needed; a new EqIA "
                "will be completed as part of the development of the new strategy.",
                routes={"dorset-council": _dorset_2019(None, recommendation=2)},
            ),
        ),
    ),
    PlanSeed(
        "Community Safety Plan 2023-2026",
        Plan.Kind.COMMUNITY_SAFETY_PLAN,
        "dorset",
        ("dorset",),
        (
            Version(
                "Community Safety Plan 2023-2026",
                date(2023, 4, 1),
                date(2026, 3, 31),
                eqia=Eqia.IN_PROGRESS,
                eqia_note="An EqIA was being undertaken on the plan when the CSP agreed it.",
                routes={
                    "dorset-council": [
                        Step(
                            Kind.AGREED_BY_CSP,
                            DORSET_CSP_EARLY_2023,
                            Outcome.AGREED_SUBJECT_TO_CONDITIONS,
                            DORSET_CSP,
                            "Item 5, resolution 2",
                            conditions=((EQIA_CONDITION, None),),
                        )
                    ]
                },
            ),
            # Taken to the Council in its second year, so serious violence could be built in
            # (seed 004 §2.6). No Cabinet or Full Council decision is in the seeds.
            Version(
                "Community Safety Plan 2023-2026 (2024-25 refresh)",
                date(2024, 4, 1),
                date(2026, 3, 31),
                refresh_year="2024-25",
                eqia=Eqia.SIGNED_OFF,
                eqia_on=EQIA_SIGNED_OFF_2024,
                eqia_note="The EqIA aimed to cover serious violence too, drawing on the serious violence "
                "needs assessment.",
                routes={"dorset-council": [AGREED_MARCH_2024, P_AND_H_2024]},
            ),
        ),
    ),
    PlanSeed(
        "Pan-Dorset Reducing Reoffending Strategy 2024-2027",
        Plan.Kind.REDUCING_REOFFENDING,
        "dorset",
        ("dorset", "bcp"),
        (
            Version(
                "Pan-Dorset Reducing Reoffending Strategy 2024-2027",
                date(2024, 4, 1),
                date(2027, 3, 31),
                eqia=Eqia.SIGNED_OFF,
                eqia_on=EQIA_SIGNED_OFF_2024,
                # The BCP CSP's agreement is not in the seeds: BCP Council's route has no steps.
                routes={"dorset-council": [AGREED_MARCH_2024, P_AND_H_2024], "bcp-council": []},
            ),
        ),
    ),
    PlanSeed(
        "Serious Violence Strategy 2024-25",
        Plan.Kind.SERIOUS_VIOLENCE,
        "dorset",
        ("dorset",),
        (
            Version(
                "Serious Violence Strategy 2024-25",
                date(2024, 4, 1),
                date(2025, 3, 31),
                eqia=Eqia.NOT_NEEDED,
                eqia_note="No separate EqIA: the Community Safety Plan's EqIA covered serious violence.",
                published_on=date(2024, 1, 30),
                routes={
                    "dorset-council": [
                        Step(Kind.AGREED_BY_CSP, date(2023, 12, 21), Outcome.AGREED, DORSET_CSP),
                        P_AND_H_2024,
                    ]
                },
            ),
        ),
    ),
    PlanSeed(
        "BCP Community Safety Strategy 2022-2025",
        Plan.Kind.COMMUNITY_SAFETY_PLAN,
        "bcp",
        ("bcp",),
        (
            # Seed 001: strategic assessment, then the CSP Executive Board agreed the priorities
            # (no date given, so no step), then Cabinet adopted it. The Corporate and Community
            # Overview & Scrutiny Board noted the annual report on 12 December 2022, after
            # Cabinet: check_step refuses a committee step dated after Cabinet's decision, and
            # noting a report is scrutiny after the event, so that meeting is not a step. The
            # seed says nothing of an EqIA, so the version keeps the default.
            Version(
                "BCP Community Safety Strategy 2022-2025",
                date(2022, 4, 1),
                date(2025, 3, 31),
                routes={
                    "bcp-council": [
                        Step(Kind.CABINET, BCP_CABINET_SEPTEMBER_2022, Outcome.ADOPTED, "Cabinet"),
                    ]
                },
            ),
        ),
    ),
]


def load(partnerships, people, today, **_):
    """Load the demo plans into a database that has the demo partnerships; returns the plans
    created (none on a second run)."""
    # Both councils' constitutions (and Schedule 3) put adoption with Full Council, so BCP's
    # Cabinet-only adoption is flagged.
    for council in Council.objects.filter(slug__in=["dorset-council", "bcp-council"]):
        if council.adopted_by != "full_council":
            council.adopted_by = "full_council"
            council.save()
    created = []
    for seed in PLANS:
        lead = partnerships[seed.lead]
        if Plan.objects.filter(title=seed.title, lead_partnership=lead).exists():
            continue
        by = people.get(RECORDED_BY[seed.lead])
        plan = create_plan(
            lead,
            by=by,
            title=seed.title,
            kind=seed.kind,
            partnerships=[partnerships[slug] for slug in seed.partnerships],
        )
        for version_seed in seed.versions:
            _load_version(plan, version_seed, people=people, today=today)
        created.append(plan)
    return created


def _load_version(plan, seed: Version, *, people, today):
    fields = {name: getattr(seed, name, "") for name in TYPED_VERSION_FIELDS}
    by = people.get(RECORDED_BY[plan.lead_partnership.slug])
    version = add_version(plan, by=by, today=today, **fields)
    routes = {route.council.slug: route for route in version.routes.select_related("council", "partnership")}
    if set(routes) != set(seed.routes):
        raise AssertionError(f"{seed.title}: routes {sorted(routes)}, expected {sorted(seed.routes)}")
    for slug, steps in seed.routes.items():
        route = routes[slug]
        by = people.get(RECORDED_BY[route.partnership.slug])
        for step_seed in steps:
            step = record_step(
                route,
                by=by,
                kind=step_seed.kind,
                decided_on=step_seed.decided_on,
                outcome=step_seed.outcome,
                meeting=step_seed.meeting,
                reference=step_seed.reference,
                conditions=[text for text, _ in step_seed.conditions],
                today=today,
            )
            met = dict(step_seed.conditions)
            for condition in step.conditions.all():
                if met.get(condition.text):
                    mark_condition_met(condition, by=by, met_on=met[condition.text], today=today)
