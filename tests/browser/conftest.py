"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live
server, with axe-core checking every page a journey visits.

Three settings make Playwright, Django and axe work together (the stack notes, "Browser
tests and accessibility"): DJANGO_ALLOW_ASYNC_UNSAFE below, bypass_csp in
browser_context_args, and the plain static storage the root conftest swaps in.
"""

import os
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import expect

from duties.models import Duty
from tests.browser import steps

_catalogue_migration = import_module("duties.migrations.0002_duty_catalogue")

# Playwright's sync API runs an event loop in this thread, so without this every ORM
# call in a test raises SynchronousOnlyOperation.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

HERE = Path(__file__).resolve().parent
expect.set_options(timeout=5_000)
# Overridable so the "no browser" path can be tried without uninstalling Chromium.
CHROMIUM = os.environ.get("CSP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-gpu",
]

# Tells each new top-level document to report itself, so the journey can prove that
# axe saw every page it visited (see _every_page_visited_was_checked).
_REPORT_DOCUMENT = """
if (window.top === window && location.protocol.startsWith("http")) {
  window.__cspDocument = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const report = () => window.__cspDocumentLoaded(window.__cspDocument, location.href);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", report);
  } else {
    report();
  }
}
"""


def _in_this_folder(item):
    return HERE in Path(item.path).resolve().parents


@pytest.hookimpl(hookwrapper=True)
def pytest_collection_modifyitems(config, items):
    journeys = [item for item in items if _in_this_folder(item)]
    for item in journeys:
        # Before the other hooks, so that `-m "not browser"` sees the mark.
        item.add_marker(pytest.mark.browser)
        # live_server runs in another thread, so it needs a transactional database.
        item.add_marker(pytest.mark.django_db(transaction=True))
    yield
    # After the other hooks: run the journeys last. Their flush leaves the duty catalogue
    # empty for whatever runs next, and pytest-django's "transactional tests last" order
    # does not survive pytest grouping the tests that share Playwright's session-scoped
    # browser_name parameter (which any test with an argument named `page` gets).
    chosen = {id(item) for item in journeys}
    items[:] = [item for item in items if id(item) not in chosen] + [
        item for item in items if id(item) in chosen
    ]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        message = (
            f"Chromium is not installed at {CHROMIUM}: install Debian's package "
            "(apt-get install chromium). Never `playwright install` here."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message} CI=true, so the browser journeys fail rather than skip.", pytrace=False)
        pytest.skip(message)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(live_server):
    """page.goto("/...") goes to pytest-django's live server."""
    return live_server.url


@pytest.fixture(autouse=True)
def _duty_catalogue(transactional_db):
    """The duty catalogue comes from a data migration, and the flush after every
    transactional test (these and any other) empties it, so load it again.

    serialized_rollback would be Django's way, but its copy of the database lives on the
    connection object, which Django keeps in a context variable: starting Playwright
    switches greenlets, so the journeys get a fresh connection without the copy.
    """
    if not Duty.objects.exists():
        _catalogue_migration.load(django_apps, None)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # The service's Content-Security-Policy would block axe's injected script.
    return {**browser_context_args, "bypass_csp": True, "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def new_context(new_context, request):
    """Every browser context a journey opens reports each page it loads, so that
    pages axe never saw fail the test (the page fixture and extra contexts alike)."""
    loaded = {}
    request.node._csp_loaded_documents = loaded

    def remember(source, document_id, url):
        loaded.setdefault(document_id, url)

    def _new_context(**kwargs):
        context = new_context(**kwargs)
        # A broken journey should fail in seconds, not Playwright's default 30.
        context.set_default_timeout(10_000)
        context.expose_binding("__cspDocumentLoaded", remember)
        context.add_init_script(_REPORT_DOCUMENT)
        return context

    return _new_context


@pytest.fixture(autouse=True)
def _every_page_visited_was_checked(request):
    yield
    report = getattr(request.node, "rep_call", None)
    loaded = getattr(request.node, "_csp_loaded_documents", None)
    if loaded is None or report is None or report.failed:
        return
    missed = [url for document_id, url in loaded.items() if document_id not in steps.checked_documents]
    assert not missed, "The journey visited pages that axe did not check:\n" + "\n".join(missed)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Screenshot every open page of a failed journey into test-results/."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
    if report.when != "call" or not report.failed or not _in_this_folder(item):
        return
    browser = item.funcargs.get("browser")
    if browser is None:
        return
    folder = Path(item.config.getoption("--output"))
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", item.name).strip("-")
    pages = [page for context in browser.contexts for page in context.pages]
    for number, page in enumerate(pages, start=1):
        path = folder / (f"{name}.png" if len(pages) == 1 else f"{name}-{number}.png")
        try:
            page.screenshot(path=str(path), full_page=True)
        except Exception as error:  # a crashed page must not hide the test's own failure
            report.sections.append(("screenshot", f"Could not save {path}: {error}"))
        else:
            report.sections.append(("screenshot", f"Saved {path}"))


def pytest_terminal_summary(terminalreporter):
    if not steps.minor_findings:
        return
    terminalreporter.section("axe: moderate and minor findings (not failures)")
    for (rule, impact), titles in sorted(steps.minor_findings.items()):
        terminalreporter.write_line(f"[{impact}] {rule} on: {', '.join(sorted(titles))}")
