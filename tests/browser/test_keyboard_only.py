"""An officer who uses only a keyboard updates a duty: no mouse clicks anywhere."""

from playwright.sync_api import Page, expect

from tests.browser.steps import (
    DEMO_PASSWORD,
    axe_check,
    sign_in_as,
    sign_in_with_the_keyboard,
    skip_to_main_content,
    tab_to,
)

PSA = "Annual Partnership Strategic Assessment (PSA)"


def open_the_duty_register_from_the_menu(page: Page):
    # From the top of the page: skip link, Sign out, service name, then the menu.
    tab_to(
        page, page.get_by_role("navigation", name="Menu").get_by_role("link", name="Duty register"), limit=6
    )
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Duty register")).to_be_visible()
    axe_check(page)


def open_the_duty(page: Page, title: str):
    skip_to_main_content(page)
    tab_to(page, page.get_by_role("link", name=title, exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    axe_check(page)


def open_update_this_duty(page: Page):
    skip_to_main_content(page)
    tab_to(page, page.get_by_role("button", name="Update this duty"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=f"Update {PSA}")).to_be_visible()
    axe_check(page)


def update_the_status_to(page: Page, was: str, now: str):
    skip_to_main_content(page)
    # Tab enters a radio group on its chosen option; an arrow key moves and chooses.
    tab_to(page, page.get_by_role("radio", name=was))
    expect(page.get_by_role("radio", name=was)).to_be_checked()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=now)).to_be_focused()
    expect(page.get_by_role("radio", name=now)).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Save changes"))
    page.keyboard.press("Enter")


def see_the_success_banner(page: Page, text: str):
    expect(page.get_by_role("alert").filter(has_text="Success")).to_contain_text(text)
    axe_check(page)


def open_the_history(page: Page):
    tab_to(page, page.get_by_role("link", name="See who changed what, and when"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=f"History of {PSA}")).to_be_visible()
    axe_check(page)


def test_officer_updates_a_duty_using_only_the_keyboard(page: Page, demo):
    """Given Alex Morgan, an officer of the Dorset partnership, who uses only a keyboard
    When they sign in, open the PSA on the Dorset duty register and change its status
    from "On track" to "At risk"
    Then they see the success banner, and the history shows the change under their name,
    with focus visible at every step and every page passing axe"""
    sign_in_with_the_keyboard(page, "officer", DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("What is overdue and what is due next")
    expect(page.locator(".govuk-caption-l")).to_have_text("Dorset Community Safety Partnership")

    open_the_duty_register_from_the_menu(page)
    open_the_duty(page, PSA)
    open_update_this_duty(page)
    update_the_status_to(page, was="On track", now="At risk")

    see_the_success_banner(page, f"{PSA}: changes saved")
    # Whether focus is on the banner or reset to <main>, the next stop is the page's
    # first control, not the top of the page.
    tab_to(page, page.get_by_role("button", name="Update this duty"), limit=1)
    open_the_history(page)

    expect(page.get_by_text("By Alex Morgan on")).to_be_visible()
    changes = page.get_by_role("table", name="Changes made by Alex Morgan")
    status = changes.locator("tr", has=page.get_by_role("rowheader", name="Status"))
    expect(status.get_by_role("cell")).to_have_text(["On track", "At risk"])


def test_success_banner_has_focus_after_saving_a_page_reached_by_the_skip_link(page: Page, demo):
    """Given an officer on the PSA's edit page who used the skip link
    When they save with the keyboard
    Then focus is on the success banner, so a screen reader reads it out"""
    sign_in_as(page, "officer")
    page.goto("/partnerships/dorset/duties/strategic-assessment/edit/")
    axe_check(page)
    skip_to_main_content(page)
    tab_to(page, page.get_by_role("button", name="Save changes"))
    page.keyboard.press("Enter")

    banner = page.get_by_role("alert").filter(has_text="Success")
    expect(banner).to_be_visible()
    axe_check(page)
    expect(banner).to_be_focused(timeout=1_000)
