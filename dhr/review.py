"""The write functions of a Domestic Homicide Review: one per officer action.

Each locks the case row, checks the action against the rules of dhr.stages, saves with
the acting user on the history record, and rewrites the case's deadlines. Bad input is
refused with a ReviewRefused whose message can be shown to the officer; nothing is saved.
"""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction

from csp_tracker.audit import save_as, save_if_current
from dhr.models import Cost, DhrCase, Document, Imr, Pause, Recommendation, StageRecord
from dhr.stages import check_stage, in_a_sentence, in_order
from dhr.timescales import RULE_VERSION, due_dates
from reminders.deadlines import DeadlineSpec, write_deadlines

Stage = StageRecord.Stage

# Deadline titles may reach reminder emails and calendars: never a reference or pseudonym.
NEEDS_ATTENTION = "A Domestic Homicide Review needs attention"
IMR_SOURCE = "Local deadline set when the IMR was requested"
RECOMMENDATION_SOURCE = "The review's action plan; Domestic Abuse Commissioner's oversight of recommendations"


class ReviewRefused(ValueError):
    """The action cannot be recorded as given. Nothing was saved."""


def _on(day: date) -> str:
    return f"{day:%-d %B %Y}"


def _lock(case) -> DhrCase:
    pk = case if isinstance(case, int) else case.pk
    return DhrCase.objects.select_for_update().select_related("partnership").get(pk=pk)


def _not_in_future(day: date, *, today: date, what: str):
    if day > today:
        raise ReviewRefused(f"The {what} must be today or in the past")


@transaction.atomic
def open_case(
    partnership,
    *,
    by,
    reference: str,
    pseudonym: str,
    kind: str,
    notified_on: date,
    today: date,
    uses_dardr_name: bool = False,
    lead_csp: str = "",
) -> DhrCase:
    """A new review, from the notification of a death, with its notification stage."""
    reference, pseudonym = reference.strip(), pseudonym.strip()
    if not reference:
        raise ReviewRefused("Give the review a reference, e.g. DHR 2026/01")
    if not pseudonym:
        raise ReviewRefused("Give the pseudonym agreed with the family, e.g. Adult B")
    if kind not in DhrCase.Kind.values:
        raise ReviewRefused("Choose what kind of review this is")
    problem = check_stage([], stage=Stage.NOTIFICATION, reached_on=notified_on, today=today)
    if problem:
        raise ReviewRefused(problem)
    if DhrCase.objects.filter(partnership=partnership, reference=reference).exists():
        raise ReviewRefused(f"A review with reference {reference} exists")
    case = DhrCase(
        partnership=partnership,
        reference=reference,
        pseudonym=pseudonym,
        kind=kind,
        uses_dardr_name=uses_dardr_name,
        lead_csp=lead_csp,
    )
    case._history_user = by
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:  # someone saved the same reference a moment ago
        raise ReviewRefused(f"A review with reference {reference} exists") from None
    record = StageRecord(case=case, stage=Stage.NOTIFICATION, reached_on=notified_on, recorded_by=by)
    save_as(record, by)
    write_case_deadlines(case, today=today)
    return case


# What an officer may change about a review after opening it; stages have their own actions.
CASE_FIELDS = ("pseudonym", "uses_dardr_name", "lead_csp", "chair_name", "decision_reasons", "learning")


@transaction.atomic
def update_case(case, *, by, expected_revision: int, today: date, **fields) -> DhrCase:
    """Change a review's details (its pseudonym, the independent chair, the learning captured),
    refused with StaleEdit if someone else saved the review after this officer opened it."""
    if "pseudonym" in fields:
        fields["pseudonym"] = fields["pseudonym"].strip()
        if not fields["pseudonym"]:
            raise ReviewRefused("Give the pseudonym agreed with the family, e.g. Adult B")
    current = save_if_current(
        DhrCase.objects.select_related("partnership"),
        case.pk,
        by=by,
        counter="revision",
        expected=expected_revision,
        editable=CASE_FIELDS,
        changes=fields,
    )
    write_case_deadlines(current, today=today)
    return current


@transaction.atomic
def record_stage(case, *, by, stage: str, reached_on: date, today: date, outcome: str = "", notes: str = ""):
    """The review reached a stage on a date (with the outcome of a decision or QA letter)."""
    case = _lock(case)
    if stage not in Stage.values:
        raise ReviewRefused("Choose a stage")
    problem = check_stage(
        list(case.stages.all()),
        stage=stage,
        reached_on=reached_on,
        outcome=outcome,
        notes=notes,
        today=today,
        kind=case.kind,
    )
    if problem:
        raise ReviewRefused(problem)
    if stage == Stage.CLOSED:
        open_count = case.recommendations.exclude(status=Recommendation.Status.COMPLETE).count()
        if open_count == 1:
            raise ReviewRefused("1 recommendation is not complete")
        if open_count:
            raise ReviewRefused(f"{open_count} recommendations are not complete")
    record = StageRecord(
        case=case, stage=stage, reached_on=reached_on, outcome=outcome, notes=notes, recorded_by=by
    )
    save_as(record, by)
    write_case_deadlines(case, today=today)
    return record


@transaction.atomic
def correct_stage(record: StageRecord, *, by, reached_on: date, notes: str, today: date) -> StageRecord:
    """Put right the date or notes of a stage recorded by mistake; history keeps the old values."""
    case = _lock(record.case_id)
    records = in_order(case.stages.all())
    record = next((r for r in records if r.pk == record.pk), None)
    if record is None:
        raise ReviewRefused("This stage is no longer recorded")
    _not_in_future(reached_on, today=today, what="date")
    index = records.index(record)
    before = records[index - 1] if index > 0 else None
    after = records[index + 1] if index + 1 < len(records) else None
    if before is not None and reached_on < before.reached_on:
        raise ReviewRefused(
            f"The date must be on or after {_on(before.reached_on)}, "
            f"when {in_a_sentence(before.get_stage_display())} was recorded"
        )
    if after is not None and reached_on > after.reached_on:
        raise ReviewRefused(
            f"The date must be on or before {_on(after.reached_on)}, "
            f"when {in_a_sentence(after.get_stage_display())} was recorded"
        )
    record.reached_on = reached_on
    record.notes = notes
    save_as(record, by)
    write_case_deadlines(case, today=today)
    return record


@transaction.atomic
def pause(case, *, by, reason: str, starts_on: date, today: date, notes: str = "") -> Pause:
    """The review's clocks stop (a trial, an inquest, Home Office QA) from a date."""
    case = _lock(case)
    if reason not in Pause.Reason.values:
        raise ReviewRefused("Choose why the review is paused")
    _not_in_future(starts_on, today=today, what="date the pause starts")
    current = case.pauses.filter(ends_on__isnull=True).first()
    if current is not None:
        raise ReviewRefused(
            f"The review is already paused ({current.get_reason_display().lower()} "
            f"since {_on(current.starts_on)}): end that pause first"
        )
    notified = case.stages.filter(stage=Stage.NOTIFICATION).order_by("reached_on").first()
    if notified is not None and starts_on < notified.reached_on:
        raise ReviewRefused(f"A pause cannot start before the notification on {_on(notified.reached_on)}")
    record = Pause(case=case, reason=reason, starts_on=starts_on, notes=notes)
    save_as(record, by)
    write_case_deadlines(case, today=today)
    return record


@transaction.atomic
def resume(pause: Pause, *, by, ends_on: date, today: date) -> Pause:
    """The pause ends and the clocks start again."""
    case = _lock(pause.case_id)
    pause = Pause.objects.select_for_update().get(pk=pause.pk)
    if pause.ends_on is not None:
        raise ReviewRefused(f"This pause already ended on {_on(pause.ends_on)}")
    if ends_on < pause.starts_on:
        raise ReviewRefused(f"The pause cannot end before it started on {_on(pause.starts_on)}")
    _not_in_future(ends_on, today=today, what="date the pause ends")
    pause.ends_on = ends_on
    save_as(pause, by)
    write_case_deadlines(case, today=today)
    return pause


@transaction.atomic
def request_imr(
    case, *, by, agency, requested_on: date, due_on: date, today: date, chronology_only: bool = False
) -> Imr:
    """An agency is asked for its Individual Management Review (or a chronology only)."""
    case = _lock(case)
    _not_in_future(requested_on, today=today, what="date the IMR was requested")
    if due_on < requested_on:
        raise ReviewRefused(f"The IMR cannot be due before it was requested on {_on(requested_on)}")
    imr = Imr(
        case=case, agency=agency, requested_on=requested_on, due_on=due_on, chronology_only=chronology_only
    )
    save_as(imr, by)
    write_case_deadlines(case, today=today)
    return imr


@transaction.atomic
def receive_imr(imr: Imr, *, by, received_on: date, today: date, summary: str = "") -> Imr:
    """The agency's IMR arrived, with what it found in a few lines."""
    case = _lock(imr.case_id)
    imr = Imr.objects.select_for_update().get(pk=imr.pk)
    if imr.received_on is not None:
        raise ReviewRefused(f"This IMR was already received on {_on(imr.received_on)}")
    if received_on < imr.requested_on:
        raise ReviewRefused(f"The IMR cannot be received before it was requested on {_on(imr.requested_on)}")
    _not_in_future(received_on, today=today, what="date the IMR was received")
    imr.received_on = received_on
    imr.summary = summary
    save_as(imr, by)
    write_case_deadlines(case, today=today)
    return imr


@transaction.atomic
def add_recommendation(case, *, by, text: str, owner, due_on: date, today: date) -> Recommendation:
    """A recommendation of the action plan, with the agency that owns it and its date."""
    case = _lock(case)
    text = text.strip()
    if not text:
        raise ReviewRefused("Give the text of the recommendation")
    rec = Recommendation(case=case, text=text, owner=owner, due_on=due_on)
    save_as(rec, by)
    write_case_deadlines(case, today=today)
    return rec


@transaction.atomic
def update_recommendation(
    rec: Recommendation, *, by, status: str, evidence: str, reviewed_on: date, today: date
) -> Recommendation:
    """Progress on a recommendation, as reported at an action plan review."""
    case = _lock(rec.case_id)
    rec = Recommendation.objects.select_for_update().get(pk=rec.pk)
    if status not in Recommendation.Status.values:
        raise ReviewRefused("Choose the recommendation's status")
    if status == Recommendation.Status.COMPLETE and not evidence.strip():
        raise ReviewRefused("Give the evidence that the recommendation is complete")
    _not_in_future(reviewed_on, today=today, what="date of the review of progress")
    rec.status = status
    rec.evidence = evidence
    rec.last_reviewed_on = reviewed_on
    save_as(rec, by)
    write_case_deadlines(case, today=today)
    return rec


@transaction.atomic
def add_cost(case, *, by, description: str, amount, incurred_on: date, paid_by) -> Cost:
    """A cost of the review (the chair's fees, say) and the partner who pays it.
    Costs carry no deadlines, so the case's deadlines are left as they are."""
    case = _lock(case)
    description = description.strip()
    if not description:
        raise ReviewRefused("Say what the cost is for")
    try:
        amount = Decimal(str(amount))
    except InvalidOperation:
        raise ReviewRefused("The amount must be a sum of money, e.g. 1250.00") from None
    if not amount.is_finite() or amount < 0:
        raise ReviewRefused("The amount must be a sum of money, e.g. 1250.00")
    if amount != amount.quantize(Decimal("0.01")) or amount >= Decimal("100000000"):
        raise ReviewRefused("The amount must be a sum of money in pounds and pence under £100,000,000")
    cost = Cost(case=case, description=description, amount=amount, incurred_on=incurred_on, paid_by=paid_by)
    save_as(cost, by)
    return cost


@transaction.atomic
def add_document(case, *, by, kind: str, title: str, upload, imr: Imr | None = None) -> Document:
    """Keep an IMR, chronology, report or letter with the review. The upload has passed
    duties.evidence.check_upload, which found its type from its content."""
    case = _lock(case)
    if kind not in Document.Kind.values:
        raise ReviewRefused("Choose what the document is")
    if imr is not None and imr.case_id != case.pk:
        raise ReviewRefused("That IMR belongs to another review")
    title = title.strip() or upload.name
    document = Document(
        case=case,
        imr=imr,
        kind=kind,
        title=title,
        file=upload,
        content_type=upload.detected_content_type,
        uploaded_by=by,
    )
    return save_as(document, by)


def _attention(what: str) -> str:
    return f"{NEEDS_ATTENTION}: {in_a_sentence(what)}"


def case_deadline_specs(case, *, stages, pauses, imrs, recommendations, nation: str, today: date):
    """The deadlines of a review, from its parts already fetched: its statutory dates, each
    IMR awaited and each recommendation not complete. No title names the case. Shared with
    the scale generator, which writes them in bulk."""
    specs = [
        DeadlineSpec(
            rule=f"dhr-{due.rule}",
            title=_attention(due.what),
            due_on=due.due_on,
            legal_source=due.source,
            rule_version=RULE_VERSION,
            met_on=due.met_on,
        )
        for due in due_dates(case, stages, pauses, nation=nation, today=today)
    ]
    for imr in imrs:
        if imr.received_on is None:
            what = "chronology" if imr.chronology_only else "IMR"
            specs.append(
                DeadlineSpec(
                    rule=f"dhr-imr-{imr.pk}",
                    title=_attention(f"{what} due from {imr.agency.name}"),
                    due_on=imr.due_on,
                    legal_source=IMR_SOURCE,
                    rule_version=RULE_VERSION,
                )
            )
    for rec in recommendations:
        if rec.status != Recommendation.Status.COMPLETE:
            specs.append(
                DeadlineSpec(
                    rule=f"dhr-rec-{rec.pk}",
                    title=_attention(f"recommendation owned by {rec.owner.name} due"),
                    due_on=rec.due_on,
                    legal_source=RECOMMENDATION_SOURCE,
                    rule_version=RULE_VERSION,
                )
            )
    return specs


def write_case_deadlines(case, *, today: date):
    """Make the deadline table hold the case's deadlines (case_deadline_specs), confidential.
    The case is the one its caller locked, not fetched again."""
    specs = case_deadline_specs(
        case,
        stages=list(case.stages.all()),
        pauses=list(case.pauses.all()),
        imrs=case.imrs.filter(received_on__isnull=True).select_related("agency"),
        recommendations=case.recommendations.exclude(status=Recommendation.Status.COMPLETE).select_related(
            "owner"
        ),
        nation=case.partnership.nation,
        today=today,
    )
    write_deadlines(
        source=case,
        partnership=case.partnership,
        owner=None,
        link=f"/dhr/cases/{case.pk}/",
        specs=specs,
        confidential=True,
    )


def refresh_paused_deadlines(*, today: date) -> int:
    """While a pause lasts, each day moves the review's statutory dates a day later; rewrite
    the deadlines of every review paused now so the deadline table keeps up. Returns how many."""
    paused = DhrCase.objects.filter(pauses__ends_on__isnull=True).select_related("partnership").distinct()
    count = 0
    for case in paused:
        with transaction.atomic():
            write_case_deadlines(case, today=today)
        count += 1
    return count
