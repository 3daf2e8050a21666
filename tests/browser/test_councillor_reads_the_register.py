"""A councillor scrutinises the register: they may read everything and change nothing."""

from playwright.sync_api import Page, expect

from tests.browser.steps import axe_check, open_the_duty, open_the_duty_register, sign_in_as

PSA = "Annual Partnership Strategic Assessment (PSA)"
PSA_URL = "/partnerships/dorset/duties/strategic-assessment/"


def test_councillor_reads_the_register_but_cannot_change_it(page: Page, demo):
    """Given Pat Hughes, a councillor on the Dorset partnership
    When they read the duty register and the PSA's entry, then type the entry's edit
    address in themselves
    Then they see the entry with no "Update this duty" button or "Add evidence" link,
    and the edit address shows the permission page with status 403"""
    sign_in_as(page, "councillor")
    open_the_duty_register(page)
    expect(page.get_by_role("link", name=PSA, exact=True)).to_be_visible()

    open_the_duty(page, PSA)
    expect(page.get_by_role("heading", level=2, name="Implementation")).to_be_visible()
    expect(page.get_by_role("button", name="Update this duty")).to_have_count(0)
    expect(page.get_by_role("link", name="Update this duty")).to_have_count(0)
    expect(page.get_by_role("link", name="Add evidence")).to_have_count(0)

    response = page.goto(PSA_URL + "edit/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You do not have permission to see this page")
    expect(page.get_by_role("textbox")).to_have_count(0)
    axe_check(page)
    assert page.request.get(PSA_URL + "evidence/add/").status == 403
