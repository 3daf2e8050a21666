"""An officer starts from what is overdue and adds the evidence for it."""

import re
from pathlib import Path

import magic
from playwright.sync_api import Page, expect

from tests.browser.steps import axe_check, open_the_duty_register, sign_in_as

OVERDUE_DUTY = "Reducing Reoffending Strategy"
# A small but well-formed PDF: libmagic reads the content, not the name.
PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n"
    b"%%EOF\n"
)
# A web page dressed up as a PDF: what a phishing "document" often is.
HTML_NAMED_PDF = (
    b"<!DOCTYPE html><html><head><title>Invoice</title></head><body><script>steal()</script></body></html>"
)


def see_what_is_overdue_and_due_soon(page: Page):
    overdue = page.get_by_role("table", name="Overdue")
    expect(overdue.get_by_role("link", name=f"{OVERDUE_DUTY} due")).to_be_visible()
    expect(overdue).to_contain_text("late")
    due_soon = page.get_by_role("table", name="Due in the next 90 days")
    expect(
        due_soon.get_by_role("link", name="Annual Partnership Strategic Assessment (PSA) due")
    ).to_be_visible()
    expect(due_soon).not_to_contain_text(OVERDUE_DUTY)


def follow_the_overdue_link(page: Page, title: str):
    page.get_by_role("table", name="Overdue").get_by_role("link", name=f"{title} due").click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(page.locator("main .govuk-tag").first).to_have_text("Overdue")
    axe_check(page)


def filter_the_register_by_status(page: Page, status: str):
    page.get_by_label("Status").select_option(label=status)
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"status=overdue"))
    axe_check(page)


def open_the_duty(page: Page, title: str):
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    axe_check(page)


def start_adding_evidence(page: Page):
    page.get_by_role("link", name="Add evidence").click()
    expect(page.get_by_role("heading", level=1, name=re.compile("^Add evidence to"))).to_be_visible()
    axe_check(page)


def add_evidence_file(page: Page, title: str, name: str, content: bytes, mime_type: str = "application/pdf"):
    page.get_by_label("Title").fill(title)
    page.get_by_label("Upload a file").set_input_files(
        {"name": name, "mimeType": mime_type, "buffer": content}
    )
    page.get_by_role("button", name="Add evidence").click()


def add_evidence_link(page: Page, title: str, url: str):
    page.get_by_label("Title").fill(title)
    page.get_by_label("Or give a link").fill(url)
    page.get_by_role("button", name="Add evidence").click()


def see_the_evidence_added(page: Page, duty: str):
    banner = page.get_by_role("alert").filter(has_text="Success")
    expect(banner).to_contain_text(f"Evidence added to {duty}")
    expect(banner).to_be_focused()
    axe_check(page)


def test_officer_adds_evidence_to_an_overdue_duty(page: Page, demo):
    """Given Alex Morgan, an officer of the Dorset partnership, whose reducing
    reoffending strategy is overdue
    When they follow it from the dashboard, filter the register to overdue duties and
    upload a web page renamed .pdf, then a real PDF, then a link
    Then the web page is refused in the error summary with their title kept, and the
    PDF and the link are listed on the duty, the PDF downloading byte for byte"""
    assert magic.from_buffer(PDF, mime=True) == "application/pdf"
    assert magic.from_buffer(HTML_NAMED_PDF, mime=True) == "text/html"

    sign_in_as(page, "officer")
    see_what_is_overdue_and_due_soon(page)
    follow_the_overdue_link(page, OVERDUE_DUTY)

    open_the_duty_register(page)
    filter_the_register_by_status(page, "Overdue")
    results = page.get_by_role("table", name=re.compile("the filters"))
    expect(results).to_contain_text("1 duty matches the filters")
    expect(results.locator("tbody tr")).to_have_count(1)
    open_the_duty(page, OVERDUE_DUTY)

    start_adding_evidence(page)
    add_evidence_file(page, "Reducing Reoffending Strategy 2026", "strategy.pdf", HTML_NAMED_PDF)
    expect(page).to_have_title(re.compile(r"^Error: Add evidence to"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(
        summary.get_by_role("link", name=re.compile(r"must be a PDF.*Its content is text\/html"))
    ).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Reducing Reoffending Strategy 2026")
    axe_check(page)

    add_evidence_file(page, "Reducing Reoffending Strategy 2026", "strategy.pdf", PDF)
    see_the_evidence_added(page, OVERDUE_DUTY)
    evidence = page.get_by_role("link", name="Reducing Reoffending Strategy 2026")
    expect(evidence.locator("xpath=..")).to_contain_text(f"({len(PDF)} bytes)")
    expect(evidence.locator("xpath=..")).to_contain_text("Added by Alex Morgan")

    with page.expect_download() as download_info:
        evidence.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes() == PDF

    start_adding_evidence(page)
    add_evidence_link(page, "Published strategy", "https://www.dorsetcouncil.gov.uk/reducing-reoffending")
    see_the_evidence_added(page, OVERDUE_DUTY)
    link = page.get_by_role("link", name="Published strategy")
    expect(link).to_have_attribute("href", "https://www.dorsetcouncil.gov.uk/reducing-reoffending")
    expect(link.locator("xpath=..")).to_contain_text("(link)")
