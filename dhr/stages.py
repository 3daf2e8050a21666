"""The order of a review's stages (domain.md 6.2): what may be recorded next, and when.

Pure functions over stage records already fetched; the write functions that use them come
with the DHR pages.
"""

from datetime import date

from dhr.models import DhrCase, StageRecord

Stage = StageRecord.Stage
Outcome = StageRecord.Outcome

ORDER = [
    Stage.NOTIFICATION,
    Stage.SCOPING,
    Stage.DECISION,
    Stage.HOME_OFFICE_TOLD,
    Stage.FAMILY_TOLD,
    Stage.CHAIR_APPOINTED,
    Stage.PANEL_AND_TERMS,
    Stage.IMRS_REQUESTED,
    Stage.IMRS_RECEIVED,
    Stage.DRAFT_REPORT,
    Stage.FAMILY_SEES_REPORT,
    Stage.CSP_SIGN_OFF,
    Stage.SUBMITTED,
    Stage.QA_OUTCOME,
    Stage.PUBLISHED,
    Stage.NOT_PUBLISHED,
    Stage.SENT_TO_COMMISSIONER,
    Stage.ACTION_PLAN_MONITORED,
    Stage.CLOSED,
]
# Publishing and deciding not to publish are alternatives at the same point.
RANK = {stage: index for index, stage in enumerate(ORDER)}
RANK[Stage.NOT_PUBLISHED] = RANK[Stage.PUBLISHED]
OUTCOMES = {
    Stage.DECISION: {Outcome.COMMISSIONED, Outcome.NOT_COMMISSIONED},
    Stage.CSP_SIGN_OFF: {Outcome.TO_PUBLISH, Outcome.NOT_TO_PUBLISH},
    Stage.QA_OUTCOME: {Outcome.CONTENT_TO_PUBLISH, Outcome.PUBLISH_AFTER_CHANGES, Outcome.RESUBMIT},
}
# Stages whose notes must say why: the decision (commission or not) and not publishing.
NEEDS_REASONS = {Stage.DECISION, Stage.NOT_PUBLISHED}
# A review led by another CSP keeps only its IMRs and actions here, between these two.
LED_ELSEWHERE_STAGES = {Stage.NOTIFICATION, Stage.CLOSED}
# After a decision not to review, the Home Office is told and the case closes.
AFTER_NO_REVIEW = {Stage.HOME_OFFICE_TOLD, Stage.CLOSED}
# Stages that may repeat: the action plan is reviewed every quarter.
REPEATABLE = {Stage.ACTION_PLAN_MONITORED}


def in_a_sentence(label: str) -> str:
    """A stage's name inside a sentence: "decision whether to commission", but "IMRs and
    chronologies received", "CSP sign-off" and "Home Office told" keep their capitals."""
    words = label.split()
    if label[1:2].isupper() or (len(words) > 1 and words[1][:1].isupper()):
        return label
    return label[:1].lower() + label[1:]


def in_order(records):
    return sorted(records, key=lambda record: (record.reached_on, RANK[record.stage], record.pk or 0))


def current(records):
    """The latest stage reached, or None before notification."""
    records = in_order(records)
    return records[-1] if records else None


def not_reviewed(records) -> bool:
    return any(r.stage == Stage.DECISION and r.outcome == Outcome.NOT_COMMISSIONED for r in records)


def check_stage(
    records, *, stage: str, reached_on: date, outcome: str = "", notes: str = "", today: date, kind: str = ""
) -> str | None:
    """Why this stage cannot be recorded with this date and outcome, or None if it can.

    Stages go forward in order and never before the date of the last one. The Home Office
    QA loop may repeat: after "revise and resubmit" the review is submitted again.
    """
    label = Stage(stage).label
    if reached_on > today:
        return "The date must be today or in the past"
    allowed = OUTCOMES.get(stage)
    if allowed and outcome not in allowed:
        choices = ", ".join(str(Outcome(value).label).lower() for value in sorted(allowed))
        return f"Choose the outcome of the {in_a_sentence(label)}: {choices}"
    if not allowed and outcome:
        return f"{label} has no outcome to choose"
    if stage in NEEDS_REASONS and not notes.strip():
        return "Give the reasons in the notes"
    if kind == DhrCase.Kind.LED_BY_ANOTHER_CSP and stage not in LED_ELSEWHERE_STAGES:
        return "A review led by another CSP keeps only its IMRs and actions here: record its stages there"
    last = current(records)
    if last is None:
        return None if stage == Stage.NOTIFICATION else "Record the notification first"
    if reached_on < last.reached_on:
        return f"The date must be on or after {last.reached_on:%-d %B %Y}, when {in_a_sentence(last.get_stage_display())} was recorded"
    if last.stage == Stage.CLOSED:
        return "The review is closed"
    if not_reviewed(records) and stage not in AFTER_NO_REVIEW:
        return "After a decision not to review, only telling the Home Office and closing the case remain"
    resubmitting = (
        last.stage == Stage.QA_OUTCOME and last.outcome == Outcome.RESUBMIT and stage == Stage.SUBMITTED
    )
    if resubmitting:
        return None
    if stage == Stage.SUBMITTED and last.stage == Stage.QA_OUTCOME:
        return "The Quality Assurance Panel did not ask for the review to be resubmitted"
    stance = next((r.outcome for r in reversed(in_order(records)) if r.stage == Stage.CSP_SIGN_OFF), "")
    if stage == Stage.PUBLISHED and stance == Outcome.NOT_TO_PUBLISH:
        return "The CSP decided at sign-off not to publish: record the decision not to publish instead"
    same_again = stage == last.stage and stage in REPEATABLE
    if RANK[stage] < RANK[last.stage] or (stage == last.stage and not same_again):
        return f"{label} cannot come after {in_a_sentence(last.get_stage_display())}"
    return None


# The groups a partnership reports its reviews in (seed 000's duty table, seed 001 §56).
GROUPS = [
    "Scoping",
    "In progress",
    "With the Home Office",
    "Completed",
    "Closed",
    "Referrals that did not become a full review",
    "Led by other CSPs",
]
COMPLETED = {Stage.PUBLISHED, Stage.NOT_PUBLISHED, Stage.SENT_TO_COMMISSIONER, Stage.ACTION_PLAN_MONITORED}


def group(case, records) -> str:
    """Which reported group a review is in: the only thing about it that people who are
    not DHR-cleared may know."""
    if case.kind == DhrCase.Kind.LED_BY_ANOTHER_CSP:
        return "Led by other CSPs"
    if case.kind == DhrCase.Kind.REFERRAL_NOT_PROGRESSED or not_reviewed(records):
        return "Referrals that did not become a full review"
    last = current(records)
    if last is None or RANK[last.stage] <= RANK[Stage.DECISION]:
        return "Scoping"
    if last.stage == Stage.CLOSED:
        return "Closed"
    if last.stage == Stage.SUBMITTED:
        return "With the Home Office"
    if last.stage == Stage.QA_OUTCOME:
        # Asked to resubmit: the review is being revised, so it is in progress again.
        return "In progress" if last.outcome == Outcome.RESUBMIT else "Completed"
    if last.stage in COMPLETED:
        return "Completed"
    return "In progress"


def counts(cases, *, as_at: date | None = None) -> list[tuple[str, int]]:
    """Reviews per group, every group listed, from cases with their stages prefetched. With
    `as_at`, the groups as they stood that day (for a report covering an earlier year);
    reviews not yet notified by then are left out."""
    tally = dict.fromkeys(GROUPS, 0)
    for case in cases:
        records = [r for r in case.stages.all() if as_at is None or r.reached_on <= as_at]
        if records or as_at is None:
            tally[group(case, records)] += 1
    return list(tally.items())


def next_stages(records, *, kind: str) -> list[str]:
    """The stages that may be recorded next, whatever their date, outcome or notes: what the
    officer is offered on the form (check_stage still judges what they submit)."""
    last = current(records)
    on = last.reached_on if last else date.min
    return [
        stage
        for stage in ORDER
        if check_stage(
            records,
            stage=stage,
            reached_on=on,
            outcome=min(OUTCOMES.get(stage, {""})),
            notes="reasons given",
            today=date.max,
            kind=kind,
        )
        is None
    ]
