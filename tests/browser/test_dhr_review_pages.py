"""The rest of a review's pages in a real browser, each checked by axe with and without
errors: a DHR-cleared officer pauses a review and ends the pause, asks an agency for its IMR
and records it received with the document, adds a recommendation and its progress, a cost
and a document, corrects a stage, changes the review's details and reads its history; the
DHR-cleared admin then reads who looked at it."""

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import PERSONA_PASSWORD, axe_check, sign_in_as
from tests.dhr.conftest import TO_IMRS_RECEIVED, make_review
from tests.factories import OrganisationFactory

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def review(dorset, dhr_officer, dhr_lead):
    OrganisationFactory(name="Dorset Police")
    return make_review(dorset, dhr_officer, "DHR 2025/01", "Adult B", TO_IMRS_RECEIVED)


def fill_date(page: Page, legend: str, day: date):
    group = page.get_by_role("group", name=legend)
    for box, value in (("Day", day.day), ("Month", day.month), ("Year", day.year)):
        group.get_by_label(box, exact=True).fill(str(value))


def open_action(page: Page, name: str, heading: str):
    """From the review's page, follow an action to its form."""
    # GOV.UK's link buttons (role="button") and plain links alike.
    page.get_by_role("link", name=name).or_(page.get_by_role("button", name=name)).first.click()
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    axe_check(page)


def send(page: Page, button: str, banner: str):
    page.get_by_role("button", name=button).click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(banner)
    axe_check(page)


def refused_when_empty(page: Page, button: str, message: str):
    page.get_by_role("button", name=button).click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text(message)
    assert page.title().startswith("Error:")
    axe_check(page)


def test_an_officer_keeps_a_review_up_to_date(page: Page, review, tmp_path: Path):
    sign_in_as(page, "dhr", PERSONA_PASSWORD)
    page.goto(f"/dhr/cases/{review.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("DHR 2025/01: ‘Adult B’")
    axe_check(page)

    open_action(page, "Pause the review", "Pause the review")
    refused_when_empty(page, "Pause the review", "Select why the review is paused")
    page.get_by_label("Criminal trial", exact=True).check()
    fill_date(page, "Pause starts", date(2025, 5, 2))
    send(page, "Pause the review", "Review paused: criminal trial")
    expect(page.locator("#pauses")).to_be_visible()

    open_action(page, "End the pause", "End the pause")
    fill_date(page, "Pause ends", date(2025, 4, 1))
    page.get_by_role("button", name="End the pause").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The pause cannot end before it started on 2 May 2025"
    )
    axe_check(page)
    fill_date(page, "Pause ends", date(2025, 6, 1))
    send(page, "End the pause", "The pause has ended")

    open_action(page, "Request an IMR or chronology", "Request an IMR or chronology")
    refused_when_empty(page, "Request the IMR", "Select the agency asked for the IMR")
    page.get_by_label("Agency", exact=True).select_option(label="Dorset Police")
    fill_date(page, "Requested", date(2025, 3, 1))
    fill_date(page, "Due", date(2025, 4, 15))
    send(page, "Request the IMR", "IMR requested from Dorset Police")

    open_action(page, "Record as received", "IMR received from Dorset Police")
    fill_date(page, "Received", date(2025, 4, 20))
    page.get_by_label("What the IMR found", exact=True).fill("Two missed chances to refer to MARAC")
    upload = tmp_path / "imr.pdf"
    upload.write_bytes(PDF)
    page.get_by_label("Upload the IMR", exact=True).set_input_files(upload)
    send(page, "Record the IMR as received", "IMR received from Dorset Police")
    expect(page.locator("#imrs")).to_contain_text("Two missed chances to refer to MARAC")

    open_action(page, "Add a recommendation", "Add a recommendation to the action plan")
    refused_when_empty(page, "Add the recommendation", "Enter the recommendation")
    page.get_by_label("Recommendation", exact=True).fill("Train call handlers to recognise coercive control")
    page.get_by_label("Owner organisation", exact=True).select_option(label="Dorset Police")
    fill_date(page, "Due", date(2025, 12, 31))
    send(page, "Add the recommendation", "Recommendation added to the action plan")

    open_action(page, "Record progress", "Record progress on a recommendation")
    page.get_by_label("Complete", exact=True).check()
    fill_date(page, "Date of the progress review", date(2025, 10, 1))
    page.get_by_role("button", name="Save progress").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Give the evidence that the recommendation is complete"
    )
    axe_check(page)
    page.get_by_label("Evidence", exact=True).fill("Training records for all call handlers")
    send(page, "Save progress", "Progress saved")

    open_action(page, "Add a cost", "Add a cost")
    refused_when_empty(page, "Add the cost", "Enter what the cost is for")
    page.get_by_label("Description", exact=True).fill("Independent chair's fees")
    page.get_by_label("Amount in pounds", exact=True).fill("4500.00")
    fill_date(page, "Date incurred", date(2025, 3, 31))
    page.get_by_label("Paid by", exact=True).select_option(label="Dorset Police")
    send(page, "Add the cost", "Cost added: Independent chair's fees, £4,500.00")

    open_action(page, "Upload a document", "Upload a document")
    refused_when_empty(page, "Upload the document", "Select the file to upload")
    page.get_by_label("Draft overview report", exact=True).check()
    report = tmp_path / "draft.pdf"
    report.write_bytes(PDF)
    page.get_by_label("Upload a document", exact=True).set_input_files(report)
    send(page, "Upload the document", "Uploaded: draft.pdf")

    open_action(page, "Correct independent chair appointed", "Correct: Independent chair appointed")
    fill_date(page, "Date", date(2025, 2, 3))
    send(page, "Save the correction", "Corrected: Independent chair appointed")

    open_action(page, "Change the review's details", "Change the review's details")
    page.get_by_label("Independent chair", exact=True).fill("R. Shaw")
    send(page, "Save changes", "Changes saved")
    expect(page.get_by_text("R. Shaw")).to_be_visible()

    page.get_by_role("link", name="History", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="History")).to_be_visible()
    axe_check(page)

    page.goto("/partnerships/dorset/dhr/add/")
    expect(page.get_by_role("heading", level=1, name="Open a review")).to_be_visible()
    axe_check(page)
    refused_when_empty(page, "Open the review", "Enter the review's reference")

    page.context.clear_cookies()
    sign_in_as(page, "dhrlead", PERSONA_PASSWORD)
    page.goto("/partnerships/dorset/dhr/")
    axe_check(page)
    page.get_by_role("link", name="Who looked at reviews").click()
    expect(page.get_by_role("heading", level=1, name="Who looked at reviews")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Dee Evans")
    axe_check(page)
