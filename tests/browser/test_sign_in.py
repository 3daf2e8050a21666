import re

from playwright.sync_api import Page, expect

from tests.browser.steps import PERSONA_PASSWORD, axe_check


def open_the_sign_in_page(page: Page):
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", level=1, name="Sign in")).to_be_visible()
    axe_check(page)


def sign_in_with(page: Page, username: str, password: str):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_the_live_server_serves_the_styles_and_scripts(page: Page):
    """Given the service runs under pytest-django's live server
    When someone opens the sign-in page
    Then its stylesheet and scripts load, and GOV.UK Frontend's JavaScript starts"""
    responses = {}
    page.on("response", lambda response: responses.setdefault(response.url.split("?")[0], response.status))

    open_the_sign_in_page(page)

    static = {url.split("/static/", 1)[1]: status for url, status in responses.items() if "/static/" in url}
    assert static.get("build/css/app.css") == 200, static
    assert static.get("js/app.mjs") == 200, static
    assert static.get("build/js/govuk-frontend.min.js") == 200, static
    assert "arial" in page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily").lower()
    # The password input's Show button is hidden until GOV.UK Frontend starts it.
    expect(page.get_by_role("button", name="Show password")).to_be_visible()


def test_a_wrong_password_is_explained_in_an_error_summary(page: Page, officer):
    """Given an officer with an account
    When they sign in with the wrong password
    Then the page title starts "Error:", the error summary explains the problem and has
    focus, and they are not signed in"""
    open_the_sign_in_page(page)

    sign_in_with(page, "officer", PERSONA_PASSWORD + " typo")

    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(
        summary.get_by_role("link", name=re.compile("enter a correct username and password"))
    ).to_have_attribute("href", "#id_username")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Username")).to_have_value("officer")
    expect(page.get_by_text("Signed in as")).to_have_count(0)
    axe_check(page)
