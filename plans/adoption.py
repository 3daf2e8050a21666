"""How CSP Tracker thinks about a plan's road to adoption (domain.md sections 4 and 9).

The functions at the top take values and return values: steps already fetched, today's
date. The write functions at the bottom are the one place each officer action is saved.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from csp_tracker.audit import save_as, save_if_current
from partnerships.models import Council, Partnership
from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route
from reminders.deadlines import DeadlineSpec, write_deadlines

Kind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome

ORDER = [Kind.AGREED_BY_CSP, Kind.CRIME_AND_DISORDER_COMMITTEE, Kind.CABINET, Kind.FULL_COUNCIL]
NEXT_STEP_LABEL = {
    Kind.AGREED_BY_CSP: "Agreed by the CSP",
    Kind.CRIME_AND_DISORDER_COMMITTEE: "Recommended by the Crime & Disorder Committee",
    Kind.CABINET: "Recommended by Cabinet",
    Kind.FULL_COUNCIL: "Adopted by Full Council",
}
DECIDED = {
    Kind.AGREED_BY_CSP: "the CSP made its decision",
    Kind.CRIME_AND_DISORDER_COMMITTEE: "the Crime & Disorder Committee made its decision",
    Kind.CABINET: "Cabinet made its decision",
    Kind.FULL_COUNCIL: "Full Council made its decision",
}
STOPS = {Outcome.DEFERRED, Outcome.REJECTED}
# The outcomes each body can reach: a CSP agrees, a committee recommends or notes, Cabinet
# recommends or (where the constitution allows) adopts, Full Council adopts.
OUTCOMES = {
    Kind.AGREED_BY_CSP: [
        Outcome.AGREED,
        Outcome.AGREED_SUBJECT_TO_CONDITIONS,
        Outcome.DEFERRED,
        Outcome.REJECTED,
    ],
    Kind.CRIME_AND_DISORDER_COMMITTEE: [
        Outcome.RECOMMENDED,
        Outcome.NOTED,
        Outcome.DEFERRED,
        Outcome.REJECTED,
    ],
    Kind.CABINET: [Outcome.RECOMMENDED, Outcome.ADOPTED, Outcome.NOTED, Outcome.DEFERRED, Outcome.REJECTED],
    Kind.FULL_COUNCIL: [Outcome.ADOPTED, Outcome.DEFERRED, Outcome.REJECTED],
}

SCHEDULE_3 = "Local Authorities (Functions and Responsibilities) (England) Regulations 2000, reg 4 and Sch 3"
R2 = "Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007, regs 10-11 (R2)"
R3 = "2007 Regulations reg 10: a new three-year plan by the end of the current one (R3)"
R4 = f"{SCHEDULE_3} (R4: no statutory deadline; local target)"
R5 = "Equality Act 2010 s149; local practice (R5)"
R12 = "Police, Crime, Sentencing and Courts Act 2022 Part 2 Chapter 1; statutory guidance (R12)"
R8 = (
    "Crime and Disorder (Overview and Scrutiny) Regulations 2009 (SI 2009/942); "
    "Police and Justice Act 2006 s19"
)
# The rules of the committee deadlines, whose source is the partnership: write_committee_deadlines
# manages only these, leaving any other rule a partnership carries to its own writer.
COMMITTEE_RULE_PREFIX = "committee-scrutiny-"
RULE_VERSION = "2026-11"

# Plans refreshed every year while their period runs (domain.md R2 and R12).
ANNUAL_REFRESH = {
    Plan.Kind.COMMUNITY_SAFETY_PLAN: R2,
    Plan.Kind.REDUCING_REOFFENDING: R2,
    Plan.Kind.SERIOUS_VIOLENCE: R12,
}


@dataclass(frozen=True)
class Flag:
    code: str
    text: str
    source: str


FLAG_LABELS = {
    "stalled": "Stalled: deferred or rejected",
    "cabinet_only": "Adopted below the required level",
    "conditions": "Conditions outstanding",
    "late_step": "Step expected but not taken",
    "refresh_due": "Annual refresh due",
    "expired": "Expired with no adopted successor",
}


def step_targets():
    """Days from the CSP's agreement (or its conditions being met) by which each later step
    is expected. R4 sets no statutory deadline; Dorset's 2024 route took about four months."""
    return settings.PLAN_STEP_TARGET_DAYS


def final_step(adopted_by: str) -> str:
    """The step that adopts the plan: Full Council unless the council's constitution says Cabinet."""
    return Kind.CABINET if adopted_by == "cabinet" else Kind.FULL_COUNCIL


@dataclass
class RouteState:
    latest: dict = field(default_factory=dict)  # kind -> the latest step of that kind
    last: object = None  # the latest decision of all
    adopted_on: date | None = None
    adopted_by: str | None = None
    stalled: object = None
    next_kind: str | None = None
    next_due_on: date | None = None
    clock_started_on: date | None = None
    outstanding: list = field(default_factory=list)
    flags: list = field(default_factory=list)

    @property
    def current_stage(self):
        if self.adopted_on:
            return "Adopted by Full Council" if self.adopted_by == Kind.FULL_COUNCIL else "Adopted by Cabinet"
        if self.last is None:
            return "Not yet agreed by the CSP"
        return f"{self.last.get_kind_display()}: {self.last.get_outcome_display().lower()}"

    @property
    def next_step(self):
        return NEXT_STEP_LABEL[self.next_kind] if self.next_kind else None


def _sort_key(step):
    return (step.decided_on, step.pk or 0)


def route_state(steps, *, adopted_by: str = "full_council", today: date) -> RouteState:
    """Where one council's route stands: current stage, next step and when, and its flags."""
    steps = sorted(steps, key=_sort_key)
    state = RouteState()
    for step in steps:
        state.latest[step.kind] = step
    state.last = steps[-1] if steps else None
    final = final_step(adopted_by)

    for kind in (Kind.FULL_COUNCIL, Kind.CABINET):
        step = state.latest.get(kind)
        if step is not None and step.outcome == Outcome.ADOPTED:
            state.adopted_on, state.adopted_by = step.decided_on, kind
            break

    if state.last is not None and state.last.outcome in STOPS:
        state.stalled = state.last
        state.flags.append(
            Flag(
                "stalled",
                f"Stalled: {state.last.get_kind_display()} {state.last.get_outcome_display().lower()} it on "
                f"{state.last.decided_on:%-d %B %Y}",
                R4,
            )
        )

    if state.adopted_by == Kind.CABINET and final == Kind.FULL_COUNCIL:
        state.flags.append(
            Flag("cabinet_only", "Adopted by Cabinet only: Full Council adoption required", SCHEDULE_3)
        )

    for step in steps:
        for condition in step.conditions.all():
            if condition.met_on is None:
                state.outstanding.append(condition)
    if state.outstanding:
        texts = "; ".join(condition.text for condition in state.outstanding)
        state.flags.append(Flag("conditions", f"Conditions outstanding: {texts}", R5))

    agreed = state.latest.get(Kind.AGREED_BY_CSP)
    if agreed is not None and agreed.outcome not in STOPS:
        met = [c.met_on for c in agreed.conditions.all()]
        state.clock_started_on = max([agreed.decided_on, *[d for d in met if d]])

    if state.stalled is None:
        to_come = steps_to_come(state, adopted_by=adopted_by)
        if to_come:
            state.next_kind = to_come[0]
            if state.clock_started_on and state.next_kind in step_targets():
                state.next_due_on = state.clock_started_on + timedelta(days=step_targets()[state.next_kind])
                if state.next_due_on < today:
                    state.flags.append(
                        Flag(
                            "late_step",
                            f"{NEXT_STEP_LABEL[state.next_kind]} was expected by {state.next_due_on:%-d %B %Y}",
                            R4,
                        )
                    )
    return state


def expected_steps(state: RouteState, *, adopted_by: str = "full_council"):
    """Every step still to come on a route whose clock has started, with its target date.

    These become deadlines: one per step, met when the step is taken.
    """
    if state.clock_started_on is None:
        return []
    final = final_step(adopted_by)
    targets = step_targets()
    to_come = steps_to_come(state, adopted_by=adopted_by)
    furthest = max(
        (step.decided_on for step in state.latest.values() if step.outcome not in STOPS), default=None
    )
    expected = []
    for kind in ORDER[1 : ORDER.index(final) + 1]:
        if kind in to_come:
            met_on = None
        else:
            # Taken, or skipped on the way to a later step (then met when that was taken).
            taken = state.latest.get(kind)
            met_on = taken.decided_on if taken is not None and taken.outcome not in STOPS else furthest
        expected.append((kind, state.clock_started_on + timedelta(days=targets[kind]), met_on))
    return expected


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def committee_deadline_specs(meetings) -> list[DeadlineSpec]:
    """The Crime & Disorder Committee's next scrutiny of the partnership, one per council:
    within 12 months of the committee last met on its functions (domain.md section 5, R8).

    `meetings` are (council, date) pairs, one for each committee step on the partnership's
    routes, whatever its outcome: the committee met, and in practice the plan goes with the
    annual report. The latest date of each council counts; a council whose committee never
    met on a route has no deadline.
    """
    latest = {}
    for council, met_on in meetings:
        if council.pk not in latest or met_on > latest[council.pk][1]:
            latest[council.pk] = (council, met_on)
    specs = []
    for council, met_on in sorted(latest.values(), key=lambda pair: (pair[0].name, pair[0].pk)):
        committee = council.crime_and_disorder_committee or "Crime & Disorder Committee"
        specs.append(
            DeadlineSpec(
                rule=f"{COMMITTEE_RULE_PREFIX}{council.pk}",
                title=f"{committee} ({council.name}): scrutiny of the partnership due within "
                f"12 months of {met_on:%-d %B %Y}",
                due_on=add_months(met_on, 12),
                legal_source=R8,
                rule_version=RULE_VERSION,
            )
        )
    return specs


def refresh_due_on(plan_kind: str, latest: PlanVersion) -> date | None:
    """The next annual refresh: a year after the latest version's period began, while the
    plan still has a year to run (R2; R12 for serious violence strategies)."""
    if plan_kind not in ANNUAL_REFRESH:
        return None
    due = add_months(latest.starts_on, 12)
    return due if due < latest.ends_on else None


def is_adopted(version: PlanVersion, *, adopted_by_of=lambda council: council.adopted_by) -> bool:
    """Adopted on every route (by whichever body each council's route requires, or Cabinet)."""
    routes = list(version.routes.all())
    if not routes:
        return False
    return all(
        route_state(route.steps.all(), adopted_by=adopted_by_of(route.council), today=date.max).adopted_on
        for route in routes
    )


@dataclass
class PlanState:
    plan: Plan
    latest: PlanVersion | None
    routes: list  # (route, RouteState)
    period: str  # "not started", "in force", "expired", "superseded"
    refresh_due_on: date | None
    flags: list

    @property
    def flag_codes(self):
        return {flag.code for flag in self.flags}


def _latest(plan):
    versions = plan.versions.all()
    return versions[len(versions) - 1] if versions else None


def plan_state(plan: Plan, *, today: date, successors=()) -> PlanState:
    """One board row: the plan's latest version, each route's state and the plan's flags.

    `successors` are other plans of the same kind from the same partnership: a plan whose
    period has ended is expired only if none of them with a later period has been adopted.
    """
    versions = list(plan.versions.all())
    latest = versions[-1] if versions else None
    if latest is None:
        return PlanState(plan, None, [], "not started", None, [])
    routes = [
        (route, route_state(route.steps.all(), adopted_by=route.council.adopted_by, today=today))
        for route in latest.routes.all()
    ]
    flags = [flag for _, state in routes for flag in state.flags]
    ends_on = latest.ends_on
    if today < versions[0].starts_on:
        period = "not started"
    elif today <= ends_on:
        period = "in force"
    elif any(
        other.pk != plan.pk
        and _latest(other)
        and _latest(other).starts_on > latest.starts_on
        and is_adopted(_latest(other))
        for other in successors
    ):
        period = "superseded"
    else:
        period = "expired"
        flags.append(Flag("expired", f"Expired on {ends_on:%-d %B %Y} with no adopted successor", R3))
    due = refresh_due_on(plan.kind, latest) if period == "in force" else None
    if due is not None and due <= today:
        flags.append(
            Flag("refresh_due", f"Annual refresh due since {due:%-d %B %Y}", ANNUAL_REFRESH[plan.kind])
        )
    return PlanState(plan, latest, routes, period, due, flags)


def plan_states(plans, *, today: date) -> list[PlanState]:
    """plan_state for each plan, judged against the other plans of its kind and lead
    partnership among them (the board's rows, from plans already fetched for_board)."""
    plans = list(plans)
    families = {}
    for plan in plans:
        families.setdefault((plan.kind, plan.lead_partnership_id), []).append(plan)
    return [
        plan_state(plan, today=today, successors=families[(plan.kind, plan.lead_partnership_id)])
        for plan in plans
    ]


def steps_to_come(state: RouteState, *, adopted_by: str) -> list:
    """The kinds of step still ahead on a route, in order, up to the one that adopts it.

    Steps skipped behind the furthest one reached are not owed (BCP's Cabinet adopted
    without a committee recommendation). A route adopted by Cabinet where Full Council must
    adopt still has Full Council to come.
    """
    final = final_step(adopted_by)
    if state.adopted_by and ORDER.index(state.adopted_by) >= ORDER.index(final):
        return []
    reached = max(
        (ORDER.index(kind) for kind, step in state.latest.items() if step.outcome not in STOPS),
        default=-1,
    )
    return ORDER[reached + 1 : ORDER.index(final) + 1]


# --- Write functions: one per officer action, each atomic, each writing its deadlines ---


class StepOutOfOrder(ValueError):
    """A decision dated before one it must follow, or after one it must precede."""


def outcome_problem(kind: str, outcome: str) -> str | None:
    """Why this body cannot reach this outcome (Full Council does not "agree"), or None."""
    if outcome in OUTCOMES[kind]:
        return None
    allowed = ", ".join(str(Outcome(value).label).lower() for value in OUTCOMES[kind])
    return f"{Kind(kind).label} can only have these outcomes: {allowed}"


def check_step(
    existing_steps, *, kind: str, decided_on: date, today: date, outcome: str | None = None
) -> str | None:
    """The reason a step cannot be recorded, or None if it can.

    Steps may be skipped (BCP's Cabinet adopted without a committee recommendation), but
    never dated before an earlier stage's decision, after a later stage's decision, or
    before an earlier decision of the same stage (a deferred item coming back).
    """
    if outcome is not None and outcome_problem(kind, outcome):
        return outcome_problem(kind, outcome)
    if decided_on > today:
        return "The date of the decision must be today or in the past"
    position = ORDER.index(kind)
    for step in existing_steps:
        other = ORDER.index(step.kind)
        if other == position and step.decided_on > decided_on:
            return (
                f"The date must be on or after {step.decided_on:%-d %B %Y}, when the earlier "
                f"{step.get_kind_display()} decision was made"
            )
        if other < position and step.decided_on > decided_on:
            return f"The date must be on or after {step.decided_on:%-d %B %Y}, when {DECIDED[step.kind]}"
        if other > position and step.decided_on < decided_on:
            return f"The date must be on or before {step.decided_on:%-d %B %Y}, when {DECIDED[step.kind]}"
    return None


@transaction.atomic
def record_step(
    route: Route,
    *,
    by,
    kind: str,
    decided_on: date,
    outcome: str,
    meeting: str = "",
    reference: str = "",
    conditions=(),
    today: date,
) -> AdoptionStep:
    """Save a decision on a route, refusing dates out of order, and rewrite the deadlines."""
    route = Route.objects.select_for_update().select_related("version__plan", "council").get(pk=route.pk)
    problem = check_step(route.steps.all(), kind=kind, decided_on=decided_on, today=today, outcome=outcome)
    if problem:
        raise StepOutOfOrder(problem)
    step = AdoptionStep(
        route=route,
        kind=kind,
        decided_on=decided_on,
        outcome=outcome,
        meeting=meeting,
        reference=reference,
        recorded_by=by,
    )
    save_as(step, by)
    for text in conditions:
        condition = Condition(step=step, text=text)
        save_as(condition, by)
    write_plan_deadlines(route.version.plan, today=today)
    if kind == Kind.CRIME_AND_DISORDER_COMMITTEE:
        write_committee_deadlines(route.partnership)
    return step


@transaction.atomic
def rewrite_after_step_change(route_ids, *, today: date | None = None):
    """Rewrite the deadlines a step feeds after it was corrected or removed other than by
    record_step (in the admin): the plan deadlines of each route's plan and the committee
    deadlines of each route's partnership. `route_ids` are the routes the step was on, before
    and after; routes since deleted are skipped."""
    today = today or timezone.localdate()
    ids = {route_id for route_id in route_ids if route_id is not None}
    routes = list(Route.objects.filter(pk__in=ids).select_related("version__plan"))
    for plan in {route.version.plan.pk: route.version.plan for route in routes}.values():
        write_plan_deadlines(plan, today=today)
    for partnership_id in sorted({route.partnership_id for route in routes}):
        write_committee_deadlines(Partnership(pk=partnership_id))


@transaction.atomic
def mark_condition_met(condition: Condition, *, by, met_on: date, today: date) -> Condition:
    condition = (
        Condition.objects.select_for_update()
        .select_related("step__route__version__plan")
        .get(pk=condition.pk)
    )
    if condition.met_on is not None:
        raise StepOutOfOrder(f"This condition was already met on {condition.met_on:%-d %B %Y}")
    if met_on < condition.step.decided_on:
        raise StepOutOfOrder(
            f"The date the condition was met must be on or after {condition.step.decided_on:%-d %B %Y}, "
            "when the agreement was made"
        )
    if met_on > today:
        raise StepOutOfOrder("The date the condition was met must be today or in the past")
    condition.met_on = met_on
    save_as(condition, by)
    write_plan_deadlines(condition.step.route.version.plan, today=today)
    return condition


@transaction.atomic
def add_version(plan: Plan, *, by, today: date, **fields) -> PlanVersion:
    """A new version (or refresh) of a plan, with one route per council of each partnership."""
    version = PlanVersion(plan=plan, **fields)
    save_as(version, by)
    routed = set()
    for partnership in plan.partnerships.order_by("pk"):
        for council in partnership.councils.order_by("pk"):
            # A council in two sharing partnerships (a county in two-tier areas) adopts once.
            if council.pk in routed:
                continue
            routed.add(council.pk)
            route = Route(version=version, partnership=partnership, council=council)
            save_as(route, by)
    write_plan_deadlines(plan, today=today)
    return version


# What an officer types about a version; the document file and its type come with an upload.
TYPED_VERSION_FIELDS = (
    "title",
    "starts_on",
    "ends_on",
    "refresh_year",
    "eqia",
    "eqia_on",
    "eqia_note",
    "published_on",
    "document_link",
)
VERSION_FIELDS = (*TYPED_VERSION_FIELDS, "document", "document_type")


@transaction.atomic
def update_version(version: PlanVersion, *, by, expected_revision: int, today: date, **fields) -> PlanVersion:
    """Save an officer's change to a version (the EqIA signed off, the date it was published),
    refusing it if someone else saved the version after this officer opened it."""
    current = save_if_current(
        PlanVersion.objects.select_related("plan"),
        version.pk,
        by=by,
        counter="revision",
        expected=expected_revision,
        editable=VERSION_FIELDS,
        changes=fields,
    )
    write_plan_deadlines(current.plan, today=today)
    return current


@transaction.atomic
def create_plan(lead_partnership, *, by, title: str, kind: str, partnerships=()) -> Plan:
    """A new plan, led by one partnership and shared by the others given (a pan-area plan).
    It has no deadlines until its first version is added."""
    plan = Plan(title=title, kind=kind, lead_partnership=lead_partnership)
    save_as(plan, by)
    plan.partnerships.set({lead_partnership, *partnerships})
    return plan


def write_plan_deadlines(plan: Plan, *, today: date):
    """Rewrite the deadlines of the plan and of its family (the lead partnership's plans of
    the same kind), since adopting a successor meets its predecessor's expiry deadline."""
    family = list(Plan.objects.for_board().filter(kind=plan.kind, lead_partnership=plan.lead_partnership))
    for member in family:
        _write_deadlines_of(member, today=today, family=family)


@transaction.atomic
def write_committee_deadlines(partnership: Partnership):
    """Rewrite the partnership's Crime & Disorder Committee deadlines (R8), one per council
    from the committee steps on its routes; only its `committee-scrutiny-*` rules are touched.

    The partnership's row is locked first, so two committee steps recorded at once on
    different routes of one partnership are counted one after the other, not each alone.
    """
    partnership = Partnership.objects.select_for_update().get(pk=partnership.pk)
    councils = Council.objects.filter(
        routes__partnership=partnership, routes__steps__kind=Kind.CRIME_AND_DISORDER_COMMITTEE
    ).annotate(last_met_on=Max("routes__steps__decided_on"))
    write_deadlines(
        source=partnership,
        partnership=partnership,
        owner=None,
        link=partnership.get_absolute_url(),
        specs=committee_deadline_specs((council, council.last_met_on) for council in councils),
        rules_prefix=COMMITTEE_RULE_PREFIX,
    )


def plan_deadline_specs(plan: Plan, state: PlanState) -> list[DeadlineSpec]:
    """The plan's own deadlines: its annual refresh (R2, R12) and a new plan by the end of its
    period (R3), met once an adopted successor supersedes it."""
    if state.latest is None:
        return []
    specs = []
    if state.refresh_due_on is not None:
        specs.append(
            DeadlineSpec(
                rule="plan-refresh",
                title=f"{plan.title}: annual refresh due",
                due_on=state.refresh_due_on,
                legal_source=ANNUAL_REFRESH[plan.kind],
                rule_version=RULE_VERSION,
            )
        )
    specs.append(
        DeadlineSpec(
            rule="plan-expiry",
            title=f"{plan.title}: new plan needed by the end of its period",
            due_on=state.latest.ends_on,
            legal_source=R3,
            rule_version=RULE_VERSION,
            met_on=state.latest.ends_on if state.period == "superseded" else None,
        )
    )
    return specs


def route_deadline_specs(
    route: Route, version: PlanVersion, route_st: RouteState | None
) -> list[DeadlineSpec]:
    """Each step still expected on a route of the latest version (R4). Routes of older
    versions (route_st None) keep no deadlines: their refresh replaced them."""
    if route_st is None:
        return []
    return [
        DeadlineSpec(
            rule=f"step-{kind}",
            title=f"{version.title}: {NEXT_STEP_LABEL[kind].lower()} ({route.council.name})",
            due_on=due_on,
            legal_source=R4,
            rule_version=RULE_VERSION,
            met_on=met_on,
        )
        for kind, due_on, met_on in expected_steps(route_st, adopted_by=route.council.adopted_by)
    ]


def _write_deadlines_of(plan: Plan, *, today: date, family):
    state = plan_state(plan, today=today, successors=family)
    write_deadlines(
        source=plan,
        partnership=plan.lead_partnership,
        owner=None,
        link=plan.get_absolute_url(),
        specs=plan_deadline_specs(plan, state),
    )
    current = dict(state.routes)
    for version in plan.versions.all():
        for route in version.routes.all():
            write_deadlines(
                source=route,
                partnership=route.partnership,
                owner=None,
                link=version.get_absolute_url(),
                specs=route_deadline_specs(route, version, current.get(route)),
            )
