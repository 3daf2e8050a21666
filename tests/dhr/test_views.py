"""The DHR pages through Django's test client: cleared officers run reviews; everyone else
gets 404; every look is logged; nothing confidential is cached; bad input is refused with
its reason on the form and nothing saved."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dhr import review
from dhr.models import CaseView, Cost, DhrCase, Document, Imr, Pause, Recommendation, StageRecord
from tests.conftest import signed_in
from tests.dhr.conftest import make_review

pytestmark = pytest.mark.django_db

Stage = StageRecord.Stage
Outcome = StageRecord.Outcome
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def date_fields(name, day: date):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def errors(response):
    return [str(e) for field in response.context["form"].errors.values() for e in field]


def case_urls(case):
    return [
        reverse("dhr:case", args=[case.pk]),
        reverse("dhr:edit_case", args=[case.pk]),
        reverse("dhr:history", args=[case.pk]),
        reverse("dhr:record_stage", args=[case.pk]),
        reverse("dhr:pause", args=[case.pk]),
        reverse("dhr:request_imr", args=[case.pk]),
        reverse("dhr:add_recommendation", args=[case.pk]),
        reverse("dhr:add_cost", args=[case.pk]),
        reverse("dhr:add_document", args=[case.pk]),
        reverse("dhr:correct_stage", args=[case.stages.first().pk]),
    ]


def test_a_cleared_officer_sees_the_list_dashboard_and_the_review(client, dhr_officer, at_imrs, dorset):
    signed_in(client, dhr_officer)
    listed = client.get(reverse("dhr:list", args=["dorset"]))
    assert listed.status_code == 200
    assert "DHR 2025/01: ‘Adult B’" in listed.content.decode()
    assert client.get(reverse("dhr:dashboard", args=["dorset"])).status_code == 200
    detail = client.get(reverse("dhr:case", args=[at_imrs.pk]))
    assert detail.status_code == 200
    assert "IMRs and chronologies received" in detail.content.decode()


@pytest.mark.parametrize("who", ["officer", "clerk", "councillor", "site_admin", "bcp_officer", "stranger"])
def test_everyone_not_cleared_gets_404_on_every_dhr_page(client, who, request, at_imrs):
    user = request.getfixturevalue(who)
    signed_in(client, user)
    urls = case_urls(at_imrs) + [
        reverse("dhr:list", args=["dorset"]),
        reverse("dhr:dashboard", args=["dorset"]),
        reverse("dhr:open_case", args=["dorset"]),
        reverse("dhr:access_log", args=["dorset"]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    assert not CaseView.objects.exists()
    assert StageRecord.objects.count() == 1 + 8


def test_signed_out_people_are_sent_to_sign_in(client, at_imrs):
    response = client.get(reverse("dhr:case", args=[at_imrs.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_cleared_member_of_another_partnership_gets_404(client, bcp, at_imrs):
    from partnerships.models import Role
    from tests.conftest import _person

    signed_in(client, _person("bcplead", bcp, Role.Kind.DHR_CLEARED))
    assert client.get(reverse("dhr:case", args=[at_imrs.pk])).status_code == 404
    assert client.get(reverse("dhr:list", args=["bcp"])).status_code == 200
    assert "DHR 2025/01" not in client.get(reverse("dhr:list", args=["bcp"])).content.decode()


def test_every_look_is_logged_and_nothing_is_cached(client, dhr_officer, at_imrs):
    signed_in(client, dhr_officer)
    for url in case_urls(at_imrs):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url
    views = CaseView.objects.filter(case=at_imrs, user=dhr_officer)
    assert views.count() == len(case_urls(at_imrs))
    assert set(views.values_list("what", flat=True)) >= {
        "the review",
        "the review's history",
        "record a stage",
    }


def test_the_navigation_offers_dhrs_only_to_the_cleared(client, dhr_officer, officer):
    signed_in(client, dhr_officer)
    assert "DHRs" in client.get(reverse("partnerships:dashboard", args=["dorset"])).content.decode()
    signed_in(client, officer)
    assert "DHRs" not in client.get(reverse("partnerships:dashboard", args=["dorset"])).content.decode()


def test_opening_a_review(client, dhr_officer, dorset):
    signed_in(client, dhr_officer)
    url = reverse("dhr:open_case", args=["dorset"])
    form = {"reference": "DHR 2026/03", "pseudonym": "Adult D", "kind": DhrCase.Kind.FULL_REVIEW}
    response = client.post(url, form | date_fields("notified_on", date(2026, 11, 2)))
    case = DhrCase.objects.get(reference="DHR 2026/03")
    assert response.url == reverse("dhr:case", args=[case.pk])
    assert case.stages.get().stage == Stage.NOTIFICATION
    again = client.post(url, form | date_fields("notified_on", date(2026, 11, 2)))
    assert errors(again) == ["A review with reference DHR 2026/03 exists"]
    missing = client.post(url, {"kind": DhrCase.Kind.LED_BY_ANOTHER_CSP})
    assert set(errors(missing)) >= {
        "Enter the review's reference",
        "Enter the pseudonym agreed with the family",
        "Enter the date the CSP was notified",
        "Enter the CSP that leads the review",
    }
    assert DhrCase.objects.count() == 1


def test_recording_a_stage_in_order(client, dhr_officer, at_imrs):
    signed_in(client, dhr_officer)
    url = reverse("dhr:record_stage", args=[at_imrs.pk])
    form = client.get(url).context["form"]
    offered = [value for value, _ in form.fields["stage"].choices]
    # Later stages may be reached without every one between (not every review has each);
    # earlier ones are never offered.
    assert offered[0] == Stage.DRAFT_REPORT
    assert Stage.IMRS_RECEIVED not in offered and Stage.SCOPING not in offered
    response = client.post(
        url, {"stage": Stage.DRAFT_REPORT, "notes": ""} | date_fields("reached_on", date(2025, 6, 1))
    )
    assert response.status_code == 302
    assert at_imrs.stages.order_by("-reached_on", "-pk").first().stage == Stage.DRAFT_REPORT
    page = client.get(response.url).content.decode()
    assert "Stage recorded: Draft overview report, 1 June 2025" in page


def test_a_stage_dated_before_the_last_is_refused_and_nothing_saved(client, dhr_officer, at_imrs):
    signed_in(client, dhr_officer)
    before = StageRecord.history.count()
    response = client.post(
        reverse("dhr:record_stage", args=[at_imrs.pk]),
        {"stage": Stage.DRAFT_REPORT} | date_fields("reached_on", date(2025, 4, 30)),
    )
    assert response.status_code == 200
    assert errors(response) == [
        "The date must be on or after 1 May 2025, when IMRs and chronologies received was recorded"
    ]
    assert StageRecord.history.count() == before
    # The error summary's link takes the reader to the date's day box.
    assert 'href="#id_reached_on_0">The date must be on or after' in response.content.decode()


def test_a_stage_out_of_order_is_not_offered_nor_accepted(client, dhr_officer, at_imrs):
    signed_in(client, dhr_officer)
    response = client.post(
        reverse("dhr:record_stage", args=[at_imrs.pk]),
        {"stage": Stage.SCOPING} | date_fields("reached_on", date(2025, 6, 1)),
    )
    assert errors(response) == ["Select a valid choice. scoping is not one of the available choices."]
    assert at_imrs.stages.filter(stage=Stage.SCOPING).count() == 1


def test_the_home_office_loop_resubmit_then_content_to_publish(client, dhr_officer, submitted):
    signed_in(client, dhr_officer)
    url = reverse("dhr:record_stage", args=[submitted.pk])
    steps = [
        (Stage.QA_OUTCOME, date(2025, 9, 1), Outcome.RESUBMIT),
        (Stage.SUBMITTED, date(2025, 10, 1), ""),
        (Stage.QA_OUTCOME, date(2025, 12, 1), Outcome.CONTENT_TO_PUBLISH),
    ]
    for stage, on, outcome in steps:
        response = client.post(url, {"stage": stage, "outcome": outcome} | date_fields("reached_on", on))
        assert response.status_code == 302, errors(response)
    no_outcome = client.post(
        url,
        {"stage": Stage.PUBLISHED, "outcome": Outcome.RESUBMIT}
        | date_fields("reached_on", date(2025, 12, 2)),
    )
    assert errors(no_outcome) == ["Published has no outcome to choose"]
    outcomes = list(submitted.stages.filter(stage=Stage.QA_OUTCOME).values_list("outcome", flat=True))
    assert outcomes == [Outcome.RESUBMIT, Outcome.CONTENT_TO_PUBLISH]


def test_a_decision_without_reasons_is_refused_on_the_notes(client, dhr_officer, dorset):
    case = make_review(dorset, dhr_officer, "DHR 2025/05")
    signed_in(client, dhr_officer)
    response = client.post(
        reverse("dhr:record_stage", args=[case.pk]),
        {"stage": Stage.DECISION, "outcome": Outcome.COMMISSIONED}
        | date_fields("reached_on", date(2025, 1, 20)),
    )
    assert response.context["form"].errors["notes"] == ["Give the reasons in the notes"]


def test_correcting_a_stage_is_kept_in_the_history(client, dhr_officer, at_imrs):
    signed_in(client, dhr_officer)
    record = at_imrs.stages.get(stage=Stage.CHAIR_APPOINTED)
    url = reverse("dhr:correct_stage", args=[record.pk])
    late = client.post(url, {"notes": ""} | date_fields("reached_on", date(2025, 2, 21)))
    assert errors(late) == [
        "The date must be on or before 20 February 2025, when panel set up and terms of reference agreed was recorded"
    ]
    client.post(
        url, {"notes": "Appointed at the panel's first call"} | date_fields("reached_on", date(2025, 2, 3))
    )
    record.refresh_from_db()
    assert record.reached_on == date(2025, 2, 3)
    history = client.get(reverse("dhr:history", args=[at_imrs.pk])).content.decode()
    assert "3 February 2025" in history and "1 February 2025" in history


def test_pausing_and_resuming(client, dhr_officer, at_imrs):
    signed_in(client, dhr_officer)
    response = client.post(
        reverse("dhr:pause", args=[at_imrs.pk]),
        {"reason": Pause.Reason.CRIMINAL_TRIAL, "notes": "Trial listed"}
        | date_fields("starts_on", date(2025, 5, 2)),
    )
    assert response.status_code == 302
    dashboard = client.get(reverse("dhr:dashboard", args=["dorset"]))
    assert [row.case for row in dashboard.context["paused"]] == [at_imrs]
    again = client.post(
        reverse("dhr:pause", args=[at_imrs.pk]),
        {"reason": Pause.Reason.INQUEST} | date_fields("starts_on", date(2025, 5, 3)),
    )
    assert errors(again)[0].startswith("The review is already paused (criminal trial since 2 May 2025)")
    pause = Pause.objects.get()
    early = client.post(reverse("dhr:resume", args=[pause.pk]), date_fields("ends_on", date(2025, 5, 1)))
    assert errors(early) == ["The pause cannot end before it started on 2 May 2025"]
    client.post(reverse("dhr:resume", args=[pause.pk]), date_fields("ends_on", date(2025, 9, 1)))
    pause.refresh_from_db()
    assert pause.ends_on == date(2025, 9, 1)


def test_requesting_and_receiving_an_imr_with_its_document(client, dhr_officer, at_imrs, police):
    signed_in(client, dhr_officer)
    url = reverse("dhr:request_imr", args=[at_imrs.pk])
    backwards = client.post(
        url,
        {"agency": police.pk}
        | date_fields("requested_on", date(2025, 3, 1))
        | date_fields("due_on", date(2025, 2, 1)),
    )
    assert errors(backwards) == ["Due must be on or after the date the IMR was requested"]
    client.post(
        url,
        {"agency": police.pk}
        | date_fields("requested_on", date(2025, 3, 1))
        | date_fields("due_on", date(2025, 4, 15)),
    )
    imr = Imr.objects.get()
    receive = reverse("dhr:receive_imr", args=[imr.pk])
    wrong = client.post(
        receive,
        {
            "summary": "Missed a MARAC referral",
            "document": SimpleUploadedFile("imr.pdf", b"MZ\x90\x00 not a pdf"),
        }
        | date_fields("received_on", date(2025, 4, 20)),
    )
    assert errors(wrong)[0].startswith("The selected file must be a PDF, Word")
    imr.refresh_from_db()
    assert imr.received_on is None and not Document.objects.exists()
    client.post(
        receive,
        {"summary": "Missed a MARAC referral", "document": SimpleUploadedFile("imr.pdf", PDF)}
        | date_fields("received_on", date(2025, 4, 20)),
    )
    imr.refresh_from_db()
    assert (imr.received_on, imr.summary) == (date(2025, 4, 20), "Missed a MARAC referral")
    document = Document.objects.get()
    assert (document.imr, document.content_type, document.uploaded_by) == (
        imr,
        "application/pdf",
        dhr_officer,
    )


def test_an_oversized_upload_is_refused(client, dhr_officer, at_imrs, settings):
    settings.EVIDENCE_MAX_BYTES = 50
    signed_in(client, dhr_officer)
    response = client.post(
        reverse("dhr:add_document", args=[at_imrs.pk]),
        {"kind": Document.Kind.OVERVIEW_REPORT, "document": SimpleUploadedFile("report.pdf", PDF)},
    )
    assert errors(response)[0].startswith("The selected file must be smaller than 50")
    assert not Document.objects.exists()


def test_documents_are_served_only_to_the_cleared_and_each_download_is_logged(
    client, dhr_officer, officer, site_admin, at_imrs
):
    document = review.add_document(
        at_imrs, by=dhr_officer, kind=Document.Kind.DRAFT_REPORT, title="", upload=_checked_pdf("draft.pdf")
    )
    url = reverse("dhr:document", args=[document.pk])
    for user in (officer, site_admin):
        signed_in(client, user)
        assert client.get(url).status_code == 404
    assert not CaseView.objects.exists()
    signed_in(client, dhr_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "no-store" in response["Cache-Control"]
    assert CaseView.objects.get().what == f"download of document {document.pk}"


def _checked_pdf(name):
    from duties.evidence import check_upload

    return check_upload(SimpleUploadedFile(name, PDF))


def test_recommendations_and_their_progress(client, dhr_officer, at_imrs, police):
    signed_in(client, dhr_officer)
    client.post(
        reverse("dhr:add_recommendation", args=[at_imrs.pk]),
        {"text": "Train call handlers on coercive control", "owner": police.pk}
        | date_fields("due_on", date(2025, 9, 30)),
    )
    rec = Recommendation.objects.get()
    url = reverse("dhr:recommendation_progress", args=[rec.pk])
    no_evidence = client.post(
        url, {"status": "complete", "evidence": ""} | date_fields("reviewed_on", date(2025, 10, 1))
    )
    assert no_evidence.context["form"].errors["evidence"] == [
        "Give the evidence that the recommendation is complete"
    ]
    rec.refresh_from_db()
    assert rec.status == Recommendation.Status.NOT_STARTED
    dashboard = client.get(reverse("dhr:dashboard", args=["dorset"]))
    assert list(dashboard.context["overdue_recommendations"]) == [rec]
    client.post(
        url,
        {"status": "complete", "evidence": "Training log"} | date_fields("reviewed_on", date(2025, 10, 1)),
    )
    rec.refresh_from_db()
    assert rec.status == Recommendation.Status.COMPLETE
    dashboard = client.get(reverse("dhr:dashboard", args=["dorset"]))
    assert list(dashboard.context["overdue_recommendations"]) == []


def test_costs(client, dhr_officer, at_imrs, police):
    signed_in(client, dhr_officer)
    url = reverse("dhr:add_cost", args=[at_imrs.pk])
    negative = client.post(
        url,
        {"description": "Chair's fees", "amount": "-5", "paid_by": police.pk}
        | date_fields("incurred_on", date(2025, 3, 1)),
    )
    assert errors(negative) == ["The amount must not be negative"]
    client.post(
        url,
        {"description": "Chair's fees", "amount": "4500.00", "paid_by": police.pk}
        | date_fields("incurred_on", date(2025, 3, 1)),
    )
    assert Cost.objects.get().amount == 4500
    assert "£4,500.00" in client.get(reverse("dhr:case", args=[at_imrs.pk])).content.decode()


def test_two_people_editing_a_review_s_details(client, dhr_officer, dhr_lead, at_imrs):
    url = reverse("dhr:edit_case", args=[at_imrs.pk])
    signed_in(client, dhr_officer)
    opened = client.get(url).context["form"]["revision"].value()
    review.update_case(
        at_imrs, by=dhr_lead, expected_revision=opened, today=date(2026, 11, 24), chair_name="R. Shaw"
    )
    form = {"pseudonym": "Adult B", "chair_name": "J. Mills", "revision": opened}
    response = client.post(url, form)
    assert response.status_code == 409
    assert "R. Shaw" in response.content.decode()
    at_imrs.refresh_from_db()
    assert at_imrs.chair_name == "R. Shaw"
    response = client.post(url, form | {"revision": response.context["form"]["revision"].value()})
    assert response.status_code == 302
    at_imrs.refresh_from_db()
    assert at_imrs.chair_name == "J. Mills"


def test_the_access_log_is_for_cleared_admins_only(client, dhr_officer, dhr_lead, site_admin, at_imrs):
    signed_in(client, dhr_officer)
    client.get(reverse("dhr:case", args=[at_imrs.pk]))
    assert client.get(reverse("dhr:access_log", args=["dorset"])).status_code == 404
    signed_in(client, site_admin)
    assert client.get(reverse("dhr:access_log", args=["dorset"])).status_code == 404
    signed_in(client, dhr_lead)
    page = client.get(reverse("dhr:access_log", args=["dorset"])).content.decode()
    assert "Dee Evans" in page and "DHR 2025/01" in page and "the review" in page


def test_the_dashboard_counts_the_median_from_decision_to_submission(client, dhr_officer, at_imrs, submitted):
    signed_in(client, dhr_officer)
    response = client.get(reverse("dhr:dashboard", args=["dorset"]))
    # Decision 20 January 2025, submitted 10 July 2025: 171 days.
    assert (response.context["median_days"], response.context["median_count"]) == (171, 1)
    stages = dict(response.context["by_stage"])
    assert stages == {
        "IMRs and chronologies received": 1,
        "Submitted to the Home Office Quality Assurance Panel": 1,
    }


@pytest.mark.parametrize("view", ["dhr:list", "dhr:dashboard"])
def test_list_and_dashboard_cost_the_same_queries_with_more_reviews(
    client, dhr_officer, dorset, view, django_assert_num_queries, police
):
    def add(count, start):
        for n in range(start, start + count):
            case = make_review(
                dorset, dhr_officer, f"DHR 2025/{n:02}", stages=[(Stage.SCOPING, date(2025, 1, 10), "", "")]
            )
            review.pause(
                case, by=dhr_officer, reason="inquest", starts_on=date(2025, 2, 1), today=date(2026, 11, 24)
            )
            review.request_imr(
                case,
                by=dhr_officer,
                agency=police,
                requested_on=date(2025, 2, 1),
                due_on=date(2025, 3, 1),
                today=date(2026, 11, 24),
            )
            review.add_recommendation(
                case,
                by=dhr_officer,
                text="Train staff",
                owner=police,
                due_on=date(2025, 3, 1),
                today=date(2026, 11, 24),
            )

    signed_in(client, dhr_officer)
    add(2, 1)
    url = reverse(view, args=["dorset"])
    client.get(url)
    with django_assert_num_queries(PINNED[view]):
        assert client.get(url).status_code == 200
    add(20, 10)
    with django_assert_num_queries(PINNED[view]):
        assert client.get(url).status_code == 200


PINNED = {"dhr:list": 7, "dhr:dashboard": 9}


def test_the_access_log_costs_the_same_queries_with_more_looks(
    client, dhr_lead, at_imrs, django_assert_num_queries
):
    signed_in(client, dhr_lead)
    url = reverse("dhr:access_log", args=["dorset"])
    CaseView.objects.create(case=at_imrs, user=dhr_lead, what="the review")
    client.get(url)
    with django_assert_num_queries(ACCESS_LOG):
        assert client.get(url).status_code == 200
    CaseView.objects.bulk_create(
        [CaseView(case=at_imrs, user=dhr_lead, what="the review") for _ in range(120)]
    )
    with django_assert_num_queries(ACCESS_LOG):
        response = client.get(url)
    assert "121 records" in response.content.decode()


# Session, user, roles, the partnership, the count, one page of looks with their people and
# reviews (fifty at most).
ACCESS_LOG = 6
