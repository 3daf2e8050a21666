"""An officer imports a quarter's figures from a CSV file and sees the chart and its table change."""

from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from indicators import figures
from tests.browser.steps import PERSONA_PASSWORD, axe_check, sign_in_as

INDICATOR = "The total number of ASB reports to the police"


@pytest.fixture
def asb(dorset, officer):
    indicator = figures.create_indicator(
        dorset,
        by=officer,
        name=INDICATOR,
        good_direction="down",
        source="Standard CSP data set",
        baseline_year=2021,
        baseline_value=Decimal(12440),
    )
    figures.record_value(indicator, year=2022, quarter=1, value=3399, by=officer)
    return indicator


def start_on_the_indicators_page(page: Page):
    page.goto("/partnerships/dorset/indicators/")
    expect(page.get_by_role("heading", level=1, name="Performance indicators")).to_be_visible()
    axe_check(page)


def open_the_indicator(page: Page):
    page.get_by_role("link", name=INDICATOR, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=INDICATOR)).to_be_visible()
    axe_check(page)


def the_chart_and_table_show(page: Page, *, latest: str, q2: str):
    chart = page.get_by_role("img", name=f"{INDICATOR}: figures by quarter")
    expect(chart).to_be_visible()
    expect(chart.locator("desc")).to_contain_text(latest)
    row = page.get_by_role("table", name="Figures by financial year").get_by_role("row", name="2022/23")
    expect(row.get_by_role("cell").nth(1)).to_contain_text(q2)


def choose_to_import_figures(page: Page):
    page.get_by_role("button", name="Import figures from a file").click()
    expect(page.get_by_role("heading", level=1, name="Import figures")).to_be_visible()
    axe_check(page)


def check_the_file(page: Page, text: str):
    page.get_by_label("File of figures").set_input_files(
        {"name": "q2-figures.csv", "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1, name="Check the figures before saving")).to_be_visible()
    axe_check(page)


def test_officer_imports_a_quarter_and_sees_the_chart_change(page: Page, officer, asb):
    """Given Dorset's ASB indicator has its baseline and Q1 recorded,
    when the officer imports Q2 from a CSV (first with a mistake, then corrected) and confirms,
    then the indicator's chart and table show Q2."""
    sign_in_as(page, "officer", PERSONA_PASSWORD)
    start_on_the_indicators_page(page)
    open_the_indicator(page)
    the_chart_and_table_show(page, latest="Latest: 2022/23 Q1, 3,399.", q2="No figure")

    page.get_by_role("link", name="Performance indicators").click()
    axe_check(page)
    choose_to_import_figures(page)
    check_the_file(page, f"indicator,year,quarter,value\n{INDICATOR},2022/23,Q2,about 3300\n")
    expect(page.get_by_role("alert")).to_contain_text("Row 2, column value: Value must be a number")
    expect(page.get_by_role("button", name="Save 1 figure")).to_have_count(0)

    page.get_by_role("link", name="Upload a corrected file").click()
    axe_check(page)
    check_the_file(page, f'indicator,year,quarter,value\n{INDICATOR},2022/23,Q2,"3,310"\n')
    expect(page.get_by_role("row", name="2").filter(has_text="Will add")).to_be_visible()
    page.get_by_role("button", name="Save 1 figure").click()
    expect(page.get_by_role("alert").filter(has_text="Success")).to_contain_text("1 figure saved: 1 added")
    axe_check(page)

    open_the_indicator(page)
    the_chart_and_table_show(page, latest="Latest: 2022/23 Q2, 3,310.", q2="3,310")
    expect(
        page.get_by_role("paragraph").filter(has_text="2022/23 so far (2 quarters): 6,709, against 6,220")
    ).to_be_visible()
