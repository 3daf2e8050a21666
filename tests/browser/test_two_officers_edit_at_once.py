"""Two officers edit the same register entry at the same time: the second is told, and
keeps what they typed."""

import re

from playwright.sync_api import Page, expect

from tests.browser.steps import axe_check, sign_in_as

PSA = "Annual Partnership Strategic Assessment (PSA)"
PSA_EDIT = "/partnerships/dorset/duties/strategic-assessment/edit/"
ALEX_WROTE = "PSA 2026 agreed by the CSP on 3 March."
DEE_WROTE = "PSA 2026 delayed: police data for the fourth quarter arrives in April."


def open_the_edit_form(page: Page):
    page.goto(PSA_EDIT)
    expect(page.get_by_role("heading", level=1, name=f"Update {PSA}")).to_be_visible()
    axe_check(page)


def write_the_implementation(page: Page, text: str):
    page.get_by_label("Implementation").fill(text)


def save(page: Page):
    page.get_by_role("button", name="Save changes").click()


def see_the_changes_saved(page: Page):
    expect(page.get_by_role("alert").filter(has_text="Success")).to_contain_text(f"{PSA}: changes saved")
    axe_check(page)


def alex_saves_first_then_dee_saves(alex: Page, dee: Page):
    sign_in_as(alex, "officer")
    sign_in_as(dee, "dhr")
    open_the_edit_form(alex)
    open_the_edit_form(dee)

    write_the_implementation(alex, ALEX_WROTE)
    save(alex)
    see_the_changes_saved(alex)

    write_the_implementation(dee, DEE_WROTE)
    dee.get_by_role("radio", name="At risk").check()
    save(dee)
    expect(dee.locator(".govuk-warning-text")).to_contain_text("Someone else saved this entry")
    axe_check(dee)


def test_second_officer_to_save_sees_what_changed_and_keeps_their_text(page: Page, new_context, demo):
    """Given Alex Morgan and Dee Evans, both officers of the Dorset partnership, each with
    the PSA's edit form open in their own browser
    When Alex saves first, and Dee then saves their own text and status
    Then Dee is warned that someone else saved, sees what Alex changed, and finds their
    own text and status still in the form"""
    dee = new_context().new_page()
    alex_saves_first_then_dee_saves(page, dee)

    expect(dee).to_have_title(re.compile(r"^Error: Update"))
    changes = dee.get_by_role("table", name="What they changed")
    implementation = changes.locator("tr", has=dee.get_by_role("rowheader", name="Implementation"))
    expect(implementation.get_by_role("cell")).to_have_text([re.compile("Completed for 2018/19"), ALEX_WROTE])
    expect(dee.get_by_label("Implementation")).to_have_value(DEE_WROTE)
    expect(dee.get_by_role("radio", name="At risk")).to_be_checked()


def test_second_officer_keeps_their_version_by_saving_again(page: Page, new_context, demo):
    """Given Dee Evans has been warned that Alex Morgan saved the PSA first
    When Dee saves again
    Then Dee's text replaces Alex's, as the warning page promises"""
    dee = new_context().new_page()
    alex_saves_first_then_dee_saves(page, dee)

    save(dee)

    axe_check(dee)
    expect(dee.get_by_role("alert").filter(has_text="Success")).to_contain_text(
        f"{PSA}: changes saved", timeout=1_000
    )
    expect(dee.locator("main")).to_contain_text(DEE_WROTE)
    expect(dee.locator("main")).not_to_contain_text(ALEX_WROTE)
