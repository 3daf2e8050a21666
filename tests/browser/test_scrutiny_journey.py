"""A committee clerk builds the annual scrutiny pack, previews it, writes the summary,
issues it and downloads the PDF and the Word file; a councillor then reads it."""

import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from csp_tracker.celery import app
from scrutiny import building
from scrutiny.models import Pack
from tests.browser.steps import PERSONA_PASSWORD, axe_check, sign_in_as
from tests.scrutiny.conftest import dorset_council, live_data  # noqa: F401 (fixtures)
from tests.scrutiny.helpers import docx_headings, docx_text, pdf_text

COPIED = {"partnership_id", "council_id", "period_starts_on", "period_ends_on", "committee", "committee_on"}
SUMMARY = "The partnership met its statutory duties in 2023/24 and recommends its refreshed plan."
RECOMMENDATION = (
    "That the Community Safety Plan 2023-2026 (2024-25 refresh) be recommended to Cabinet and Dorset "
    "Council for adoption."
)


@pytest.fixture
def worker_in_the_request():
    """The build runs where the page asks for it, as Celery's eager mode does: the journey
    needs no worker process, and the pack is ready when the page comes back."""
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def open_the_scrutiny_packs(page: Page):
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Scrutiny packs").click()
    expect(page.get_by_role("heading", level=1, name="Scrutiny packs")).to_be_visible()
    axe_check(page)


def fill_date(page: Page, legend: str, day: str, month: str, year: str):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(day)
    group.get_by_label("Month").fill(month)
    group.get_by_label("Year").fill(year)


def build_a_pack_for_the_committee(page: Page):
    page.get_by_role("button", name="Build a new pack").click()
    expect(page.get_by_role("heading", level=1, name="Build a new pack")).to_be_visible()
    axe_check(page)
    page.get_by_label("Dorset Council").check()
    page.get_by_label("Title").fill("Community Safety Annual Report 2023/24")
    fill_date(page, "Period starts", "1", "4", "2023")
    fill_date(page, "Period ends", "31", "3", "2024")
    page.get_by_label("Crime & Disorder Committee").fill("People & Health Overview Committee")
    fill_date(page, "Committee date", "23", "7", "2024")
    fill_date(page, "Cabinet date", "1", "7", "2024")
    page.get_by_label("Portfolio holder").fill("Cllr G Taylor, Health and Housing")
    page.get_by_role("button", name="Build the draft pack").click()
    expect(page).to_have_title("Error: Build a new pack – CSP Tracker")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Cabinet must meet after the committee")
    axe_check(page)
    fill_date(page, "Cabinet date", "3", "9", "2024")
    page.get_by_role("button", name="Build the draft pack").click()
    expect(
        page.get_by_role("heading", level=1, name="Community Safety Annual Report 2023/24")
    ).to_be_visible()
    expect(page.get_by_text("the draft is being built")).to_be_visible()
    expect(page.locator("main .govuk-tag").first).to_have_text("Draft")
    axe_check(page)


def preview_it(page: Page):
    page.get_by_role("link", name="Preview the pack").click()
    expect(page).to_have_title("Preview: Community Safety Annual Report 2023/24 – CSP Tracker")
    for section in (
        "Recommendations",
        "Statutory duties",
        "Domestic Homicide Reviews",
        "Performance indicators",
    ):
        expect(page.get_by_role("heading", level=2, name=section, exact=True)).to_be_visible()
    expect(page.get_by_text(RECOMMENDATION)).to_be_visible()
    expect(page.get_by_role("rowheader", name="Annual strategic assessment")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Community Safety Annual Report 2023/24").click()
    axe_check(page)


def write_the_summary(page: Page):
    page.get_by_role("button", name="Edit the narrative").click()
    expect(page.get_by_role("heading", level=1, name="Edit the narrative")).to_be_visible()
    axe_check(page)
    page.get_by_label("Executive summary").fill(SUMMARY)
    page.get_by_label("Budget").fill("The CSP receives no funding of its own.")
    page.get_by_label("Risk assessment").fill("Current risk: LOW. Residual risk: LOW.")
    page.get_by_label("Climate implications").fill("No adverse effect on the climate is expected.")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("draft saved")).to_be_visible()
    axe_check(page)


def issue_it(page: Page):
    page.get_by_role("button", name="Issue the pack").click()
    expect(page.get_by_role("heading", level=1, name="Issue the pack")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Issue the pack").click()
    expect(page.get_by_text("Community Safety Annual Report 2023/24 issued")).to_be_visible()
    expect(page.locator("main .govuk-tag").first).to_have_text("Issued")
    axe_check(page)


def download(page: Page, link: str, folder: Path) -> bytes:
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link).click()
    path = folder / download_info.value.suggested_filename
    download_info.value.save_as(path)
    return path.read_bytes()


def watch_a_queued_pack_build(page: Page, clerk):
    """The page says how far a build has got, and shows the pack once the worker is done."""
    issued = Pack.objects.get()
    queued = Pack.objects.create(
        **{f.attname: getattr(issued, f.attname) for f in Pack._meta.concrete_fields if f.attname in COPIED},
        title="Community Safety Annual Report 2024/25",
        state=Pack.State.QUEUED,
        created_by=clerk,
    )
    page.goto(queued.get_absolute_url())
    expect(page.get_by_role("status")).to_contain_text("Waiting to build: 0% done")
    axe_check(page)
    building.build(queued.pk, today=timezone.localdate())
    expect(page.locator("main .govuk-tag").first).to_have_text("Draft", timeout=10_000)
    axe_check(page)


def read_the_history(page: Page):
    page.get_by_role("link", name="History of this pack").click()
    expect(
        page.get_by_role("heading", level=1, name="History of Community Safety Annual Report 2023/24")
    ).to_be_visible()
    expect(page.locator("main")).to_contain_text("Executive summary")
    axe_check(page)


@pytest.mark.usefixtures("live_data", "worker_in_the_request")
def test_a_clerk_builds_previews_edits_issues_and_downloads_the_pack(
    page: Page,
    clerk,
    councillor,
    tmp_path: Path,
):
    """Given Dorset's register, a plan waiting for the committee and a review under way,
    when the clerk builds the pack, previews it, writes the summary and issues it,
    then the PDF and the Word file hold the summary and the recommendation, the PDF's
    pages render, a pack still queued shows its progress until the worker has built it, and a
    councillor can read and download the issued pack but not change it."""
    sign_in_as(page, "clerk", PERSONA_PASSWORD)
    open_the_scrutiny_packs(page)
    build_a_pack_for_the_committee(page)
    preview_it(page)
    write_the_summary(page)
    issue_it(page)

    pdf = download(page, "Download the PDF", tmp_path)
    docx = download(page, "Download the Word file", tmp_path)
    pack = Pack.objects.get()
    assert pack.is_issued and pack.issued_by == clerk
    for text in (" ".join(pdf_text(pdf).split()), docx_text(docx)):
        assert SUMMARY in text and RECOMMENDATION in text
    assert ("Heading 2", "Statutory duties") in docx_headings(docx)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-", str(tmp_path / "page")], input=pdf, check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == pack.pages
    read_the_history(page)
    watch_a_queued_pack_build(page, clerk)

    page.context.clear_cookies()
    sign_in_as(page, "councillor", PERSONA_PASSWORD)
    open_the_scrutiny_packs(page)
    expect(page.get_by_role("button", name="Build a new pack")).to_have_count(0)
    page.get_by_role("link", name="Community Safety Annual Report 2023/24", exact=True).click()
    expect(page.get_by_role("button", name="Edit the narrative")).to_have_count(0)
    axe_check(page)
    assert download(page, "Download the PDF", tmp_path) == pdf
