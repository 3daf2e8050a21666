"""What goes in the annual scrutiny pack, gathered from the live data into a plain structure
(dates as ISO strings, numbers as text), so the preview, the PDF and the Word file are made
from one snapshot and an issued pack can be compared with the next one.

The shape is the councils' own reports: Dorset's 2019 annual report to Place Scrutiny (seed
000: cover block, recommendations, the partnership, the duty table, DHR counts, plans for
adoption) and BCP's 2022 report (seed 001: KPI tables with a baseline and quarters).

Domestic Homicide Reviews enter only as counts by group, through `dhr.stages.counts`:
whoever builds the pack, no case's reference, pseudonym or detail is ever read here.
"""

from datetime import date

from django.contrib.contenttypes.models import ContentType

from dhr import stages as dhr_stages
from dhr.models import DhrCase
from duties.models import RegisterEntry
from indicators.figures import judge, number
from indicators.models import Indicator, year_label
from meetings.models import Action
from partnerships.models import Membership
from plans import adoption
from plans.models import AdoptionStep, Plan
from reminders.models import Deadline

SCHEMA = 1
COMMITTEE = AdoptionStep.Kind.CRIME_AND_DISORDER_COMMITTEE


def long_date(value) -> str:
    """ "2024-07-23" or a date -> "23 July 2024", as committee papers write dates."""
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def as_at(pack, today: date) -> date:
    """The day the report speaks for: its committee's date, or today if the pack is built
    ahead of the meeting (seed 000 gives its DHR counts as they stood on the report's date)."""
    return min(today, pack.committee_on)


def financial_years(starts_on: date, ends_on: date) -> list[int]:
    """The financial years (April to March, by the year they start) a period touches."""
    first = starts_on.year if starts_on.month >= 4 else starts_on.year - 1
    last = ends_on.year if ends_on.month >= 4 else ends_on.year - 1
    return list(range(first, last + 1))


# --- The parts of the pack, each from one or two queries ---


def the_partnership(partnership) -> dict:
    memberships = Membership.objects.filter(partnership=partnership).select_related("organisation")
    statutory, attending = [], []
    for membership in memberships:
        names = statutory if membership.standing == Membership.Standing.STATUTORY else attending
        names.append(membership.organisation.name)
    return {
        "name": partnership.name,
        "brand": partnership.brand,
        "responsible_authorities": sorted(statutory),
        "attending": sorted(attending),
    }


def duty_rows(partnership, *, today: date) -> list[dict]:
    """One row per statutory duty on the partnership's register: the implementation
    narrative, the status (overdue once past its date) and the next due date, read from the
    deadline table as the dashboard reads it."""
    entries = RegisterEntry.objects.filter(partnership=partnership).for_register(today)
    due = dict(
        Deadline.objects.filter(
            partnership=partnership,
            is_confidential=False,
            rule="duty-due",
            source_type=ContentType.objects.get_for_model(RegisterEntry),
        )
        .open()
        .values_list("source_id", "due_on")
    )
    labels = dict(RegisterEntry.Status.choices)
    rows = []
    for entry in entries:
        next_due = due.get(entry.pk, entry.next_due_on)
        rows.append(
            {
                "code": entry.duty.code,
                "title": entry.duty.title,
                "legal_source": entry.duty.legal_source,
                "implementation": entry.implementation,
                "status": entry.current_status,
                "status_label": labels[entry.current_status],
                "delivered_by": entry.delivered_by.name if entry.delivered_by else "",
                "next_due_on": next_due.isoformat() if next_due else "",
                "overdue": bool(next_due and next_due < today),
            }
        )
    return rows


def dhr_counts(partnership, *, on: date) -> list[list]:
    """Reviews per group as they stood on the day: counts, and nothing else about a case."""
    cases = DhrCase.objects.filter(partnership=partnership).only("pk", "kind").prefetch_related("stages")
    return [[group, count] for group, count in dhr_stages.counts(cases, as_at=on)]


def _route_for(version, council_id):
    return next((route for route in version.routes.all() if route.council_id == council_id), None)


def plan_rows(partnership, council, *, period_starts_on: date, committee_on: date, today: date) -> list[dict]:
    """Each plan still in force in the period, with the council's route as the committee
    will see it: the decisions taken before its meeting, the next step, the EqIA's state.
    A plan whose next step is this committee is one the report recommends for adoption."""
    plans = Plan.objects.filter(partnerships=partnership).for_board().order_by("title")
    rows = []
    for plan in plans:
        versions = list(plan.versions.all())
        if not versions:
            continue
        version = versions[-1]
        route = _route_for(version, council.pk)
        steps = []
        if route is not None:
            steps = [s for s in route.steps.all() if s.decided_on < committee_on and s.decided_on <= today]
        state = adoption.route_state(steps, adopted_by=council.adopted_by, today=committee_on)
        awaits = route is not None and state.next_kind == COMMITTEE
        if version.ends_on < period_starts_on and not awaits:
            continue
        rows.append(
            {
                "title": version.title,
                "plan": plan.title,
                "kind": plan.get_kind_display(),
                "starts_on": version.starts_on.isoformat(),
                "ends_on": version.ends_on.isoformat(),
                "eqia": version.get_eqia_display(),
                "eqia_on": version.eqia_on.isoformat() if version.eqia_on else "",
                "eqia_note": version.eqia_note,
                "document_link": version.document_link,
                "route": [
                    {
                        "step": step.get_kind_display(),
                        "outcome": step.get_outcome_display(),
                        "decided_on": step.decided_on.isoformat(),
                        "meeting": step.meeting,
                        "conditions": [c.text for c in step.conditions.all()],
                    }
                    for step in sorted(steps, key=lambda s: (s.decided_on, s.pk))
                ],
                "current_stage": state.current_stage if route is not None else "No route for this council",
                "next_step": state.next_step or "",
                "awaits_committee": awaits,
            }
        )
    return rows


def indicator_tables(partnership, *, period_starts_on: date, period_ends_on: date) -> list[dict]:
    """One table per financial year of the period, latest first, as seed 001 prints them:
    each indicator's baseline, its quarters and the year's judgement against the baseline or
    target, using only the figures up to that year."""
    indicators = list(Indicator.objects.filter(partnership=partnership).with_figures().order_by("name"))
    tables = []
    for year in reversed(financial_years(period_starts_on, period_ends_on)):
        rows = []
        for indicator in indicators:
            values = list(indicator.values.all())
            of_year = {v.quarter: v.value for v in values if v.year == year}
            if not of_year:
                continue
            judgement = judge(
                [(v.year, v.quarter, v.value) for v in values if v.year <= year],
                direction=indicator.good_direction,
                baseline_year=indicator.baseline_year,
                baseline_value=indicator.baseline_value,
                targets={t.year: t.value for t in indicator.targets.all()},
            )
            rows.append(
                {
                    "name": indicator.name,
                    "priority": indicator.priority,
                    "source": indicator.source,
                    "baseline": (
                        f"{number(indicator.baseline_value)} ({indicator.baseline_label})"
                        if indicator.baseline_year is not None
                        else ""
                    ),
                    "quarters": [number(of_year.get(q)) for q in (1, 2, 3, 4)],
                    "full_year": number(of_year.get(0)),
                    "status": "Baseline year" if year == indicator.baseline_year else judgement.label,
                    "explanation": judgement.explanation,
                }
            )
        if rows:
            tables.append({"year": year_label(year), "rows": rows})
    return tables


def action_progress(partnership, *, period_starts_on: date, period_ends_on: date, today: date) -> dict:
    """The actions live in the period: raised by its end and still open, or done in it.
    Actions from a Domestic Homicide Review's action plan are counted, never described."""
    actions = (
        Action.objects.filter(partnership=partnership, raised_on__lte=period_ends_on)
        .exclude(status=Action.Status.DONE, completed_on__lt=period_starts_on)
        .prefetch_related("owners")
        .order_by("due_on", "pk")
    )
    labels = dict(Action.Status.choices)
    rows, from_reviews = [], 0
    tally = dict.fromkeys(["done", "open", "overdue"], 0)
    for action in actions:
        overdue = action.is_overdue(today)
        tally["done" if action.is_done else "open"] += 1
        tally["overdue"] += overdue
        if action.recommendation_id is not None:
            from_reviews += 1
            continue
        owners = sorted(action.owners.all(), key=lambda user: user.pk)
        rows.append(
            {
                "text": action.text,
                "owners": ", ".join(user.get_full_name() or user.get_username() for user in owners),
                "due_on": action.due_on.isoformat(),
                "status": labels[action.status],
                "overdue": overdue,
            }
        )
    return {**tally, "from_reviews": from_reviews, "rows": rows}


# --- The recommendations the report makes ---


def name_list(names) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def recommendations(*, council_name: str, adopted_by: str, plans: list[dict]) -> list[str]:
    """Seed 000's recommendations: the committee considers the work; the plans whose route
    awaits it are recommended on for adoption (seed 004's wording)."""
    made = ["That members of the committee consider and comment on partners' community safety work."]
    awaiting = [plan["title"] for plan in plans if plan["awaits_committee"]]
    if awaiting:
        to = "Cabinet" if adopted_by == "cabinet" else f"Cabinet and {council_name}"
        made.append(f"That the {name_list(awaiting)} be recommended to {to} for adoption.")
    return made


def gather(pack, *, today: date, progress=lambda percent, note: None) -> dict:
    """The pack's content from the live data, with `progress` told as each part is done."""
    partnership, council = pack.partnership, pack.council
    on = as_at(pack, today)
    progress(10, "Reading the partnership and its members")
    content = {
        "schema": SCHEMA,
        "built_on": today.isoformat(),
        "as_at": on.isoformat(),
        "council": {
            "name": council.name,
            "adopted_by": council.adopted_by,
            "adopted_by_label": council.get_adopted_by_display(),
        },
        "partnership": the_partnership(partnership),
    }
    progress(25, "Reading the duty register")
    content["duties"] = duty_rows(partnership, today=today)
    progress(35, "Counting Domestic Homicide Reviews")
    content["dhr_counts"] = dhr_counts(partnership, on=on)
    progress(45, "Reading plans and their roads to adoption")
    content["plans"] = plan_rows(
        partnership,
        council,
        period_starts_on=pack.period_starts_on,
        committee_on=pack.committee_on,
        today=today,
    )
    content["recommendations"] = recommendations(
        council_name=council.name, adopted_by=council.adopted_by, plans=content["plans"]
    )
    progress(55, "Reading performance indicators")
    content["indicators"] = indicator_tables(
        partnership, period_starts_on=pack.period_starts_on, period_ends_on=pack.period_ends_on
    )
    progress(60, "Reading actions")
    content["actions"] = action_progress(
        partnership, period_starts_on=pack.period_starts_on, period_ends_on=pack.period_ends_on, today=today
    )
    return content


# --- What changed since the last issued pack ---


def changes(previous: dict, current: dict) -> list[dict]:
    """What moved between two packs' content, section by section, in sentences."""
    found = []

    old_duties = {row["code"]: row for row in previous.get("duties", [])}
    duty_changes = []
    for row in current.get("duties", []):
        before = old_duties.pop(row["code"], None)
        if before is None:
            duty_changes.append(f"{row['title']}: new on the register ({row['status_label']})")
            continue
        if before["status_label"] != row["status_label"]:
            duty_changes.append(f"{row['title']}: {before['status_label']} to {row['status_label']}")
        if before["implementation"] != row["implementation"]:
            duty_changes.append(f"{row['title']}: implementation narrative updated")
    duty_changes += [f"{row['title']}: no longer on the register" for row in old_duties.values()]
    found.append({"section": "Statutory duties", "changes": duty_changes})

    old_counts = dict(map(tuple, previous.get("dhr_counts", [])))
    found.append(
        {
            "section": "Domestic Homicide Reviews",
            "changes": [
                f"{group}: {old_counts.get(group, 0)} to {count}"
                for group, count in current.get("dhr_counts", [])
                if old_counts.get(group, 0) != count
            ],
        }
    )

    old_plans = {row["title"]: row for row in previous.get("plans", [])}
    plan_changes = []
    for row in current.get("plans", []):
        before = old_plans.get(row["title"])
        if before is None:
            plan_changes.append(f"{row['title']}: new ({row['current_stage']})")
        elif before["current_stage"] != row["current_stage"]:
            plan_changes.append(f"{row['title']}: {before['current_stage']} to {row['current_stage']}")
        elif before["eqia"] != row["eqia"]:
            plan_changes.append(f"{row['title']}: EqIA {before['eqia'].lower()} to {row['eqia'].lower()}")
    found.append({"section": "Plans and strategies", "changes": plan_changes})

    def figures(content):
        return {
            (table["year"], row["name"]): (*row["quarters"], row["full_year"])
            for table in content.get("indicators", [])
            for row in table["rows"]
        }

    old_figures, new_figures = figures(previous), figures(current)
    found.append(
        {
            "section": "Performance indicators",
            "changes": [
                f"{name}: figures for {year} {'added' if (year, name) not in old_figures else 'updated'}"
                for (year, name), values in new_figures.items()
                if old_figures.get((year, name)) != values
            ],
        }
    )
    old_actions, new_actions = previous.get("actions", {}), current.get("actions", {})
    found.append(
        {
            "section": "Actions",
            "changes": [
                f"Actions done: {old_actions.get('done', 0)} to {new_actions.get('done', 0)}",
                f"Actions open: {old_actions.get('open', 0)} to {new_actions.get('open', 0)}",
            ]
            if (old_actions.get("done"), old_actions.get("open"))
            != (new_actions.get("done"), new_actions.get("open"))
            else [],
        }
    )
    return found


def last_issued(pack):
    """The latest pack issued for the same partnership and council before this one."""
    from scrutiny.models import Pack

    return (
        Pack.objects.issued()
        .filter(partnership_id=pack.partnership_id, council_id=pack.council_id)
        .exclude(pk=pack.pk)
        .order_by("-issued_at", "-pk")
        .only("pk", "title", "issued_at", "content")
        .first()
    )


def since_last(pack, content: dict) -> dict:
    previous = last_issued(pack)
    if previous is None:
        return {"title": "", "issued_on": "", "sections": []}
    return {
        "title": previous.title,
        "issued_on": previous.issued_at.date().isoformat(),
        "sections": changes(previous.content, content),
    }
