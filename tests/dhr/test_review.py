"""The write functions of a review: each saves with its author on the history, refuses bad
input with nothing saved, and keeps the case's confidential deadlines up to date."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from dhr.models import Cost, DhrCase, Imr, Pause, Recommendation, StageRecord
from dhr.review import (
    ReviewRefused,
    add_cost,
    add_recommendation,
    correct_stage,
    open_case,
    pause,
    receive_imr,
    record_stage,
    refresh_paused_deadlines,
    request_imr,
    resume,
    update_recommendation,
)
from partnerships.models import Role
from reminders.models import Deadline
from tests.conftest import _person
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

Stage = StageRecord.Stage
Outcome = StageRecord.Outcome
TODAY = date(2026, 11, 24)
REFERENCE = "DHR 2026/01"
PSEUDONYM = "Adult B"


@pytest.fixture
def chair(dorset):
    return _person("dhrlead", dorset, Role.Kind.OFFICER, Role.Kind.DHR_CLEARED)


@pytest.fixture
def police(db):
    return OrganisationFactory(name="Dorset Police")


@pytest.fixture
def case(dorset, chair):
    return open_case(
        dorset,
        by=chair,
        reference=REFERENCE,
        pseudonym=PSEUDONYM,
        kind=DhrCase.Kind.FULL_REVIEW,
        notified_on=date(2026, 9, 1),
        today=TODAY,
    )


@pytest.fixture
def commissioned(case, chair):
    record_stage(
        case,
        by=chair,
        stage=Stage.DECISION,
        reached_on=date(2026, 9, 20),
        outcome=Outcome.COMMISSIONED,
        notes="The criteria are met: the victim was killed by her former partner",
        today=TODAY,
    )
    return case


def deadlines(case):
    return {d.rule: d for d in Deadline.objects.filter(source_id=case.pk, is_confidential=True)}


def snapshot():
    """Every row a write function might save, with its history."""
    models = [DhrCase, StageRecord, Pause, Imr, Recommendation, Cost]
    rows = {m.__name__: m.objects.count() for m in models}
    rows.update({f"history of {m.__name__}": m.history.count() for m in models})
    rows["deadlines"] = sorted(Deadline.objects.values_list("rule", "due_on", "met_on"))
    return rows


def refused(message, action, **kwargs):
    before = snapshot()
    with pytest.raises(ReviewRefused, match=message):
        action(**kwargs)
    assert snapshot() == before


# open_case


def test_opening_a_case_records_the_notification_and_who_opened_it(case, chair):
    assert case.history.get().history_user == chair
    notification = case.stages.get()
    assert (notification.stage, notification.reached_on, notification.recorded_by) == (
        Stage.NOTIFICATION,
        date(2026, 9, 1),
        chair,
    )
    assert notification.history.get().history_user == chair
    assert deadlines(case)["dhr-R17"].due_on == date(2026, 10, 1)


def test_a_reference_is_used_once_per_partnership(case, dorset, bcp, chair):
    arguments = dict(
        by=chair,
        reference=REFERENCE,
        pseudonym="Adult C",
        kind=DhrCase.Kind.FULL_REVIEW,
        notified_on=TODAY,
        today=TODAY,
    )
    refused(f"A review with reference {REFERENCE} exists", open_case, partnership=dorset, **arguments)
    assert open_case(bcp, **arguments).partnership == bcp


def test_a_case_cannot_be_notified_in_the_future(dorset, chair):
    refused(
        "The date must be today or in the past",
        open_case,
        partnership=dorset,
        by=chair,
        reference=REFERENCE,
        pseudonym=PSEUDONYM,
        kind=DhrCase.Kind.FULL_REVIEW,
        notified_on=date(2026, 11, 25),
        today=TODAY,
    )


# record_stage


def test_recording_a_stage_keeps_its_author_and_meets_its_deadline(commissioned, chair):
    decision = commissioned.stages.get(stage=Stage.DECISION)
    assert decision.recorded_by == chair
    assert decision.history.get().history_user == chair
    rows = deadlines(commissioned)
    assert rows["dhr-R17"].met_on == date(2026, 9, 20)
    assert rows["dhr-R19"].due_on == date(2027, 3, 20)


def test_a_stage_out_of_order_is_refused_with_the_stage_rules_message(commissioned, chair):
    refused(
        "Scoping cannot come after decision whether to commission",
        record_stage,
        case=commissioned,
        by=chair,
        stage=Stage.SCOPING,
        reached_on=date(2026, 9, 21),
        today=TODAY,
    )


def test_closing_is_refused_until_every_recommendation_is_complete(commissioned, chair, police):
    first = add_recommendation(
        commissioned, by=chair, text="Train call handlers", owner=police, due_on=date(2027, 1, 1), today=TODAY
    )
    add_recommendation(
        commissioned, by=chair, text="Share risk data", owner=police, due_on=date(2027, 2, 1), today=TODAY
    )
    close = dict(case=commissioned, by=chair, stage=Stage.CLOSED, reached_on=TODAY, today=TODAY)
    refused("2 recommendations are not complete", record_stage, **close)
    update_recommendation(
        first,
        by=chair,
        status=Recommendation.Status.COMPLETE,
        evidence="Training log",
        reviewed_on=TODAY,
        today=TODAY,
    )
    refused("1 recommendation is not complete", record_stage, **close)
    second = commissioned.recommendations.exclude(pk=first.pk).get()
    update_recommendation(
        second,
        by=chair,
        status=Recommendation.Status.COMPLETE,
        evidence="Protocol signed",
        reviewed_on=TODAY,
        today=TODAY,
    )
    assert record_stage(**close).stage == Stage.CLOSED


# correct_stage


def test_correcting_a_stage_keeps_the_old_date_in_its_history(commissioned, chair, officer):
    decision = commissioned.stages.get(stage=Stage.DECISION)
    correct_stage(
        decision, by=officer, reached_on=date(2026, 9, 18), notes="Panel met on the 18th", today=TODAY
    )
    decision.refresh_from_db()
    assert decision.reached_on == date(2026, 9, 18)
    latest, original = decision.history.all()[:2]
    assert (latest.history_user, original.reached_on) == (officer, date(2026, 9, 20))
    assert deadlines(commissioned)["dhr-R17"].met_on == date(2026, 9, 18)


def test_a_correction_may_not_move_a_stage_past_its_neighbours(commissioned, chair):
    record_stage(
        commissioned, by=chair, stage=Stage.HOME_OFFICE_TOLD, reached_on=date(2026, 9, 25), today=TODAY
    )
    decision = commissioned.stages.get(stage=Stage.DECISION)
    refused(
        "The date must be on or before 25 September 2026, when Home Office told of the decision was recorded",
        correct_stage,
        record=decision,
        by=chair,
        reached_on=date(2026, 9, 26),
        notes="",
        today=TODAY,
    )
    refused(
        "The date must be on or after 1 September 2026, when notification was recorded",
        correct_stage,
        record=decision,
        by=chair,
        reached_on=date(2026, 8, 31),
        notes="",
        today=TODAY,
    )


# pause and resume


def test_a_pause_moves_the_six_month_date_by_the_days_it_lasts(commissioned, chair):
    assert deadlines(commissioned)["dhr-R19"].due_on == date(2027, 3, 20)
    trial = pause(
        commissioned,
        by=chair,
        reason=Pause.Reason.CRIMINAL_TRIAL,
        starts_on=date(2026, 10, 1),
        today=date(2026, 10, 5),
    )
    assert trial.history.get().history_user == chair
    # An open pause runs to today: 1-5 October is five days.
    assert deadlines(commissioned)["dhr-R19"].due_on == date(2027, 3, 25)
    resume(trial, by=chair, ends_on=date(2026, 10, 10), today=TODAY)
    trial.refresh_from_db()
    assert trial.ends_on == date(2026, 10, 10)
    assert trial.history.first().history_user == chair
    assert deadlines(commissioned)["dhr-R19"].due_on == date(2027, 3, 30)


def test_only_one_pause_may_be_open_at_a_time(commissioned, chair):
    pause(commissioned, by=chair, reason=Pause.Reason.INQUEST, starts_on=date(2026, 10, 1), today=TODAY)
    refused(
        "already paused",
        pause,
        case=commissioned,
        by=chair,
        reason=Pause.Reason.CRIMINAL_TRIAL,
        starts_on=date(2026, 10, 2),
        today=TODAY,
    )


def test_a_pause_cannot_end_before_it_starts_or_end_twice(commissioned, chair):
    inquest = pause(
        commissioned, by=chair, reason=Pause.Reason.INQUEST, starts_on=date(2026, 10, 1), today=TODAY
    )
    refused(
        "cannot end before it started on 1 October 2026",
        resume,
        pause=inquest,
        by=chair,
        ends_on=date(2026, 9, 30),
        today=TODAY,
    )
    resume(inquest, by=chair, ends_on=date(2026, 10, 1), today=TODAY)
    refused(
        "already ended on 1 October 2026",
        resume,
        pause=inquest,
        by=chair,
        ends_on=date(2026, 10, 2),
        today=TODAY,
    )


# IMRs


def test_an_imr_awaited_is_a_deadline_until_it_is_received(commissioned, chair, police):
    imr = request_imr(
        commissioned,
        by=chair,
        agency=police,
        requested_on=date(2026, 10, 1),
        due_on=date(2026, 11, 26),
        today=TODAY,
    )
    assert imr.history.get().history_user == chair
    assert deadlines(commissioned)[f"dhr-imr-{imr.pk}"].due_on == date(2026, 11, 26)
    receive_imr(imr, by=chair, received_on=TODAY, today=TODAY)
    imr.refresh_from_db()
    assert imr.received_on == TODAY
    assert imr.history.first().history_user == chair
    assert f"dhr-imr-{imr.pk}" not in deadlines(commissioned)


def test_an_imr_cannot_be_due_before_it_is_requested(commissioned, chair, police):
    refused(
        "cannot be due before it was requested",
        request_imr,
        case=commissioned,
        by=chair,
        agency=police,
        requested_on=date(2026, 10, 1),
        due_on=date(2026, 9, 30),
        today=TODAY,
    )


def test_an_imr_cannot_be_received_before_it_was_requested_or_twice(commissioned, chair, police):
    imr = request_imr(
        commissioned,
        by=chair,
        agency=police,
        requested_on=date(2026, 10, 1),
        due_on=date(2026, 11, 26),
        today=TODAY,
    )
    refused(
        "before it was requested on 1 October 2026",
        receive_imr,
        imr=imr,
        by=chair,
        received_on=date(2026, 9, 30),
        today=TODAY,
    )
    receive_imr(imr, by=chair, received_on=TODAY, today=TODAY)
    refused("already received", receive_imr, imr=imr, by=chair, received_on=TODAY, today=TODAY)


# recommendations


def test_a_recommendation_is_a_deadline_until_it_is_complete(commissioned, chair, police):
    rec = add_recommendation(
        commissioned, by=chair, text="Train call handlers", owner=police, due_on=date(2027, 1, 1), today=TODAY
    )
    assert rec.history.get().history_user == chair
    assert deadlines(commissioned)[f"dhr-rec-{rec.pk}"].due_on == date(2027, 1, 1)
    update_recommendation(
        rec, by=chair, status=Recommendation.Status.IN_PROGRESS, evidence="", reviewed_on=TODAY, today=TODAY
    )
    assert f"dhr-rec-{rec.pk}" in deadlines(commissioned)
    update_recommendation(
        rec,
        by=chair,
        status=Recommendation.Status.COMPLETE,
        evidence="Training log",
        reviewed_on=TODAY,
        today=TODAY,
    )
    rec.refresh_from_db()
    assert (rec.status, rec.last_reviewed_on, rec.history.first().history_user) == (
        Recommendation.Status.COMPLETE,
        TODAY,
        chair,
    )
    assert f"dhr-rec-{rec.pk}" not in deadlines(commissioned)


def test_a_recommendation_is_not_complete_without_evidence(commissioned, chair, police):
    rec = add_recommendation(
        commissioned, by=chair, text="Train call handlers", owner=police, due_on=date(2027, 1, 1), today=TODAY
    )
    refused(
        "Give the evidence",
        update_recommendation,
        rec=rec,
        by=chair,
        status=Recommendation.Status.COMPLETE,
        evidence=" ",
        reviewed_on=TODAY,
        today=TODAY,
    )


def test_a_recommendation_needs_its_text(commissioned, chair, police):
    refused(
        "Give the text",
        add_recommendation,
        case=commissioned,
        by=chair,
        text="  ",
        owner=police,
        due_on=TODAY,
        today=TODAY,
    )


# costs


def test_a_cost_is_recorded_with_who_pays(commissioned, chair, police):
    cost = add_cost(
        commissioned,
        by=chair,
        description="Chair's fees",
        amount="1250.00",
        incurred_on=TODAY,
        paid_by=police,
    )
    assert (cost.amount, cost.paid_by, cost.history.get().history_user) == (Decimal("1250.00"), police, chair)


@pytest.mark.parametrize("amount", ["-1", "12.345", "lots"])
def test_a_cost_must_be_a_sum_of_money(commissioned, chair, police, amount):
    refused(
        "The amount must be a sum of money",
        add_cost,
        case=commissioned,
        by=chair,
        description="Fees",
        amount=amount,
        incurred_on=TODAY,
        paid_by=police,
    )


# the deadlines themselves


def test_case_deadlines_are_confidential_and_never_name_the_case(commissioned, chair, police):
    request_imr(
        commissioned,
        by=chair,
        agency=police,
        requested_on=date(2026, 10, 1),
        due_on=date(2026, 11, 26),
        today=TODAY,
    )
    add_recommendation(
        commissioned, by=chair, text="Train call handlers", owner=police, due_on=date(2027, 1, 1), today=TODAY
    )
    rows = Deadline.objects.filter(source_id=commissioned.pk)
    assert rows.count() == 5  # R17, R18, R19, the IMR and the recommendation
    for row in rows:
        assert row.is_confidential
        assert REFERENCE not in row.title and "2026/01" not in row.title
        assert PSEUDONYM not in row.title
        assert row.title.startswith("A Domestic Homicide Review needs attention: ")
        assert row.link == f"/dhr/cases/{commissioned.pk}/"
        assert row.rule_version == "DHR statutory guidance 2016"
        assert row.legal_source


def test_case_deadlines_are_hidden_from_people_who_are_not_cleared(commissioned, officer, chair):
    assert Deadline.objects.visible_to(chair).filter(is_confidential=True).count() == 3
    assert not Deadline.objects.visible_to(officer).filter(is_confidential=True).exists()


def test_a_site_admin_who_is_not_cleared_does_not_see_case_deadlines(commissioned):
    from tests.factories import UserFactory

    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    assert not Deadline.objects.visible_to(admin).filter(is_confidential=True).exists()


def test_a_welsh_review_has_no_english_timers_but_keeps_its_imr_deadlines(dorset, chair, police):
    susr = open_case(
        dorset,
        by=chair,
        reference="SUSR 2026/01",
        pseudonym="Adult C",
        kind=DhrCase.Kind.WALES_SUSR,
        notified_on=date(2026, 9, 1),
        today=TODAY,
    )
    imr = request_imr(
        susr, by=chair, agency=police, requested_on=date(2026, 10, 1), due_on=date(2026, 12, 1), today=TODAY
    )
    assert set(deadlines(susr)) == {f"dhr-imr-{imr.pk}"}


def test_the_daily_task_moves_a_paused_review_s_deadlines(commissioned, chair):
    from dhr.tasks import move_paused_deadlines

    pause(commissioned, by=chair, reason=Pause.Reason.INQUEST, starts_on=date(2026, 10, 1), today=TODAY)
    first = deadlines(commissioned)["dhr-R19"].due_on
    assert refresh_paused_deadlines(today=date(2026, 12, 4)) == 1
    assert deadlines(commissioned)["dhr-R19"].due_on == first + timedelta(days=10)
    # The task runs the same function for today's date; a review not paused is left alone.
    resume(Pause.objects.get(), by=chair, ends_on=TODAY, today=TODAY)
    assert move_paused_deadlines.apply().get() == 0
