"""A clerk records a meeting's attendance and an action with an owner; the owner signs in
and finds it in "My actions"."""

import pytest
from playwright.sync_api import Page, expect

from meetings import minutes
from tests.browser.steps import PERSONA_PASSWORD, axe_check, sign_in_as
from tests.meetings.conftest import HELD_ON


@pytest.fixture
def meeting_with_an_item(dorset, clerk, officer):
    meeting = minutes.record_meeting(
        dorset, by=clerk, held_on=HELD_ON, title="Dorset Community Safety Partnership"
    )
    minutes.add_agenda_item(meeting, by=clerk, number=3, title="Update on Local Priorities")
    return meeting


def open_the_meeting(page: Page, meeting):
    page.goto(f"/meetings/{meeting.pk}/")
    expect(
        page.get_by_role("heading", level=1, name="Dorset Community Safety Partnership, 14 March 2023")
    ).to_be_visible()
    axe_check(page)


def record_who_attended(page: Page):
    page.get_by_role("button", name="Record attendance").click()
    expect(page.get_by_role("heading", level=1, name="Record attendance")).to_be_visible()
    axe_check(page)
    page.get_by_label("Core membership").fill("Cllr Graham Carr-Jones, Dorset Council, Chair\nJan West")
    page.get_by_label("Apologies").fill("Lisa Reid, Dorset Council")
    page.get_by_role("button", name="Save attendance").click()
    expect(page).to_have_title("Error: Record attendance – CSP Tracker")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Line 2: write the name, a comma, then the organisation"
    )
    axe_check(page)
    page.get_by_label("Core membership").fill(
        "Cllr Graham Carr-Jones, Dorset Council, Chair\nJan West, NHS Dorset"
    )
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved: 3 people")).to_be_visible()
    expect(page.get_by_text("Jan West, NHS Dorset")).to_be_visible()
    axe_check(page)


def add_an_action_for(page: Page, owner: str):
    page.get_by_role("link", name="Add an action to item 3").click()
    expect(page.get_by_role("heading", level=1, name="Add an action")).to_be_visible()
    axe_check(page)
    page.get_by_label("Action", exact=True).fill("Report back on funding to expand CSAS")
    page.get_by_label(owner).check()
    page.get_by_label("Day").fill("30")
    page.get_by_label("Month").fill("6")
    page.get_by_label("Year").fill("2023")
    page.get_by_role("button", name="Add the action").click()
    expect(page.get_by_text("Action added: Report back on funding to expand CSAS")).to_be_visible()
    axe_check(page)


def sign_out(page: Page):
    page.context.clear_cookies()


def read_the_meeting_s_history(page: Page, meeting):
    page.goto(f"/meetings/{meeting.pk}/")
    axe_check(page)
    page.get_by_role("link", name="History of this meeting's record").click()
    expect(page.get_by_role("heading", level=1, name="History")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Attendance:")
    axe_check(page)


def see_it_in_my_actions(page: Page):
    page.goto("/actions/mine/")
    expect(page.get_by_role("heading", level=1, name="My actions")).to_be_visible()
    axe_check(page)
    row = page.get_by_role("row", name="Report back on funding to expand CSAS")
    expect(row).to_contain_text("Overdue")
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1, name="Action")).to_be_visible()
    expect(page.get_by_text("Update on Local Priorities")).to_be_visible()
    axe_check(page)


def test_a_clerk_records_attendance_and_an_action_that_its_owner_then_sees(
    page: Page, clerk, officer, meeting_with_an_item
):
    """Given a meeting with an agenda item,
    when the clerk records who attended and adds an action for Alex Morgan,
    then Alex signs in and finds it, overdue, in "My actions"."""
    sign_in_as(page, "clerk", PERSONA_PASSWORD)
    open_the_meeting(page, meeting_with_an_item)
    record_who_attended(page)
    add_an_action_for(page, "Alex Morgan")
    read_the_meeting_s_history(page, meeting_with_an_item)
    sign_out(page)
    sign_in_as(page, "officer", PERSONA_PASSWORD)
    see_it_in_my_actions(page)
