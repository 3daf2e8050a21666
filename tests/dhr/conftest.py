"""Reviews built through the write functions, as an officer would build them."""

from datetime import date

import pytest
from django.utils import timezone

from dhr import review
from dhr.models import DhrCase, StageRecord
from tests.factories import OrganisationFactory

Stage = StageRecord.Stage
Outcome = StageRecord.Outcome

# A commissioned review that has received its IMRs, in dates long past.
TO_IMRS_RECEIVED = [
    (Stage.SCOPING, date(2025, 1, 10), "", ""),
    (Stage.DECISION, date(2025, 1, 20), Outcome.COMMISSIONED, "The criteria are met"),
    (Stage.HOME_OFFICE_TOLD, date(2025, 1, 21), "", ""),
    (Stage.FAMILY_TOLD, date(2025, 1, 22), "", "AAFDA advocacy offered"),
    (Stage.CHAIR_APPOINTED, date(2025, 2, 1), "", ""),
    (Stage.PANEL_AND_TERMS, date(2025, 2, 20), "", ""),
    (Stage.IMRS_REQUESTED, date(2025, 3, 1), "", ""),
    (Stage.IMRS_RECEIVED, date(2025, 5, 1), "", ""),
]
TO_SUBMITTED = TO_IMRS_RECEIVED + [
    (Stage.DRAFT_REPORT, date(2025, 6, 1), "", ""),
    (Stage.FAMILY_SEES_REPORT, date(2025, 6, 15), "", ""),
    (Stage.CSP_SIGN_OFF, date(2025, 7, 1), Outcome.TO_PUBLISH, ""),
    (Stage.SUBMITTED, date(2025, 7, 10), "", ""),
]


def make_review(partnership, by, reference, pseudonym="Adult B", stages=(), **kwargs):
    today = timezone.localdate()
    case = review.open_case(
        partnership,
        by=by,
        reference=reference,
        pseudonym=pseudonym,
        kind=kwargs.pop("kind", DhrCase.Kind.FULL_REVIEW),
        notified_on=date(2025, 1, 2),
        today=today,
        **kwargs,
    )
    for stage, on, outcome, notes in stages:
        review.record_stage(
            case, by=by, stage=stage, reached_on=on, outcome=outcome, notes=notes, today=today
        )
    return case


@pytest.fixture
def police(db):
    return OrganisationFactory(name="Dorset Police")


@pytest.fixture
def at_imrs(dorset, dhr_officer):
    return make_review(dorset, dhr_officer, "DHR 2025/01", "Adult B", TO_IMRS_RECEIVED)


@pytest.fixture
def submitted(dorset, dhr_officer):
    return make_review(dorset, dhr_officer, "DHR 2025/02", "Ms C", TO_SUBMITTED)


def replay_problems(case, *, today) -> list:
    """Each of the case's stages checked, in the order it was saved, against those saved
    before it, as record_stage would have; and a closed review's recommendations complete.
    What the rules would have refused, as (stage, problem) pairs: none for a sound review."""
    from dhr.stages import check_stage

    problems, taken = [], []
    for record in sorted(case.stages.all(), key=lambda r: r.pk):
        problem = check_stage(
            taken,
            stage=record.stage,
            reached_on=record.reached_on,
            outcome=record.outcome,
            notes=record.notes,
            today=today,
            kind=case.kind,
        )
        if problem:
            problems.append((record, problem))
        taken.append(record)
    closed = any(record.stage == Stage.CLOSED for record in taken)
    if closed and any(rec.status != "complete" for rec in case.recommendations.all()):
        problems.append((case, "closed with recommendations not complete"))
    return problems
