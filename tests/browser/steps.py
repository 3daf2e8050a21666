"""Steps the browser journeys share, in the words of the people who use the service.

Every step that lands on a new page runs axe on it, and conftest.py fails a journey that
visited a page axe did not check, so a new step cannot quietly skip the check.
"""

from pathlib import Path

from playwright.sync_api import Page, expect

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}

DEMO_PASSWORD = "csp-tracker-demo"
PERSONA_PASSWORD = "correct horse battery staple"

# Filled in by axe_check and read by conftest.py: the documents axe has seen, and what it
# found below "serious" (reported at the end of the run, not failed).
checked_documents: set[str] = set()
minor_findings: dict[tuple[str, str], set[str]] = {}


def _describe(violation):
    targets = [" ".join(str(part) for part in node["target"]) for node in violation["nodes"][:3]]
    more = len(violation["nodes"]) - len(targets)
    where = ", ".join(targets) + (f" and {more} more" if more > 0 else "")
    return f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({where})"


def axe_check(page: Page):
    """Run axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it is now.

    Fails on every serious or critical violation, naming the rule, its summary and the
    first elements it found.
    """
    page.wait_for_load_state("load")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    document_id = page.evaluate("window.__cspDocument || null")
    if document_id:
        checked_documents.add(document_id)
    title = page.title()
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    for violation in results["violations"]:
        if violation["impact"] not in BLOCKING_IMPACTS:
            minor_findings.setdefault((violation["id"], violation["impact"]), set()).add(title)
    assert not blocking, f"axe found serious or critical problems on {page.url} ({title!r}):\n" + "\n".join(
        _describe(v) for v in blocking
    )
    return results


def sign_in_as(page: Page, username: str, password: str = DEMO_PASSWORD):
    """Sign in through the real sign-in page, as anyone would."""
    page.goto("/accounts/login/")
    expect(page).to_have_title("Sign in – CSP Tracker")
    axe_check(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as")).to_be_visible()
    axe_check(page)


def sign_in_with_the_keyboard(page: Page, username: str, password: str = DEMO_PASSWORD):
    """Sign in without the mouse: skip link, the two boxes, then Sign in."""
    page.goto("/accounts/login/")
    axe_check(page)
    skip_to_main_content(page)
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type(username)
    tab_to(page, page.get_by_label("Password", exact=True), limit=1)
    page.keyboard.type(password)
    # The password's Show button comes between the password and Sign in.
    tab_to(page, page.get_by_role("button", name="Sign in"), limit=2)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Signed in as")).to_be_visible()
    axe_check(page)


def open_the_duty_register(page: Page):
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Duty register").click()
    expect(page.get_by_role("heading", level=1, name="Duty register")).to_be_visible()
    axe_check(page)


def open_the_duty(page: Page, title: str):
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    axe_check(page)


# Keyboard: what has focus, and whether a sighted keyboard user can see it. GOV.UK's
# focus state is the yellow #ffdd00; radios and checkboxes draw it on the label's ring.
_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {where: "body", visible: false, ring: false};
  const box = el.getBoundingClientRect();
  const yellow = "rgb(255, 221, 0)";
  const styles = [getComputedStyle(el)];
  if (el.matches(".govuk-radios__input, .govuk-checkboxes__input") && el.labels.length) {
    styles.push(getComputedStyle(el.labels[0], "::before"));
  }
  const ring = styles.some(s => s.backgroundColor === yellow || s.boxShadow.includes(yellow)
    || (s.outlineStyle !== "none" && s.outlineColor === yellow));
  const name = (el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].innerText)
    || el.innerText || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 60);
  return {where: `${el.tagName.toLowerCase()} "${name}"`, visible: box.width > 0 && box.height > 0
    && getComputedStyle(el).visibility !== "hidden", ring};
}"""


def focused(page: Page) -> dict:
    return page.evaluate(_FOCUSED)


def tab_to(page: Page, target, *, limit: int = 40, backwards: bool = False):
    """Press Tab (Shift+Tab if backwards) until the target has focus. Every stop on the way
    must be on screen and show GOV.UK's focus state: focus never disappears into something hidden."""
    key = "Shift+Tab" if backwards else "Tab"
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        stops.append(now["where"])
        assert now["visible"], f"Focus moved to something that is not visible: {stops}"
        assert now["ring"], f"{now['where']} has focus but shows no focus state: {stops}"
        if target.evaluate("el => el === document.activeElement"):
            return stops
    raise AssertionError(f"{key} never reached {target} in {limit} presses; focus went: {stops}")


def skip_to_main_content(page: Page):
    """The first Tab on every page lands on the skip link, which moves focus to <main>."""
    page.keyboard.press("Tab")
    assert focused(page)["where"] == 'a "Skip to main content"', focused(page)
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
