"""The calendar feed Outlook subscribes to: found by its secret address alone."""

from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from partnerships.models import Role
from reminders.preferences import make_calendar_address, turn_calendar_off
from tests.reminders.test_pages import SECRET_TITLE, make_deadline

pytestmark = pytest.mark.django_db


def feed_url(user):
    return reverse("reminders:calendar_feed", args=[make_calendar_address(user, by=user).calendar_token])


def events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_lists_my_open_deadlines_as_all_day_events(client, officer, dorset, bcp, settings):
    settings.SITE_URL = "https://csp.example.gov.uk"
    mine = make_deadline(dorset, "Strategy group due", 20, owner=officer)
    unowned = make_deadline(dorset, "Substance Misuse Strategy due", -5)
    make_deadline(dorset, "Met duty due", 3, owner=officer, met=True)
    make_deadline(bcp, "BCP's duty due", 3)
    url = feed_url(officer)
    response = client.get(url)  # no one signed in: Outlook fetches it
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    found = events(response)
    assert set(found) == {
        f"deadline-{mine.pk}@csp.example.gov.uk",
        f"deadline-{unowned.pk}@csp.example.gov.uk",
    }
    event = found[f"deadline-{mine.pk}@csp.example.gov.uk"]
    assert str(event["SUMMARY"]) == "Strategy group due"
    assert event.decoded("DTSTART") == mine.due_on
    assert event.decoded("DTEND") == mine.due_on + timedelta(days=1)
    assert str(event["URL"]) == "https://csp.example.gov.uk/partnerships/dorset/duties/x/"
    assert "https://csp.example.gov.uk/partnerships/dorset/duties/x/" in str(event["DESCRIPTION"])
    assert "DTSTAMP" in event


def test_a_review_s_deadline_is_an_event_that_never_names_it(client, dhr_officer, dorset):
    deadline = make_deadline(dorset, SECRET_TITLE, 5, confidential=True)
    response = client.get(feed_url(dhr_officer))
    assert b"IMR due" not in response.content
    event = next(iter(events(response).values()))
    assert str(event["UID"]).startswith(f"deadline-{deadline.pk}@")
    assert str(event["SUMMARY"]) == (
        "Domestic Homicide Review needs attention (Dorset Community Safety Partnership)"
    )


def test_a_review_s_deadline_is_not_in_the_feed_of_those_not_cleared(client, officer, dorset):
    make_deadline(dorset, SECRET_TITLE, 5, confidential=True)
    response = client.get(feed_url(officer))
    assert events(response) == {}
    assert b"Domestic Homicide Review" not in response.content


def test_the_same_deadline_keeps_its_uid_from_one_fetch_to_the_next(client, officer, dorset):
    make_deadline(dorset, "Strategy group due", 20, owner=officer)
    url = feed_url(officer)
    assert set(events(client.get(url))) == set(events(client.get(url)))


def test_an_unknown_address_is_not_found(client, officer):
    feed_url(officer)
    assert client.get(reverse("reminders:calendar_feed", args=["not-a-real-address"])).status_code == 404


def test_a_renewed_or_turned_off_address_is_not_found(client, officer):
    old = feed_url(officer)
    new = feed_url(officer)
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    turn_calendar_off(officer, by=officer)
    assert client.get(new).status_code == 404


def test_a_closed_account_s_feed_is_not_found(client, officer):
    url = feed_url(officer)
    officer.is_active = False
    officer.save()
    assert client.get(url).status_code == 404


def test_the_feed_costs_the_same_queries_however_many_deadlines(
    client, officer, dorset, bcp, django_assert_num_queries
):
    make_deadline(dorset, "Strategy group due", 20, owner=officer)
    url = feed_url(officer)

    def fetch():
        with django_assert_num_queries(2):
            response = client.get(url)
        return len(events(response))

    assert fetch() == 1
    Role.objects.create(user=officer, partnership=bcp, kind=Role.Kind.OFFICER)
    for number in range(40):
        make_deadline((dorset, bcp)[number % 2], f"Duty {number} due", number - 20, owner=officer)
    assert fetch() == 41
