"""The dashboard and the register on a phone, and the register at desktop width."""

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.steps import axe_check, sign_in_as

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

# Elements that stick out of the window sideways, other than inside a scrolling pane
# (a pane's content can be scrolled into view; the rest would be cut off or make the
# whole page scroll sideways).
_CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const inPane = el => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) return true;
    }
    return false;
  };
  const cut = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width && (box.right > width + 1 || box.left < -1) && !inPane(el)) {
      cut.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.left)} to ${Math.round(box.right)})`);
    }
  }
  return {pageWidth: document.documentElement.scrollWidth, window: width, cut};
}"""


def see_everything_fits_the_screen(page: Page):
    found = page.evaluate(_CUT_OFF)
    assert found["pageWidth"] <= found["window"], f"The page scrolls sideways: {found}"
    assert not found["cut"], f"Cut off at the side of the screen: {found['cut']}"


def open_the_duty_register_from_the_collapsed_menu(page: Page):
    register = page.get_by_role("navigation", name="Menu").get_by_role("link", name="Duty register")
    expect(register).to_be_hidden()
    page.get_by_role("button", name="Menu").click()
    expect(register).to_be_visible()
    register.click()
    expect(page.get_by_role("heading", level=1, name="Duty register")).to_be_visible()
    axe_check(page)


def scroll_the_register_table_to_its_last_column(page: Page):
    pane = page.get_by_role("region", name="Duty register table")
    pane.evaluate("pane => { pane.scrollLeft = pane.scrollWidth; }")
    last_column = pane.get_by_role("columnheader", name="Next due")
    expect(last_column).to_be_in_viewport()
    box = last_column.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"] + 1, box


def test_officer_uses_the_dashboard_and_register_on_a_phone(page: Page, demo):
    """Given Alex Morgan on a phone 375 pixels wide
    When they sign in to the dashboard and open the duty register from the menu
    Then nothing is cut off at the side: the dashboard fits, and the register's table
    scrolls inside its own pane, which reaches its last column"""
    page.set_viewport_size(PHONE)
    sign_in_as(page, "officer")
    expect(page.get_by_role("table", name="Overdue")).to_be_visible()
    expect(page.get_by_role("table", name="Due in the next 90 days")).to_be_visible()
    see_everything_fits_the_screen(page)

    open_the_duty_register_from_the_collapsed_menu(page)
    see_everything_fits_the_screen(page)
    expect(page.get_by_role("table", name="14 duties").locator("tbody tr")).to_have_count(14)
    scroll_the_register_table_to_its_last_column(page)


def test_the_register_at_desktop_width(page: Page, demo, pytestconfig):
    """Given Alex Morgan on a desktop screen 1280 pixels wide
    When they open the duty register
    Then the whole table fits without scrolling (a screenshot is kept in
    test-results/register.png for a person to look at)"""
    page.set_viewport_size(DESKTOP)
    sign_in_as(page, "officer")
    page.goto("/partnerships/dorset/duties/")
    axe_check(page)

    see_everything_fits_the_screen(page)
    pane = page.get_by_role("region", name="Duty register table")
    assert pane.evaluate("pane => pane.scrollWidth <= pane.clientWidth"), "The table scrolls at desktop width"
    folder = Path(pytestconfig.getoption("--output"))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "register.png"), full_page=True)
