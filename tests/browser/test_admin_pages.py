"""The partnership administrator checks the service and the partnership's make-up."""

from playwright.sync_api import Page, expect

from tests.browser.steps import axe_check, sign_in_as


def open_from_the_menu(page: Page, item: str, heading: str):
    page.get_by_role("navigation", name="Menu").get_by_role("link", name=item).click()
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    axe_check(page)


def organisations_listed_under(page: Page, heading: str):
    list_after_heading = page.get_by_role("heading", level=2, name=heading).locator(
        "xpath=following-sibling::ul[1]"
    )
    return list_after_heading.get_by_role("listitem").all_inner_texts()


def test_admin_checks_the_service_status_and_the_partnership(page: Page, demo):
    """Given Sam Taylor, a superuser who administers Dorset and BCP
    When they open Service status, the Dorset partnership's page and the accessibility
    statement
    Then each page passes axe, and the partnership page lists its responsible
    authorities apart from the organisations that only attend"""
    sign_in_as(page, "admin")
    expect(page.get_by_role("heading", level=1, name="Your partnerships")).to_be_visible()

    open_from_the_menu(page, "Service status", "Service status")
    expect(page.locator("#worker-state")).to_have_text("Not heard from yet")

    page.goto("/partnerships/dorset/about/")
    expect(page.get_by_role("heading", level=1, name="Dorset Community Safety Partnership")).to_be_visible()
    axe_check(page)
    statutory = organisations_listed_under(page, "Responsible authorities")
    attending = organisations_listed_under(page, "Other organisations that attend")
    assert "Dorset Police" in statutory
    assert "Dorset Police" not in attending
    assert "Dorset Combined Youth Justice Service" in attending
    assert "Dorset Combined Youth Justice Service" not in statutory

    page.get_by_role("contentinfo").get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Accessibility statement")
    axe_check(page)
