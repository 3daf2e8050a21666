"""The demo reviews (dhr/demo.py): the seeds' counts on the seeds' dates, every stage recorded
through the write functions under the stage rules, the states the DHR pages need, and loaded
only once however often load_demo runs."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from dhr import demo as dhr_demo
from dhr.models import Cost, DhrCase, Document, Imr, Pause, Recommendation, StageRecord
from dhr.stages import GROUPS, counts, current, group
from partnerships import demo as partnerships_demo
from partnerships.models import Role
from plans.demo import DORSET_CSP_EARLY_2023
from reminders.models import Deadline
from tests.dhr.conftest import replay_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_for_the_module, db, settings):
    """The demo, loaded once for this module's tests (see tests/conftest.py)."""
    settings.MEDIA_ROOT = demo_for_the_module


Stage = StageRecord.Stage
Outcome = StageRecord.Outcome
# Short names for dhr.stages.GROUPS, in the same order.
SHORT = ["scoping", "in_progress", "with_home_office", "completed", "closed", "referrals", "led_elsewhere"]


def load(today):
    loaded = partnerships_demo.load()
    return dhr_demo.load(**loaded, today=today)


def cases(slug=None):
    found = DhrCase.objects.prefetch_related("stages", "pauses", "imrs", "recommendations", "costs")
    return list(found.filter(partnership__slug=slug) if slug else found)


def grouped(slug, day):
    return dict(counts(cases(slug), as_at=day))


def expect(**groups):
    """Every group's count, naming only those that are not 0."""
    return {name: groups.get(short, 0) for short, name in zip(SHORT, GROUPS, strict=True)}


# What the seeds report, as dhr.stages.counts groups it on the seeds' days.
DORSET_2019 = expect(completed=2, closed=2, in_progress=2, scoping=1, led_elsewhere=2)
DORSET_2023 = expect(in_progress=5, completed=1, closed=5, referrals=2, led_elsewhere=2)
BCP_2022 = expect(with_home_office=4)


def stages_on(case, day):
    return [r for r in case.stages.all() if r.reached_on <= day]


def test_dorset_as_its_2019_annual_report_counts_its_reviews(demo):
    # Seed 000: "completed four DHRs (two of which have been closed) ... is in the process of
    # conducting two reviews and is undertaking scoping work for a further review ... engaged in
    # two reviews led by other CSPs".
    assert grouped("dorset", dhr_demo.DORSET_2019_REPORT) == DORSET_2019


def test_dorset_as_its_csp_minutes_of_early_2023_describe_its_reviews(demo):
    day = DORSET_CSP_EARLY_2023
    assert grouped("dorset", day) == DORSET_2023
    now = {case.reference: current(stages_on(case, day)) for case in cases("dorset")}
    at = {}
    for reference, last in now.items():
        if last is not None:
            at.setdefault(last.stage, []).append((reference, last))
    # Two ongoing: one at the draft report stage, one at IMRs with summaries already in.
    assert len(at[Stage.DRAFT_REPORT]) == 1
    [(at_imrs, record)] = at[Stage.IMRS_REQUESTED]
    assert "family" in record.notes
    case = DhrCase.objects.get(partnership__slug="dorset", reference=at_imrs)
    received = [imr for imr in case.imrs.all() if imr.received_on and imr.received_on <= day]
    assert received and all(imr.summary for imr in received)
    # A further review whose independent chair had just been recruited.
    [(_, chair)] = at[Stage.CHAIR_APPOINTED]
    assert day - timedelta(days=31) <= chair.reached_on < day
    # Two signed off that day for the Home Office, one not to be published.
    signed = sorted(last.outcome for _, last in at[Stage.CSP_SIGN_OFF])
    assert signed == [Outcome.NOT_TO_PUBLISH, Outcome.TO_PUBLISH]
    assert {last.reached_on for _, last in at[Stage.CSP_SIGN_OFF]} == {day}
    # Referrals that did not become a full review, their learning captured.
    referrals = [
        case
        for case in cases("dorset")
        if stages_on(case, day)
        and group(case, stages_on(case, day)) == "Referrals that did not become a full review"
    ]
    assert {case.kind for case in referrals} == {
        DhrCase.Kind.REFERRAL_NOT_PROGRESSED,
        DhrCase.Kind.FULL_REVIEW,
    }
    assert all(case.learning and case.decision_reasons for case in referrals)


def test_bcp_as_its_2022_annual_report_counts_its_reviews(demo):
    # Seed 001 §56: four reviews in the Home Office's quality assurance, no new referrals in 2021/22.
    assert grouped("bcp", dhr_demo.BCP_2022_REPORT) == BCP_2022
    notified = [case.stages.get(stage=Stage.NOTIFICATION).reached_on for case in cases("bcp")]
    assert not [day for day in notified if date(2021, 4, 1) <= day <= date(2022, 3, 31)]


def test_every_stage_was_recorded_in_an_order_the_rules_accept(demo):
    today = timezone.localdate()
    assert {case.reference: replay_problems(case, today=today) for case in cases()} == {
        case.reference: [] for case in cases()
    }


def test_the_demo_reviews_are_pseudonymised_and_cost_the_partners(demo):
    for case in cases():
        assert re.fullmatch(r"(Adult|Ms|Mr) [A-Z]", case.pseudonym), case
        assert re.fullmatch(r"DHR 20[0-9]{2}/[0-9]{2}", case.reference), case
        if case.kind == DhrCase.Kind.FULL_REVIEW and any(
            r.stage == Stage.CHAIR_APPOINTED for r in case.stages.all()
        ):
            assert case.chair_name, case
            assert any("chair" in cost.description for cost in case.costs.all()), case
    assert Cost.objects.values("paid_by").distinct().count() >= 4


def test_the_demo_has_what_the_review_pages_need_to_show(demo):
    today = timezone.localdate()
    open_pauses = Pause.objects.filter(ends_on__isnull=True)
    assert open_pauses.count() == 1
    assert open_pauses.get().reason in (Pause.Reason.CRIMINAL_TRIAL, Pause.Reason.INQUEST)
    assert Pause.objects.filter(ends_on__isnull=False).exists()
    assert Imr.objects.filter(received_on__isnull=True, due_on__lt=today).exists()
    assert Imr.objects.filter(received_on__isnull=True, due_on__gte=today).exists()
    assert Recommendation.objects.filter(status=Recommendation.Status.IN_PROGRESS, due_on__lt=today).exists()
    resubmitted = StageRecord.objects.filter(stage=Stage.QA_OUTCOME, outcome=Outcome.RESUBMIT)
    assert resubmitted.filter(case__partnership__slug="dorset", case__stages__stage=Stage.PUBLISHED).exists()
    not_published = StageRecord.objects.get(stage=Stage.NOT_PUBLISHED)
    assert not_published.notes
    assert not_published.case.stages.get(stage=Stage.CSP_SIGN_OFF).outcome == Outcome.NOT_TO_PUBLISH
    groups_now = {slug: dict(counts(cases(slug))) for slug in ("dorset", "bcp")}
    assert groups_now["bcp"]["With the Home Office"] == 1
    assert groups_now["dorset"]["Scoping"] == 1
    documents = Document.objects.all()
    assert {document.case.partnership.slug for document in documents} == {"dorset", "bcp"}
    for document in documents:
        assert document.content_type == "application/pdf"
        with document.file.open("rb") as stored:
            assert stored.read(8) == b"%PDF-1.4"
    monitored = StageRecord.objects.filter(
        stage=Stage.ACTION_PLAN_MONITORED, reached_on__gte=today - timedelta(92)
    )
    assert monitored.values("case").distinct().count() >= 3


def test_the_newest_review_is_still_within_its_month_to_decide(demo):
    today = timezone.localdate()
    [newest] = [case for case in cases("dorset") if group(case, list(case.stages.all())) == "Scoping"]
    notified = newest.stages.get(stage=Stage.NOTIFICATION).reached_on
    assert today - timedelta(days=42) <= notified < today
    decide = Deadline.objects.get(source_id=newest.pk, rule="dhr-R17", is_confidential=True)
    assert decide.met_on is None and decide.due_on > today


def test_every_open_review_has_its_confidential_deadlines(demo):
    case_type = ContentType.objects.get_for_model(DhrCase)
    for case in cases():
        if case.kind == DhrCase.Kind.LED_BY_ANOTHER_CSP or current(case.stages.all()).stage == Stage.CLOSED:
            continue
        rules = set(
            Deadline.objects.filter(source_type=case_type, source_id=case.pk).values_list("rule", flat=True)
        )
        assert {"dhr-R17", "dhr-R18"} <= rules, case
    assert not Deadline.objects.filter(source_type=case_type, is_confidential=False).exists()


def test_reviews_were_recorded_by_each_partnerships_dhr_cleared_officer_with_history(demo):
    for case in cases():
        by = Role.objects.get(
            partnership=case.partnership,
            kind=Role.Kind.DHR_CLEARED,
            user__username__in=["dhr", "chris.baker"],
        ).user
        assert case.history.earliest().history_user == by
        assert {record.recorded_by for record in case.stages.all()} == {by}
        assert all(record.history.exists() for record in case.stages.all())
    assert Recommendation.history.filter(status=Recommendation.Status.COMPLETE).exists()


def test_loading_twice_adds_nothing(demo):
    before = {
        model: model.objects.count() for model in (DhrCase, StageRecord, Pause, Imr, Recommendation, Cost)
    }
    deadlines = Deadline.objects.count()

    call_command("load_demo", verbosity=0)

    assert {model: model.objects.count() for model in before} == before
    assert Deadline.objects.count() == deadlines


def test_the_dhr_lead_is_a_cleared_admin_and_no_one_else_gained_a_dhr_role(demo):
    def kinds(username, slug="dorset"):
        return set(
            Role.objects.filter(user__username=username, partnership__slug=slug).values_list(
                "kind", flat=True
            )
        )

    assert kinds("dhrlead") == {Role.Kind.OFFICER, Role.Kind.DHR_CLEARED, Role.Kind.ADMIN}
    cleared = Role.objects.filter(kind=Role.Kind.DHR_CLEARED)
    assert set(cleared.values_list("user__username", "partnership__slug")) == {
        ("dhr", "dorset"),
        ("dhrlead", "dorset"),
        ("chris.baker", "bcp"),
    }
