"""Reminders: an officer reads what was sent, turns the digest off and subscribes to the
calendar feed; the partnership admin sets the thresholds; the site admin sends a failed
reminder again."""

import re
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from icalendar import Calendar
from playwright.sync_api import Page, expect

from reminders.models import Deadline, Reminder
from tests.browser.steps import axe_check, sign_in_as


def open_reminders_from_the_menu(page: Page):
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Reminders").click()
    expect(page.get_by_role("heading", level=1, name="Your reminders")).to_be_visible()
    axe_check(page)


def read_a_reminder_sent_to_me(page: Page) -> str:
    """Open the deadline a "Due in ..." reminder was about; return its title."""
    row = (
        page.locator("#sent-to-you")
        .get_by_role("row")
        .filter(has_text=re.compile(r"Due in \d+ days?: "))
        .first
    )
    link = row.get_by_role("link")
    title = link.inner_text()
    assert f": {title}" in row.inner_text()
    link.click()
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    axe_check(page)
    return title


def see_who_is_reminded_and_what_was_sent(page: Page):
    expect(page.get_by_role("heading", level=2, name="Who is reminded")).to_be_visible()
    sent = page.get_by_role("table").filter(has_text="Address")
    expect(sent.get_by_role("row").filter(has_text="officer@example.org").first).to_contain_text("Sent")


def turn_the_digest_off(page: Page):
    page.get_by_label("No, do not send it").check()
    page.get_by_role("button", name="Save digest choice").click()
    expect(page.get_by_text("Weekly digest turned off")).to_be_visible()
    expect(page.get_by_label("No, do not send it")).to_be_checked()
    axe_check(page)


def create_the_calendar_address(page: Page) -> str:
    page.get_by_role("button", name="Create a calendar address").click()
    expect(page.get_by_text("Calendar address created: copy it into Outlook")).to_be_visible()
    expect(page.get_by_text("Subscribe from web")).to_be_visible()
    axe_check(page)
    address = page.get_by_label("Your calendar address").input_value()
    assert re.search(r"/reminders/calendar/[A-Za-z0-9_-]{43}\.ics$", address), address
    return urlsplit(address).path


def fetch_the_feed_as_outlook_would(page: Page, live_server, path: str):
    return page.request.get(live_server.url + path, headers={"Cookie": ""})


def turn_the_feed_off(page: Page):
    page.get_by_role("button", name="Turn the feed off").click()
    expect(page.get_by_text("Calendar feed turned off")).to_be_visible()
    expect(page.get_by_role("button", name="Create a calendar address")).to_be_visible()
    axe_check(page)


def sign_out(page: Page):
    page.context.clear_cookies()


def open_the_partnership_s_reminder_settings(page: Page):
    page.get_by_role("link", name="Reminder settings of Dorset Community Safety Partnership").click()
    expect(page.get_by_role("heading", level=1, name="Reminder settings")).to_be_visible()
    axe_check(page)


def set_the_thresholds(page: Page, typed: str):
    page.get_by_label("Days before a deadline to send reminders").fill(typed)
    page.get_by_role("button", name="Save reminder settings").click()


def send_a_failed_reminder_again(page: Page):
    page.goto("/manage/reminders/reminder/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("reminder")
    axe_check(page)
    page.get_by_role("link", name="Failed", exact=True).click()
    expect(page).to_have_url(re.compile(r"state__exact=failed"))
    axe_check(page)
    row = page.get_by_role("row").filter(has_text="Jordan").filter(has_text="Reminder").first
    row.get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Send again now")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_text("1 reminder sent.")).to_be_visible()
    axe_check(page)


def test_reminders_from_the_officer_s_inbox_to_the_failed_sends_page(page: Page, demo, live_server):
    """Given the demo, whose sweep has run (Jordan Hale's reminders failed: no email address)
    When Alex Morgan reads a reminder, turns the digest off and subscribes to the calendar,
    Chris Patel sets Dorset's thresholds, and Sam Taylor sends Jordan's reminder again
    Then each page passes axe, the feed lists Alex's deadlines until it is turned off,
    a bad threshold is refused, and the reminder is sent"""
    sign_in_as(page, "officer")
    open_reminders_from_the_menu(page)
    title = read_a_reminder_sent_to_me(page)
    see_who_is_reminded_and_what_was_sent(page)

    open_reminders_from_the_menu(page)
    turn_the_digest_off(page)
    path = create_the_calendar_address(page)
    response = fetch_the_feed_as_outlook_would(page, live_server, path)
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    summaries = {str(event["SUMMARY"]) for event in Calendar.from_ical(response.body()).walk("VEVENT")}
    officer = get_user_model().objects.get(username="officer")
    assert title in summaries
    assert summaries == set(Deadline.objects.told_to(officer).open().values_list("title", flat=True))
    turn_the_feed_off(page)
    assert fetch_the_feed_as_outlook_would(page, live_server, path).status == 404
    sign_out(page)

    sign_in_as(page, "dhrlead")
    open_reminders_from_the_menu(page)
    open_the_partnership_s_reminder_settings(page)
    set_the_thresholds(page, "60, 30, 30")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter each number of days only once")
    axe_check(page)
    set_the_thresholds(page, "45, 14, 1")
    expect(page.get_by_text("Reminder settings saved")).to_be_visible()
    expect(page.locator("#thresholds")).to_have_text("45, 14 and 1 days before")
    axe_check(page)
    sign_out(page)

    # Jordan's address has been recorded since the sweep.
    get_user_model().objects.filter(username="jordan.hale").update(email="jordan.hale@example.org")
    sign_in_as(page, "admin")
    send_a_failed_reminder_again(page)
    assert Reminder.objects.filter(recipient__username="jordan.hale", state=Reminder.State.SENT).count() == 1
