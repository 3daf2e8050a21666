"""A plan's road to adoption: an officer records Full Council's decision with the keyboard
alone, and a councillor reads it on the board, on a phone and on paper."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from plans.models import AdoptionStep, Plan
from tests.browser.steps import (
    PERSONA_PASSWORD,
    axe_check,
    sign_in_with_the_keyboard,
    skip_to_main_content,
    tab_to,
)
from tests.browser.test_small_screens import PHONE, see_everything_fits_the_screen
from tests.factories import AdoptionStepFactory, CouncilFactory, PartnershipFactory, plan_with_version

Kind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome
TODAY = timezone.localdate()
PLAN = "Community Safety Plan 2023-2026"
REFRESH = "Community Safety Plan 2023-2026 (2025-26 refresh)"
RR = "Pan-Dorset Reducing Reoffending Strategy 2024-2027"


@pytest.fixture
def plans(dorset):
    """Dorset's plan refresh, agreed by the CSP and recommended by the committee and Cabinet,
    waiting for Full Council; and a pan-area strategy shared with BCP, agreed subject to the
    EqIA in Dorset and adopted by BCP's Cabinet only."""
    dorset_council = CouncilFactory(
        name="Dorset Council",
        slug="dorset-council",
        crime_and_disorder_committee="People & Health Overview Committee",
    )
    dorset.councils.add(dorset_council)
    bcp = PartnershipFactory(name="BCP Community Safety Partnership", slug="bcp", brand="Safer BCP")
    bcp.councils.add(CouncilFactory(name="Bournemouth, Christchurch and Poole Council", slug="bcp-council"))
    refresh = plan_with_version(
        dorset, starts_on=TODAY - timedelta(days=200), ends_on=TODAY + timedelta(days=900)
    )
    Plan.objects.filter(pk=refresh.plan_id).update(title=PLAN)
    refresh.title = REFRESH
    refresh.refresh_year = "2025-26"
    refresh.save()
    route = refresh.routes.get()
    for kind, days, outcome in (
        (Kind.AGREED_BY_CSP, 120, Outcome.AGREED),
        (Kind.CRIME_AND_DISORDER_COMMITTEE, 60, Outcome.RECOMMENDED),
        (Kind.CABINET, 30, Outcome.RECOMMENDED),
    ):
        AdoptionStepFactory(route=route, kind=kind, decided_on=TODAY - timedelta(days=days), outcome=outcome)

    strategy = plan_with_version(
        dorset,
        bcp,
        kind=Plan.Kind.REDUCING_REOFFENDING,
        title=RR,
        starts_on=TODAY - timedelta(days=100),
        ends_on=TODAY + timedelta(days=1000),
    )
    dorset_route = strategy.routes.get(council=dorset_council)
    agreed = AdoptionStepFactory(
        route=dorset_route,
        decided_on=TODAY - timedelta(days=20),
        outcome=Outcome.AGREED_SUBJECT_TO_CONDITIONS,
    )
    agreed.conditions.create(text="subject to the Equality Impact Assessment being signed off")
    bcp_route = strategy.routes.exclude(council=dorset_council).get()
    AdoptionStepFactory(route=bcp_route, decided_on=TODAY - timedelta(days=40))
    AdoptionStepFactory(
        route=bcp_route, kind=Kind.CABINET, decided_on=TODAY - timedelta(days=10), outcome=Outcome.ADOPTED
    )


def open_the_plans_board_from_the_menu(page: Page):
    # From the top of the page: skip link, Sign out, service name, Dashboard, Duty register, Plans.
    tab_to(page, page.get_by_role("navigation", name="Menu").get_by_role("link", name="Plans"), limit=6)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="Plans on their road to adoption")).to_be_visible()
    axe_check(page)


def open_the_version(page: Page, title: str):
    skip_to_main_content(page)
    tab_to(page, page.get_by_role("link", name=title, exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    axe_check(page)


def open_record_a_decision_for(page: Page, council: str):
    skip_to_main_content(page)
    tab_to(page, page.get_by_role("button", name=f"Record a decision for {council}"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=f"Record a decision for {council}")).to_be_visible()
    axe_check(page)


def choose_with_arrows(page: Page, first: str, chosen: str, presses: int):
    """Tab enters a radio group with nothing chosen on its first option; arrows move and choose."""
    tab_to(page, page.get_by_role("radio", name=first, exact=True))
    for _ in range(presses):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name=chosen, exact=True)).to_be_focused()
    expect(page.get_by_role("radio", name=chosen, exact=True)).to_be_checked()


def record_that_full_council_adopted_it(page: Page, on):
    skip_to_main_content(page)
    choose_with_arrows(page, "Agreed by the CSP", "Full Council", presses=3)
    for box, value in (("Day", on.day), ("Month", on.month), ("Year", on.year)):
        tab_to(page, page.get_by_label(box, exact=True), limit=1)
        page.keyboard.type(str(value))
    choose_with_arrows(page, "Agreed", "Adopted", presses=4)
    tab_to(page, page.get_by_role("button", name="Record the decision"))
    page.keyboard.press("Enter")


def see_the_success_banner(page: Page, text: str):
    expect(page.get_by_role("alert").filter(has_text="Success")).to_contain_text(text)
    axe_check(page)


def plan_card(page: Page, title: str):
    return page.locator(".govuk-summary-card", has=page.get_by_role("heading", name=title, exact=True))


def test_officer_records_full_council_adoption_and_a_councillor_sees_it_on_the_board(
    page: Page, new_context, officer, councillor, plans
):
    """Given Alex Morgan, an officer of the Dorset partnership who uses only a keyboard, and
    Dorset's plan refresh, recommended by Cabinet and waiting for Full Council
    When Alex opens the version from the plans board, chooses "Record a decision" for Dorset
    Council and records that Full Council adopted it yesterday
    Then the version page shows the decision and the plan as adopted by Full Council, and
    Pat Hughes, a councillor, sees it so on the board, with every page passing axe"""
    adopted_on = TODAY - timedelta(days=1)
    sign_in_with_the_keyboard(page, "officer", PERSONA_PASSWORD)
    open_the_plans_board_from_the_menu(page)
    expect(plan_card(page, PLAN)).to_contain_text("Next: Adopted by Full Council")

    open_the_version(page, REFRESH)
    open_record_a_decision_for(page, "Dorset Council")
    expect(page.get_by_text("At Dorset Council: People & Health Overview Committee")).to_be_visible()
    record_that_full_council_adopted_it(page, adopted_on)

    see_the_success_banner(
        page, f"Decision recorded for Dorset Council: Full Council: adopted on {adopted_on:%-d %B %Y}"
    )
    expect(page.get_by_role("heading", level=1, name=REFRESH)).to_be_visible()
    expect(page.get_by_role("heading", level=3, name="Full Council: adopted")).to_be_visible()
    expect(page.locator("main")).to_contain_text(f"Adopted by Full Council on {adopted_on:%-d %B %Y}")
    expect(page.get_by_role("heading", name="Full Council: not yet taken")).to_have_count(0)

    councillor_page = new_context().new_page()
    sign_in_with_the_keyboard(councillor_page, "councillor", PERSONA_PASSWORD)
    open_the_plans_board_from_the_menu(councillor_page)
    card = plan_card(councillor_page, PLAN)
    expect(card).to_contain_text(f"Adopted by Full Council on {adopted_on:%-d %B %Y}")
    expect(card).to_contain_text("Needs attention Nothing")
    expect(councillor_page.get_by_role("link", name="Record a decision")).to_have_count(0)


def test_councillor_reads_the_board_on_a_phone_and_prints_it(page: Page, councillor, plans):
    """Given Pat Hughes, a councillor, on a phone 375 pixels wide
    When they open the plans board, then its print-friendly version
    Then each plan is a card that fits the screen, with the pan-area strategy's two councils
    and its flags, and the printed page has no menu, with both pages passing axe"""
    page.set_viewport_size(PHONE)
    sign_in_with_the_keyboard(page, "councillor", PERSONA_PASSWORD)
    page.goto("/plans/")
    axe_check(page)
    see_everything_fits_the_screen(page)
    strategy = plan_card(page, RR)
    expect(strategy).to_contain_text("Reducing reoffending strategy (pan-area)")
    expect(strategy).to_contain_text(
        "Bournemouth, Christchurch and Poole Council: Adopted by Cabinet only: Full Council adoption required"
    )
    expect(strategy).to_contain_text(
        "Dorset Council: Conditions outstanding: subject to the Equality Impact Assessment being signed off"
    )

    page.get_by_role("link", name="Print-friendly version").click()
    expect(page.get_by_role("heading", level=1, name="Plans on their road to adoption")).to_be_visible()
    axe_check(page)
    expect(page.get_by_role("navigation", name="Menu")).to_have_count(0)
    page.emulate_media(media="print")
    expect(page.locator(".govuk-template__header")).to_be_hidden()
    expect(page.get_by_role("link", name="Back to the board")).to_be_hidden()
    expect(plan_card(page, PLAN)).to_be_visible()


def test_officer_records_the_eqia_signed_off_with_the_keyboard(page: Page, officer, plans):
    """Given Alex Morgan, an officer of the Dorset partnership who uses only a keyboard
    When Alex opens Dorset's plan refresh, chooses "Change this version", first saves a
    period that ends before it starts, then records the EqIA as signed off
    Then the error is shown and the version page shows the EqIA signed off, every page
    passing axe"""
    sign_in_with_the_keyboard(page, "officer", PERSONA_PASSWORD)
    open_the_plans_board_from_the_menu(page)
    open_the_version(page, REFRESH)
    skip_to_main_content(page)
    tab_to(page, page.get_by_role("button", name="Change this version"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name=f"Change {REFRESH}")).to_be_visible()
    axe_check(page)

    ends = page.get_by_role("group", name="Period ends")
    tab_to(page, ends.get_by_label("Year", exact=True))
    page.keyboard.press("Control+a")
    page.keyboard.type(str(TODAY.year - 5))
    tab_to(page, page.get_by_role("button", name="Save changes"))
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Error: "))
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_contain_text(
        "Period ends must be after period starts"
    )
    axe_check(page)

    tab_to(page, ends.get_by_label("Year", exact=True))
    page.keyboard.press("Control+a")
    page.keyboard.type(str(TODAY.year + 2))
    tab_to(page, page.get_by_role("radio", name="Not started", exact=True))
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Signed off", exact=True)).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Save changes"))
    page.keyboard.press("Enter")
    see_the_success_banner(page, "changes saved")
    expect(page.get_by_text("Signed off")).to_be_visible()
