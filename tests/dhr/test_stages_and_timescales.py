"""The order of a review's stages and its statutory dates, at their boundaries."""

from datetime import date

import pytest

from dhr.models import DhrCase, Pause, StageRecord
from dhr.stages import check_stage, current
from dhr.timescales import due_dates, paused_days
from partnerships.models import Role
from tests.conftest import _person

pytestmark = pytest.mark.django_db

Stage = StageRecord.Stage
Outcome = StageRecord.Outcome
TODAY = date(2026, 11, 24)


@pytest.fixture
def case(dorset):
    return DhrCase.objects.create(partnership=dorset, reference="DHR 2026/01", pseudonym="Adult B")


def reach(case, stage, on, outcome=""):
    return StageRecord.objects.create(case=case, stage=stage, reached_on=on, outcome=outcome)


def dues(case, today=TODAY, nation="england"):
    return {
        d.rule: d for d in due_dates(case, case.stages.all(), case.pauses.all(), nation=nation, today=today)
    }


def test_the_first_stage_is_notification(case):
    assert (
        check_stage([], stage=Stage.SCOPING, reached_on=TODAY, today=TODAY) == "Record the notification first"
    )
    assert check_stage([], stage=Stage.NOTIFICATION, reached_on=TODAY, today=TODAY) is None


def test_stages_cannot_go_back_or_be_dated_before_the_last(case):
    reach(case, Stage.NOTIFICATION, date(2026, 9, 1))
    reach(case, Stage.DECISION, date(2026, 9, 20), Outcome.COMMISSIONED)
    records = list(case.stages.all())
    assert check_stage(records, stage=Stage.SCOPING, reached_on=date(2026, 9, 21), today=TODAY) == (
        "Scoping cannot come after decision whether to commission"
    )
    assert check_stage(records, stage=Stage.HOME_OFFICE_TOLD, reached_on=date(2026, 9, 19), today=TODAY) == (
        "The date must be on or after 20 September 2026, when decision whether to commission was recorded"
    )
    assert (
        check_stage(records, stage=Stage.HOME_OFFICE_TOLD, reached_on=date(2026, 9, 20), today=TODAY) is None
    )
    assert check_stage(
        records, stage=Stage.HOME_OFFICE_TOLD, reached_on=TODAY.replace(day=25), today=TODAY
    ) == ("The date must be today or in the past")


def test_a_decision_needs_its_outcome(case):
    reach(case, Stage.NOTIFICATION, date(2026, 9, 1))
    problem = check_stage(case.stages.all(), stage=Stage.DECISION, reached_on=date(2026, 9, 2), today=TODAY)
    assert problem.startswith("Choose the outcome of the decision whether to commission")


def test_a_decision_and_a_decision_not_to_publish_need_reasons(case):
    reach(case, Stage.NOTIFICATION, date(2026, 9, 1))
    records = list(case.stages.all())
    decide = dict(
        stage=Stage.DECISION, reached_on=date(2026, 9, 2), outcome=Outcome.COMMISSIONED, today=TODAY
    )
    assert check_stage(records, **decide) == "Give the reasons in the notes"
    assert check_stage(records, **decide, notes="   ") == "Give the reasons in the notes"
    assert check_stage(records, **decide, notes="Criteria met") is None


def test_sign_off_records_the_publication_stance_and_holds_to_it(case):
    for stage, outcome in [
        (Stage.NOTIFICATION, ""),
        (Stage.DECISION, Outcome.COMMISSIONED),
        (Stage.DRAFT_REPORT, ""),
    ]:
        reach(case, stage, date(2026, 9, 1), outcome)
    records = list(case.stages.all())
    sign_off = dict(stage=Stage.CSP_SIGN_OFF, reached_on=date(2026, 9, 2), today=TODAY)
    assert check_stage(records, **sign_off).startswith("Choose the outcome of the CSP sign-off")
    assert check_stage(records, **sign_off, outcome=Outcome.NOT_TO_PUBLISH) is None
    reach(case, Stage.CSP_SIGN_OFF, date(2026, 9, 2), Outcome.NOT_TO_PUBLISH)
    reach(case, Stage.SUBMITTED, date(2026, 9, 3))
    reach(case, Stage.QA_OUTCOME, date(2026, 10, 3), Outcome.CONTENT_TO_PUBLISH)
    records = list(case.stages.all())
    later = dict(reached_on=date(2026, 10, 4), today=TODAY)
    assert check_stage(records, stage=Stage.PUBLISHED, **later).startswith(
        "The CSP decided at sign-off not to"
    )
    assert check_stage(records, stage=Stage.NOT_PUBLISHED, **later) == "Give the reasons in the notes"
    assert (
        check_stage(records, stage=Stage.NOT_PUBLISHED, notes="Would identify the children", **later) is None
    )


def test_a_review_led_by_another_csp_records_only_notification_and_closure(case):
    case.kind = DhrCase.Kind.LED_BY_ANOTHER_CSP
    reach(case, Stage.NOTIFICATION, date(2026, 9, 1))
    records = list(case.stages.all())
    elsewhere = dict(reached_on=date(2026, 9, 2), today=TODAY, kind=case.kind)
    assert check_stage(records, stage=Stage.SCOPING, **elsewhere).startswith("A review led by another CSP")
    assert check_stage(records, stage=Stage.CLOSED, **elsewhere) is None


def test_after_a_decision_not_to_review_only_the_home_office_and_closure_remain(case):
    reach(case, Stage.NOTIFICATION, date(2026, 9, 1))
    reach(case, Stage.DECISION, date(2026, 9, 20), Outcome.NOT_COMMISSIONED)
    records = list(case.stages.all())
    assert check_stage(records, stage=Stage.CHAIR_APPOINTED, reached_on=TODAY, today=TODAY)
    assert check_stage(records, stage=Stage.HOME_OFFICE_TOLD, reached_on=TODAY, today=TODAY) is None


def test_the_home_office_loop_may_repeat_only_when_asked_to_resubmit(case):
    reach(case, Stage.NOTIFICATION, date(2025, 1, 1))
    reach(case, Stage.SUBMITTED, date(2026, 1, 1))
    reach(case, Stage.QA_OUTCOME, date(2026, 3, 1), Outcome.RESUBMIT)
    assert (
        check_stage(case.stages.all(), stage=Stage.SUBMITTED, reached_on=date(2026, 4, 1), today=TODAY)
        is None
    )
    reach(case, Stage.SUBMITTED, date(2026, 4, 1))
    reach(case, Stage.QA_OUTCOME, date(2026, 6, 1), Outcome.CONTENT_TO_PUBLISH)
    assert current(case.stages.all()).outcome == Outcome.CONTENT_TO_PUBLISH
    assert check_stage(
        case.stages.all(), stage=Stage.SUBMITTED, reached_on=date(2026, 7, 1), today=TODAY
    ) == ("The Quality Assurance Panel did not ask for the review to be resubmitted")


def test_decision_is_due_a_month_after_notification(case):
    reach(case, Stage.NOTIFICATION, date(2026, 10, 31))
    due = dues(case)["R17"]
    assert due.due_on == date(2026, 11, 30) and due.met_on is None
    assert dues(case)["R18"].due_on == date(2026, 11, 30)


def test_review_is_due_six_months_after_commissioning_and_pauses_stop_the_clock(case):
    reach(case, Stage.NOTIFICATION, date(2026, 1, 5))
    reach(case, Stage.DECISION, date(2026, 1, 31), Outcome.COMMISSIONED)
    assert dues(case)["R19"].due_on == date(2026, 7, 31)
    Pause.objects.create(
        case=case, reason=Pause.Reason.CRIMINAL_TRIAL, starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 10)
    )
    assert dues(case)["R19"].due_on == date(2026, 8, 10), "ten days paused, ten days later"
    Pause.objects.create(case=case, reason=Pause.Reason.INQUEST, starts_on=date(2026, 11, 20))
    assert dues(case)["R19"].due_on == date(2026, 8, 10), "a pause after the date has passed does not move it"


def test_an_open_pause_before_the_due_date_holds_the_clock_until_today(case):
    reach(case, Stage.NOTIFICATION, date(2026, 1, 5))
    reach(case, Stage.DECISION, date(2026, 1, 31), Outcome.COMMISSIONED)
    Pause.objects.create(case=case, reason=Pause.Reason.CRIMINAL_TRIAL, starts_on=date(2026, 7, 1))
    # 1 July to 24 November is 147 days paused: 31 July plus 147 days.
    assert dues(case)["R19"].due_on == date(2026, 12, 25)


def test_pause_days_that_overlap_count_once():
    class P:
        def __init__(self, starts_on, ends_on):
            self.starts_on, self.ends_on = starts_on, ends_on

    pauses = [P(date(2026, 3, 1), date(2026, 3, 10)), P(date(2026, 3, 5), date(2026, 3, 12))]
    assert paused_days(pauses, date(2026, 1, 1), date(2026, 12, 31)) == 12
    assert paused_days(pauses, date(2026, 3, 11), date(2026, 12, 31)) == 2


def test_welsh_reviews_and_reviews_led_elsewhere_get_no_england_timers(case):
    reach(case, Stage.NOTIFICATION, date(2026, 10, 1))
    assert dues(case, nation="wales") == {}
    case.kind = DhrCase.Kind.LED_BY_ANOTHER_CSP
    assert dues(case) == {}


def test_resubmission_and_commissioner_dates_follow_the_home_office_letter(case):
    reach(case, Stage.NOTIFICATION, date(2025, 1, 1))
    reach(case, Stage.SUBMITTED, date(2026, 1, 1))
    reach(case, Stage.QA_OUTCOME, date(2026, 3, 1), Outcome.RESUBMIT)
    assert dues(case)["R20"].due_on == date(2026, 5, 1)
    reach(case, Stage.SUBMITTED, date(2026, 4, 20))
    reach(case, Stage.QA_OUTCOME, date(2026, 6, 1), Outcome.CONTENT_TO_PUBLISH)
    found = dues(case)
    assert found["R20"].met_on == date(2026, 4, 20)
    assert found["R22"].due_on == date(2026, 6, 15)
    assert found["R23"].due_on == date(2026, 9, 1)


def test_only_dhr_cleared_members_see_cases(case, officer, dorset, django_user_model):
    cleared = _person("cleared", dorset, Role.Kind.DHR_CLEARED)
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "unused-password-here")
    assert list(DhrCase.objects.visible_to(cleared)) == [case]
    assert not DhrCase.objects.visible_to(officer).exists()
    assert not DhrCase.objects.visible_to(admin).exists(), "site admins are not cleared by being admins"


def test_each_review_is_counted_in_its_reported_group(dorset):
    def make(reference, *stages, kind=DhrCase.Kind.FULL_REVIEW):
        case = DhrCase.objects.create(partnership=dorset, reference=reference, pseudonym="Adult", kind=kind)
        for number, (stage, outcome) in enumerate(stages):
            reach(case, stage, date(2025, 1, 1 + number), outcome)
        return case

    make("1", (Stage.NOTIFICATION, ""))
    make("2", (Stage.NOTIFICATION, ""), (Stage.DECISION, Outcome.COMMISSIONED), (Stage.CHAIR_APPOINTED, ""))
    make("3", (Stage.NOTIFICATION, ""), (Stage.SUBMITTED, ""))
    make("4", (Stage.NOTIFICATION, ""), (Stage.SUBMITTED, ""), (Stage.QA_OUTCOME, Outcome.RESUBMIT))
    make("5", (Stage.NOTIFICATION, ""), (Stage.PUBLISHED, ""))
    make("6", (Stage.NOTIFICATION, ""), (Stage.CLOSED, ""))
    make("7", (Stage.NOTIFICATION, ""), (Stage.DECISION, Outcome.NOT_COMMISSIONED))
    make("8", kind=DhrCase.Kind.LED_BY_ANOTHER_CSP)
    from dhr.stages import counts

    assert counts(DhrCase.objects.prefetch_related("stages")) == [
        ("Scoping", 1),
        ("In progress", 2),
        ("With the Home Office", 1),
        ("Completed", 1),
        ("Closed", 1),
        ("Referrals that did not become a full review", 1),
        ("Led by other CSPs", 1),
    ]


def test_everyone_in_the_partnership_sees_counts_but_no_case_detail(client, councillor, case):
    from django.urls import reverse

    reach(case, Stage.NOTIFICATION, date(2026, 10, 1))
    client.force_login(councillor)
    page = client.get(reverse("partnerships:dashboard", args=["dorset"])).content.decode()
    assert "Domestic Homicide Reviews" in page and "Scoping" in page
    assert "Adult B" not in page and "DHR 2026/01" not in page


def test_the_database_allows_one_open_pause_and_no_imr_received_before_it_was_asked_for(case, dorset):
    from django.db import IntegrityError, transaction

    from dhr.models import Imr
    from tests.factories import OrganisationFactory

    Pause.objects.create(case=case, reason=Pause.Reason.INQUEST, starts_on=date(2026, 3, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Pause.objects.create(case=case, reason=Pause.Reason.IOPC, starts_on=date(2026, 4, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Imr.objects.create(
            case=case,
            agency=OrganisationFactory(),
            requested_on=date(2026, 3, 1),
            due_on=date(2026, 4, 1),
            received_on=date(2026, 2, 1),
        )


def overdue_on(case, rule, day):
    """Whether the rule's date counts as overdue on this day."""
    due = dues(case, today=day)[rule]
    return due.met_on is None and due.due_on < day


def test_each_timescale_at_its_boundary(case):
    # R17 and R18: a month after notification, kept to the end of a shorter month.
    reach(case, Stage.NOTIFICATION, date(2025, 1, 31))
    assert dues(case)["R17"].due_on == date(2025, 2, 28)
    assert not overdue_on(case, "R17", date(2025, 2, 28)) and overdue_on(case, "R17", date(2025, 3, 1))
    assert dues(case)["R18"].due_on == date(2025, 2, 28)
    # The decision on the last day meets R17 on time; R18 is then due with the decision.
    reach(case, Stage.DECISION, date(2025, 2, 28), Outcome.COMMISSIONED)
    assert dues(case)["R17"].met_on == date(2025, 2, 28)
    assert dues(case)["R18"].due_on == date(2025, 2, 28)
    # R19: six months after commissioning.
    assert dues(case)["R19"].due_on == date(2025, 8, 28)
    assert not overdue_on(case, "R19", date(2025, 8, 28)) and overdue_on(case, "R19", date(2025, 8, 29))
    reach(case, Stage.SUBMITTED, date(2025, 9, 1))
    assert dues(case)["R19"].met_on == date(2025, 9, 1)
    # R20: two months after the letter asking for resubmission.
    reach(case, Stage.QA_OUTCOME, date(2025, 10, 31), Outcome.RESUBMIT)
    assert dues(case)["R20"].due_on == date(2025, 12, 31)
    assert not overdue_on(case, "R20", date(2025, 12, 31)) and overdue_on(case, "R20", date(2026, 1, 1))
    reach(case, Stage.SUBMITTED, date(2026, 1, 5))
    # R22: 14 days after the panel clears the report; R23: a quarter after that.
    reach(case, Stage.QA_OUTCOME, date(2026, 2, 1), Outcome.PUBLISH_AFTER_CHANGES)
    assert dues(case)["R22"].due_on == date(2026, 2, 15)
    assert not overdue_on(case, "R22", date(2026, 2, 15)) and overdue_on(case, "R22", date(2026, 2, 16))
    assert dues(case)["R23"].due_on == date(2026, 5, 1)
    # R21: the published report stays online for at least 12 months, met on that day.
    reach(case, Stage.PUBLISHED, date(2026, 3, 2))
    assert dues(case, today=date(2027, 3, 1))["R21"].met_on is None
    assert dues(case, today=date(2027, 3, 2))["R21"].met_on == date(2027, 3, 2)
    # R23 moves a quarter on from each action plan review.
    reach(case, Stage.ACTION_PLAN_MONITORED, date(2026, 4, 30))
    assert dues(case)["R23"].due_on == date(2026, 7, 30)
    assert not overdue_on(case, "R23", date(2026, 7, 30)) and overdue_on(case, "R23", date(2026, 7, 31))


def test_local_timescales_follow_the_setting(case, settings):
    settings.DHR_TIMESCALES = {"decide_months": 2, "commissioner_days": 7}
    reach(case, Stage.NOTIFICATION, date(2025, 1, 1))
    assert dues(case)["R17"].due_on == date(2025, 3, 1)


def test_a_closed_review_owes_nothing_more(case):
    reach(case, Stage.NOTIFICATION, date(2016, 1, 4))
    reach(case, Stage.DECISION, date(2016, 1, 20), Outcome.COMMISSIONED)
    reach(case, Stage.SUBMITTED, date(2016, 9, 1))
    reach(case, Stage.QA_OUTCOME, date(2016, 12, 1), Outcome.CONTENT_TO_PUBLISH)
    assert dues(case)["R22"].met_on is None
    reach(case, Stage.CLOSED, date(2018, 6, 1))
    assert set(dues(case)) == {"R17", "R19"}
