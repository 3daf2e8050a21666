"""Domestic Homicide Reviews: a DHR-cleared officer moves two reviews on with the keyboard
alone and sees the dashboard follow; a councillor, not cleared, finds no trace of them."""

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import (
    PERSONA_PASSWORD,
    axe_check,
    sign_in_with_the_keyboard,
    skip_to_main_content,
    tab_to,
)
from tests.dhr.conftest import TO_IMRS_RECEIVED, TO_SUBMITTED, make_review

AT_IMRS = "DHR 2025/01: ‘Adult B’"
SUBMITTED = "DHR 2025/02: ‘Ms C’"
DASHBOARD = "Which review is stuck, where, and for how long"
IMRS_RECEIVED = "IMRs and chronologies received"
DRAFT_REPORT = "Draft overview report"
SUBMITTED_TO_QAP = "Submitted to the Home Office Quality Assurance Panel"
QA_OUTCOME = "Quality Assurance Panel outcome"
# Decision to commission on 20 January 2025, first submission on 10 July 2025.
MEDIAN = "171 days"


@pytest.fixture
def reviews(dorset, dhr_officer):
    """Two of Dorset's reviews, built through the write functions as Dee Evans would: one
    with its IMRs received, one submitted to the Home Office's Quality Assurance Panel."""
    return (
        make_review(dorset, dhr_officer, "DHR 2025/01", "Adult B", TO_IMRS_RECEIVED),
        make_review(dorset, dhr_officer, "DHR 2025/02", "Ms C", TO_SUBMITTED),
    )


def open_the_dhrs_from_the_menu(page: Page):
    # From the top of the page: skip link, Sign out, service name, Dashboard, Duty
    # register, Plans, DHRs.
    tab_to(page, page.get_by_role("navigation", name="Menu").get_by_role("link", name="DHRs"), limit=7)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Domestic Homicide Reviews")).to_be_visible()
    axe_check(page)


def open_the_dhr_dashboard(page: Page):
    skip_to_main_content(page)
    tab_to(page, page.get_by_role("button", name="DHR dashboard"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=DASHBOARD)).to_be_visible()
    axe_check(page)


def back_to_the_dhr_dashboard(page: Page):
    """From a review whose success banner has focus: back up to the breadcrumbs, then the
    list's "DHR dashboard" button."""
    tab_to(
        page,
        page.get_by_role("navigation", name="Breadcrumb").get_by_role(
            "link", name="Domestic Homicide Reviews"
        ),
        backwards=True,
    )
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Domestic Homicide Reviews")).to_be_visible()
    axe_check(page)
    open_the_dhr_dashboard(page)


def see_the_reviews_by_stage(page: Page, expected: dict[str, int]):
    table = page.get_by_role("table", name="Open reviews by stage")
    expect(table).to_have_id("by-stage")
    expect(table.get_by_role("rowheader")).to_have_text(list(expected))
    expect(table.locator("tbody td")).to_have_text([str(count) for count in expected.values()])


def open_the_review(page: Page, title: str):
    skip_to_main_content(page)
    tab_to(page, page.get_by_role("table", name=re.compile("^Time in stage")).get_by_role("link", name=title))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    axe_check(page)


def open_record_a_stage(page: Page):
    """From wherever focus is (the skip link's <main> or the success banner)."""
    tab_to(page, page.get_by_role("button", name="Record a stage"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Record a stage")).to_be_visible()
    axe_check(page)


def choose_the_stage(page: Page, stage: str):
    """Tab enters a radio group with nothing chosen on its first option, which is the next
    stage in order; Space chooses it."""
    radio = page.get_by_role("radio", name=stage, exact=True)
    tab_to(page, radio)
    page.keyboard.press("Space")
    expect(radio).to_be_checked()


def type_the_date(page: Page, on: date):
    for box, value in (("Day", on.day), ("Month", on.month), ("Year", on.year)):
        tab_to(page, page.get_by_role("group", name="Date").get_by_label(box, exact=True), limit=1)
        page.keyboard.type(str(value))


def choose_the_outcome(page: Page, outcome: str):
    """The select starts on "No outcome"; the down arrow moves through the options."""
    select = page.get_by_label("Outcome", exact=True)
    tab_to(page, select, limit=1)
    options = select.locator("option").all_inner_texts()
    assert options[0] == "No outcome", options
    for _ in range(options.index(outcome)):
        page.keyboard.press("ArrowDown")
    expect(select.locator("option:checked")).to_have_text(outcome)


def record_the_stage(page: Page, stage: str, on: date, outcome: str | None = None):
    skip_to_main_content(page)
    choose_the_stage(page, stage)
    type_the_date(page, on)
    if outcome:
        choose_the_outcome(page, outcome)
    # Past the outcome (or the select left as it is) and the notes.
    tab_to(page, page.get_by_role("button", name="Record the stage"), limit=3)
    page.keyboard.press("Enter")


def see_the_success_banner(page: Page, text: str):
    banner = page.get_by_role("alert").filter(has_text="Success")
    expect(banner).to_contain_text(text)
    axe_check(page)
    expect(banner).to_be_focused()


def test_dhr_officer_moves_two_reviews_on_with_the_keyboard(page: Page, dhr_officer, reviews):
    """Given Dee Evans, a DHR-cleared officer of the Dorset partnership who uses only a
    keyboard, and two reviews: one with its IMRs received, one submitted to the Home
    Office's Quality Assurance Panel
    When Dee records the first review's draft overview report, first dated before the IMRs
    came in, then on 1 June 2025; and records the second review's panel outcome "revise and
    resubmit", its resubmission and then the panel's "content to publish"
    Then the misdated stage is refused in the error summary, which has focus; each stage
    recorded shows the success banner; and the dashboard's stages and median time to
    submission follow, with focus visible at every step and every page passing axe"""
    sign_in_with_the_keyboard(page, "dhr", PERSONA_PASSWORD)
    open_the_dhrs_from_the_menu(page)
    open_the_dhr_dashboard(page)
    see_the_reviews_by_stage(page, {IMRS_RECEIVED: 1, SUBMITTED_TO_QAP: 1})
    expect(page.locator("#median-days")).to_have_text(MEDIAN)

    open_the_review(page, AT_IMRS)
    skip_to_main_content(page)
    open_record_a_stage(page)
    expect(page.get_by_text(f"Latest: {IMRS_RECEIVED}, 1 May 2025")).to_be_visible()

    record_the_stage(page, DRAFT_REPORT, date(2025, 4, 1))
    expect(page).to_have_title(re.compile(r"^Error: Record a stage"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(
        summary.get_by_role("link", name=re.compile("The date must be on or after 1 May 2025"))
    ).to_be_visible()
    expect(page.get_by_role("radio", name=DRAFT_REPORT, exact=True)).to_be_checked()
    axe_check(page)

    month = page.get_by_role("group", name="Date").get_by_label("Month", exact=True)
    tab_to(page, month)
    page.keyboard.press("Control+a")
    page.keyboard.type("6")
    tab_to(page, page.get_by_role("button", name="Record the stage"), limit=4)
    page.keyboard.press("Enter")
    see_the_success_banner(page, f"Stage recorded: {DRAFT_REPORT}, 1 June 2025")
    expect(page.get_by_role("heading", level=1, name=AT_IMRS)).to_be_visible()

    back_to_the_dhr_dashboard(page)
    see_the_reviews_by_stage(page, {DRAFT_REPORT: 1, SUBMITTED_TO_QAP: 1})

    open_the_review(page, SUBMITTED)
    skip_to_main_content(page)
    open_record_a_stage(page)
    record_the_stage(page, QA_OUTCOME, date(2025, 8, 1), f"{QA_OUTCOME}: revise and resubmit")
    see_the_success_banner(page, f"Stage recorded: {QA_OUTCOME}: revise and resubmit, 1 August 2025")

    open_record_a_stage(page)
    record_the_stage(page, SUBMITTED_TO_QAP, date(2025, 9, 1))
    see_the_success_banner(page, f"Stage recorded: {SUBMITTED_TO_QAP}, 1 September 2025")

    open_record_a_stage(page)
    record_the_stage(page, QA_OUTCOME, date(2025, 10, 1), f"{QA_OUTCOME}: content to publish")
    see_the_success_banner(page, f"Stage recorded: {QA_OUTCOME}: content to publish, 1 October 2025")
    stages = page.locator("#stages + ol > li")
    expect(stages.filter(has_text=QA_OUTCOME)).to_have_count(2)
    expect(stages.filter(has_text=SUBMITTED_TO_QAP)).to_have_count(2)

    back_to_the_dhr_dashboard(page)
    see_the_reviews_by_stage(page, {DRAFT_REPORT: 1, f"{QA_OUTCOME}: content to publish": 1})
    # Counted from the first submission: resubmitting does not move it.
    expect(page.locator("#median-days")).to_have_text(MEDIAN)
    expect(page.locator("#median-days").locator("xpath=..")).to_contain_text(
        "median, over 1 review submitted"
    )


def test_councillor_finds_no_trace_of_a_review(page: Page, councillor, reviews):
    """Given Pat Hughes, a councillor of the Dorset partnership who is not DHR-cleared
    When they type a review's address in themselves
    Then they see "Page not found" with status 404, and their menu has no DHRs item, the
    page passing axe"""
    at_imrs, _ = reviews
    sign_in_with_the_keyboard(page, "councillor", PERSONA_PASSWORD)

    response = page.goto(f"/dhr/cases/{at_imrs.pk}/")
    assert response.status == 404
    expect(page).to_have_title("Page not found – CSP Tracker")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="Duty register")).to_be_visible()
    expect(menu.get_by_role("link", name="DHRs")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text("Adult B")
    axe_check(page)
