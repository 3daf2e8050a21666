"""The statutory and local timescales of a review (domain.md section 9, R17-R23).

Each rule names its source and the version of the guidance it follows, so a change of
guidance (new DHR/DARDR guidance, VPA 2024 s19 commencing) is a new rule version, not a
silent move of past dates. Local targets are settings (DHR_TIMESCALES). Pauses stop the
clocks: each day a pause lasts after a clock starts moves its date a day later. Welsh
reviews (Single Unified Safeguarding Reviews) get none of England's timers (R28).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings

from dhr.models import DhrCase, StageRecord
from plans.adoption import add_months

Stage = StageRecord.Stage
Outcome = StageRecord.Outcome

RULE_VERSION = "DHR statutory guidance 2016"
GUIDANCE = "Multi-agency Statutory Guidance for the Conduct of Domestic Homicide Reviews (2016)"

DEFAULTS = {
    "decide_months": 1,  # R17
    "complete_months": 6,  # R19
    "resubmit_months": 2,  # R20, local
    "online_months": 12,  # R21
    "commissioner_days": 14,  # R22
    "action_plan_months": 3,  # R23, local (Dorset: quarterly)
}


def timescales():
    return {**DEFAULTS, **getattr(settings, "DHR_TIMESCALES", {})}


@dataclass(frozen=True)
class Due:
    rule: str
    what: str
    due_on: date
    met_on: date | None
    source: str


def paused_days(pauses, since: date, until: date, *, today: date | None = None) -> int:
    """Days between `since` and `until` covered by pauses; an open pause runs to today
    (or to `until` when no today is given)."""
    days = set()
    for pause in pauses:
        start = max(pause.starts_on, since)
        end = min(pause.ends_on or today or until, until)
        days.update(start + timedelta(days=n) for n in range((end - start).days + 1) if start <= end)
    return len(days)


def _first(records, stage, outcome=None):
    found = [r for r in records if r.stage == stage and (outcome is None or r.outcome == outcome)]
    return min(found, key=lambda r: r.reached_on) if found else None


def _last(records, stage, outcome=None):
    found = [r for r in records if r.stage == stage and (outcome is None or r.outcome == outcome)]
    return max(found, key=lambda r: r.reached_on) if found else None


def due_dates(case: DhrCase, records, pauses, *, nation: str, today: date) -> list[Due]:
    """Every statutory date of the review, met or not, with the clock stopped during pauses."""
    if case.kind in (DhrCase.Kind.WALES_SUSR, DhrCase.Kind.LED_BY_ANOTHER_CSP) or nation == "wales":
        return []
    records = list(records)
    pauses = list(pauses)
    limits = timescales()
    due = []

    def clock(start: date, nominal: date, met: date | None) -> date:
        """The due date once every paused day before it has been added back: a pause that
        begins after the date has passed (or after the step was met) does not move it."""
        due = nominal
        while True:
            until = min(due, met) if met else due
            moved = nominal + timedelta(days=paused_days(pauses, start, until, today=today))
            if moved == due:
                return due
            due = moved

    notified = _first(records, Stage.NOTIFICATION)
    decided = _first(records, Stage.DECISION)
    if notified:
        nominal = add_months(notified.reached_on, limits["decide_months"])
        met = decided.reached_on if decided else None
        due.append(
            Due(
                "R17",
                "Decide whether to commission a review",
                clock(notified.reached_on, nominal, met),
                met,
                GUIDANCE,
            )
        )
        told = _first(records, Stage.HOME_OFFICE_TOLD)
        # R18: with the decision, and not later than a month after notification.
        target = decided.reached_on if decided else clock(notified.reached_on, nominal, None)
        due.append(
            Due(
                "R18",
                "Tell the Home Office the decision",
                target,
                told.reached_on if told else None,
                GUIDANCE,
            )
        )
    commissioned = _first(records, Stage.DECISION, Outcome.COMMISSIONED)
    if commissioned:
        submitted = _first(records, Stage.SUBMITTED)
        nominal = add_months(commissioned.reached_on, limits["complete_months"])
        met = submitted.reached_on if submitted else None
        due.append(
            Due(
                "R19",
                "Complete the review and submit it to the Home Office",
                clock(commissioned.reached_on, nominal, met),
                met,
                GUIDANCE,
            )
        )
    asked = _last(records, Stage.QA_OUTCOME, Outcome.RESUBMIT)
    if asked:
        again = [r for r in records if r.stage == Stage.SUBMITTED and r.reached_on >= asked.reached_on]
        met = min(r.reached_on for r in again) if again else None
        nominal = add_months(asked.reached_on, limits["resubmit_months"])
        due.append(
            Due(
                "R20",
                "Resubmit to the Home Office",
                clock(asked.reached_on, nominal, met),
                met,
                "Local target",
            )
        )
    published = _first(records, Stage.PUBLISHED)
    if published:
        # Not a task to do by a date but a date before which the report must not come down:
        # it counts as met once the day has come.
        online_until = add_months(published.reached_on, limits["online_months"])
        due.append(
            Due(
                "R21",
                "Keep the published report online",
                online_until,
                online_until if today >= online_until else None,
                GUIDANCE,
            )
        )
    cleared = _first(records, Stage.QA_OUTCOME, Outcome.CONTENT_TO_PUBLISH) or _first(
        records, Stage.QA_OUTCOME, Outcome.PUBLISH_AFTER_CHANGES
    )
    if cleared:
        sent = _first(records, Stage.SENT_TO_COMMISSIONER)
        due.append(
            Due(
                "R22",
                "Send the report to the Domestic Abuse Commissioner",
                cleared.reached_on + timedelta(days=limits["commissioner_days"]),
                sent.reached_on if sent else None,
                "Victims and Prisoners Act 2024 s19 (prospective); Domestic Abuse Commissioner's oversight",
            )
        )
        if not _first(records, Stage.CLOSED):
            reviewed = _last(records, Stage.ACTION_PLAN_MONITORED)
            start = reviewed.reached_on if reviewed else cleared.reached_on
            due.append(
                Due(
                    "R23",
                    "Review the action plan's progress",
                    add_months(start, limits["action_plan_months"]),
                    None,
                    "Local",
                )
            )
    if _first(records, Stage.CLOSED):
        # A closed review owes nothing more: what was not met by then stays off the lists.
        return [item for item in due if item.met_on is not None]
    return due
