"""What the DHR list and dashboard show of each review: where it is, for how long, against
which statutory date, and whether it is paused. Pure functions over cases whose stages and
pauses are prefetched, so a page costs the same few queries however many reviews it lists."""

from dataclasses import dataclass
from datetime import date
from statistics import median

from dhr import stages as dhr_stages
from dhr.models import DhrCase, Pause, StageRecord
from dhr.timescales import Due, due_dates

Stage = StageRecord.Stage
Outcome = StageRecord.Outcome


@dataclass(frozen=True)
class ReviewRow:
    case: DhrCase
    group: str
    stage: StageRecord | None
    days_in_stage: int
    next_due: Due | None
    paused: Pause | None
    today: date
    dues: tuple[Due, ...] = ()

    @property
    def overdue(self) -> bool:
        return self.next_due is not None and self.next_due.due_on < self.today

    @property
    def days_to_next_due(self) -> int | None:
        """Days left before the next statutory date (negative once it has passed)."""
        return None if self.next_due is None else (self.next_due.due_on - self.today).days

    @property
    def days_overdue(self) -> int:
        return -self.days_to_next_due if self.overdue else 0

    @property
    def is_open(self) -> bool:
        return self.group not in ("Closed", "Referrals that did not become a full review")


def review_row(case: DhrCase, *, today: date) -> ReviewRow:
    records = list(case.stages.all())
    pauses = list(case.pauses.all())
    last = dhr_stages.current(records)
    dues = tuple(due_dates(case, records, pauses, nation=case.partnership.nation, today=today))
    unmet = [due for due in dues if due.met_on is None]
    return ReviewRow(
        case=case,
        group=dhr_stages.group(case, records),
        stage=last,
        days_in_stage=(today - last.reached_on).days if last else 0,
        next_due=min(unmet, key=lambda due: due.due_on) if unmet else None,
        paused=next((p for p in pauses if p.ends_on is None), None),
        today=today,
        dues=dues,
    )


def review_rows(cases, *, today: date) -> list[ReviewRow]:
    return [review_row(case, today=today) for case in cases]


def by_stage(rows) -> list[tuple[str, int]]:
    """Open reviews per stage reached, in the order of the stages; stages with none left out."""
    tally = {}
    for row in rows:
        if row.is_open and row.stage is not None:
            label = row.stage.get_stage_display()
            if row.stage.outcome:
                label = f"{label}: {row.stage.get_outcome_display().lower()}"
            key = (dhr_stages.RANK[row.stage.stage], label)
            tally[key] = tally.get(key, 0) + 1
    return [(label, count) for (_, label), count in sorted(tally.items())]


def decision_to_submission_days(cases) -> list[int]:
    """Days from the decision to commission to the first submission to the Home Office,
    for each review that has reached both."""
    days = []
    for case in cases:
        records = list(case.stages.all())
        decided = [
            r.reached_on for r in records if r.stage == Stage.DECISION and r.outcome == Outcome.COMMISSIONED
        ]
        submitted = [r.reached_on for r in records if r.stage == Stage.SUBMITTED]
        if decided and submitted:
            days.append((min(submitted) - min(decided)).days)
    return days


def median_days(days: list[int]) -> float | None:
    return median(days) if days else None
