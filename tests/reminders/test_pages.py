"""The reminder pages: your reminders, a deadline's page, a partnership's reminder settings,
and the failed sends page in the admin."""

from datetime import timedelta
from itertools import count

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Partnership, Role
from reminders.models import Deadline, Preferences, Reminder, ReminderSettings
from tests.conftest import _person, signed_in

pytestmark = pytest.mark.django_db

_sources = count(1)
SECRET_TITLE = "A Domestic Homicide Review needs attention: IMR due from Dorset Police"


def make_deadline(partnership, title, due_in, *, owner=None, confidential=False, met=False, **fields):
    """A deadline as an app's writer would store it, `due_in` days from today."""
    today = timezone.localdate()
    return Deadline.objects.create(
        partnership=partnership,
        title=title,
        due_on=today + timedelta(days=due_in),
        owner=owner,
        rule=fields.pop("rule", "dhr-imr" if confidential else "duty-due"),
        source_type=ContentType.objects.get_for_model(Partnership),
        source_id=next(_sources),
        link=fields.pop("link", "/dhr/cases/1/" if confidential else "/partnerships/dorset/duties/x/"),
        is_confidential=confidential,
        met_on=today if met else None,
        **fields,
    )


def make_reminder(deadline, recipient, *, kind=Reminder.Kind.REMINDER, occasion=7, **fields):
    fields.setdefault("state", Reminder.State.SENT)
    if fields["state"] == Reminder.State.SENT:
        fields.setdefault("sent_at", timezone.now())
        fields.setdefault("to_address", recipient.email)
    return Reminder.objects.create(
        kind=kind,
        deadline=deadline,
        due_on=deadline.due_on if deadline else timezone.localdate(),
        occasion=occasion,
        recipient=recipient,
        **fields,
    )


def quick_user(username):
    """A person with no password: hashing one per row would slow the query-count pins."""
    return get_user_model().objects.create(username=username, email=f"{username}@example.org")


def page(client, user, url):
    response = signed_in(client, user).get(url)
    return response, response.content.decode()


# Your reminders


def test_your_reminders_needs_signing_in(client):
    response = client.get(reverse("reminders:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_everyone_signed_in_finds_reminders_in_the_navigation(client, stranger):
    response, html = page(client, stranger, reverse("reminders:mine"))
    assert response.status_code == 200
    nav = response.context["nav_items"]
    assert {"label": "Reminders", "url": "/reminders/", "active": True} in nav


def test_what_is_coming_up_is_listed_most_urgent_first_with_the_overdue_tagged(client, officer, dorset):
    make_deadline(dorset, "Strategy group due", 20, owner=officer)
    make_deadline(dorset, "Reducing Reoffending Strategy due", -12, owner=officer)
    make_deadline(dorset, "Substance Misuse Strategy due", 3)  # no owner: the officers are told
    make_deadline(dorset, "Far off duty due", 200, owner=officer)
    make_deadline(dorset, "Met duty due", -3, owner=officer, met=True)
    response, html = page(client, officer, reverse("reminders:mine"))
    upcoming = [deadline.title for deadline, due in response.context["upcoming"]]
    assert upcoming == [
        "Reducing Reoffending Strategy due",
        "Substance Misuse Strategy due",
        "Strategy group due",
    ]
    assert "Overdue: 12 days overdue" in html
    assert "3 days left" in html
    assert "Far off duty due" not in html and "Met duty due" not in html


def test_a_review_s_deadline_is_never_named_on_your_reminders(client, dhr_officer, dorset):
    deadline = make_deadline(dorset, SECRET_TITLE, 5, confidential=True)
    make_reminder(deadline, dhr_officer, subject="A Domestic Homicide Review needs attention")
    response, html = page(client, dhr_officer, reverse("reminders:mine"))
    assert "IMR due from Dorset Police" not in html
    assert html.count("A Domestic Homicide Review needs attention") >= 2
    assert "Dorset Community Safety Partnership" in html


def test_sent_to_you_lists_my_reminders_newest_first_and_why_one_failed(client, officer, dorset, dhr_officer):
    first = make_deadline(dorset, "Strategy group due", 20, owner=officer)
    second = make_deadline(dorset, "Crime & Disorder Committee scrutiny due", 30, owner=officer)
    make_reminder(first, officer, subject="Due in 20 days: Strategy group due")
    make_reminder(
        second,
        officer,
        occasion=30,
        state=Reminder.State.FAILED,
        note="The person has no email address.",
    )
    make_reminder(first, dhr_officer, subject="Someone else's reminder")
    response, html = page(client, officer, reverse("reminders:mine"))
    sent = [reminder.deadline for reminder, about in response.context["sent"]]
    assert sent == [second, first]
    assert "Due in 20 days: Strategy group due" in html
    assert "The person has no email address." in html
    assert "Someone else&#x27;s reminder" not in html
    assert reverse("reminders:deadline", args=[first.pk]) in html


def test_your_reminders_page_is_never_cached(client, officer):
    response, _ = page(client, officer, reverse("reminders:mine"))
    assert "no-store" in response["Cache-Control"]


def test_your_reminders_page_costs_the_same_queries_however_much_there_is(
    client, officer, dorset, bcp, django_assert_num_queries
):
    Role.objects.create(user=officer, partnership=bcp, kind=Role.Kind.OFFICER)
    deadline = make_deadline(dorset, "Strategy group due", 20, owner=officer)
    make_reminder(deadline, officer)
    signed_in(client, officer)
    client.get(reverse("reminders:mine"))  # the session's first read

    def queries():
        with django_assert_num_queries(8) as context:
            assert client.get(reverse("reminders:mine")).status_code == 200
        return len(context.captured_queries)

    few = queries()
    for number in range(30):
        partnership = (dorset, bcp)[number % 2]
        more = make_deadline(partnership, f"Duty {number} due", number - 10, owner=officer)
        make_reminder(more, officer, occasion=number)
    make_reminder(None, officer, kind=Reminder.Kind.DIGEST, occasion=0)
    assert queries() == few


def test_turning_the_digest_off_is_recorded_with_who_did_it(client, officer):
    response = signed_in(client, officer).post(
        reverse("reminders:digest"), {"weekly_digest": "no"}, follow=True
    )
    assert "Weekly digest turned off" in response.content.decode()
    preferences = Preferences.objects.get(user=officer)
    assert preferences.weekly_digest is False
    assert preferences.history.latest().history_user == officer
    client.post(reverse("reminders:digest"), {"weekly_digest": "yes"})
    assert Preferences.objects.get(user=officer).weekly_digest is True


def test_the_digest_choice_must_be_made(client, officer):
    response = signed_in(client, officer).post(reverse("reminders:digest"), {})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error: Your reminders" in html
    assert "Select yes if you want the weekly digest" in html


def test_escalations_cannot_be_turned_off_and_the_page_says_so(client, officer):
    _, html = page(client, officer, reverse("reminders:mine"))
    assert "cannot be turned off" in html


def test_creating_the_calendar_address_shows_it_in_full(client, officer, settings):
    settings.SITE_URL = "https://csp.example.gov.uk"
    _, html = page(client, officer, reverse("reminders:mine"))
    assert "Create a calendar address" in html
    response = client.post(reverse("reminders:make_calendar_address"), follow=True)
    token = Preferences.objects.get(user=officer).calendar_token
    assert len(token) >= 43
    html = response.content.decode()
    assert f"https://csp.example.gov.uk/reminders/calendar/{token}.ics" in html
    assert "Subscribe from web" in html
    assert "Renew the address" in html and "Turn the feed off" in html


def test_renewing_the_address_stops_the_old_one_working(client, officer):
    signed_in(client, officer).post(reverse("reminders:make_calendar_address"))
    old = Preferences.objects.get(user=officer).calendar_token
    response = client.post(reverse("reminders:make_calendar_address"), follow=True)
    assert "the old address no longer works" in response.content.decode()
    new = Preferences.objects.get(user=officer).calendar_token
    assert new != old
    client.logout()
    assert client.get(reverse("reminders:calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("reminders:calendar_feed", args=[new])).status_code == 200


def test_turning_the_feed_off_stops_the_address_working(client, officer):
    signed_in(client, officer).post(reverse("reminders:make_calendar_address"))
    token = Preferences.objects.get(user=officer).calendar_token
    response = client.post(reverse("reminders:calendar_off"), follow=True)
    assert "Calendar feed turned off" in response.content.decode()
    assert Preferences.objects.get(user=officer).calendar_token is None
    assert client.get(reverse("reminders:calendar_feed", args=[token])).status_code == 404
    assert "Create a calendar address" in response.content.decode()


def test_the_calendar_address_never_reaches_the_history(client, officer):
    signed_in(client, officer).post(reverse("reminders:make_calendar_address"))
    client.post(reverse("reminders:make_calendar_address"))
    history = Preferences.history.filter(user=officer)
    assert history.count() == 3  # made, then given an address twice
    assert all(not hasattr(record, "calendar_token") for record in history)
    assert {record.history_user for record in history} == {officer}


def test_the_calendar_buttons_only_take_posts(client, officer):
    signed_in(client, officer)
    assert client.get(reverse("reminders:make_calendar_address")).status_code == 405
    assert client.get(reverse("reminders:calendar_off")).status_code == 405
    assert not Preferences.objects.filter(user=officer).exists()


# A deadline's page


def test_a_deadline_s_page_says_when_whose_why_and_who_is_reminded(client, officer, dhr_lead, dorset):
    ReminderSettings.objects.create(partnership=dorset, days_before=[30, 7, 0], lead=dhr_lead)
    deadline = make_deadline(
        dorset,
        "Annual Partnership Strategic Assessment (PSA) due",
        10,
        owner=officer,
        legal_source="Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007, reg 5",
        rule_version="2007",
    )
    make_reminder(deadline, officer, occasion=30, subject="Due in 30 days: PSA")
    response, html = page(client, officer, reverse("reminders:deadline", args=[deadline.pk]))
    assert response.status_code == 200
    assert "Annual Partnership Strategic Assessment (PSA) due" in html
    assert "10 days left" in html
    assert "Formulation and Implementation of Strategy" in html
    assert "duty-due (version 2007)" in html
    context = response.context
    assert context["told"] == [officer]
    assert context["escalated_to"] == [dhr_lead]
    assert context["escalated_as"] == "the partnership lead"
    assert context["thresholds"] == "30 and 7 days before, and on the day"
    assert [days for days, day in context["reminder_days"]] == [30, 7, 0]
    assert "officer@example.org" in html
    assert 'href="/partnerships/dorset/duties/x/"' in html


def test_a_deadline_with_no_owner_reminds_the_officers_and_escalates_to_the_admins(
    client, officer, clerk, site_admin, dorset
):
    other = _person("rob", dorset, Role.Kind.OFFICER, first_name="Rob", last_name="Ellis")
    deadline = make_deadline(dorset, "Substance Misuse Strategy due", -3)
    response, html = page(client, clerk, reverse("reminders:deadline", args=[deadline.pk]))
    assert response.context["told"] == [officer, other]
    assert response.context["escalated_to"] == [site_admin]
    assert "3 days overdue" in html
    assert "no lead" in response.context["escalated_as"]


def test_a_stranger_cannot_open_a_deadline(client, bcp_officer, dorset):
    deadline = make_deadline(dorset, "Strategy group due", 20)
    response, _ = page(client, bcp_officer, reverse("reminders:deadline", args=[deadline.pk]))
    assert response.status_code == 404


def test_a_review_s_deadline_is_not_found_by_those_not_cleared(
    client, officer, councillor, site_admin, dorset
):
    deadline = make_deadline(dorset, SECRET_TITLE, 5, confidential=True)
    for person in (officer, councillor, site_admin):
        response, html = page(client, person, reverse("reminders:deadline", args=[deadline.pk]))
        assert response.status_code == 404, person.username
        assert "IMR due" not in html


def test_the_cleared_see_a_review_s_deadline_without_its_title_and_uncached(client, dhr_officer, dorset):
    deadline = make_deadline(dorset, SECRET_TITLE, 5, confidential=True, link="/dhr/cases/7/")
    response, html = page(client, dhr_officer, reverse("reminders:deadline", args=[deadline.pk]))
    assert response.status_code == 200
    assert "IMR due from Dorset Police" not in html
    assert '<h1 class="govuk-heading-l">A Domestic Homicide Review needs attention</h1>' in html
    assert 'href="/dhr/cases/7/"' in html
    assert "no-store" in response["Cache-Control"]
    assert response.context["told"] == [dhr_officer]


def test_a_deadline_s_page_costs_the_same_queries_however_many_reminders(
    client, officer, dorset, django_assert_num_queries
):
    deadline = make_deadline(dorset, "Strategy group due", -20, owner=officer)
    make_reminder(deadline, officer)
    signed_in(client, officer)
    url = reverse("reminders:deadline", args=[deadline.pk])
    client.get(url)

    def queries():
        with django_assert_num_queries(8) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    few = queries()
    for week in range(1, 40):
        recipient = quick_user(f"admin{week}")
        Role.objects.create(user=recipient, partnership=dorset, kind=Role.Kind.ADMIN)
        make_reminder(deadline, recipient, kind=Reminder.Kind.ESCALATION, occasion=week)
        if week < 5:
            deadline.co_owners.add(recipient)
    assert queries() == few
    assert len(client.get(url).context["told"]) == 5, "the owner and the four who share it"


# A partnership's reminder settings


def settings_url(partnership):
    return reverse("reminders:settings", args=[partnership.slug])


def test_members_read_the_settings_but_only_admins_may_change_them(client, councillor, dhr_lead, dorset):
    response, html = page(client, councillor, settings_url(dorset))
    assert response.status_code == 200
    assert "60, 30, 7 and 1 days before, and on the day" in html
    assert "Save reminder settings" not in html
    response = client.post(settings_url(dorset), {"days_before": "1", "started_days": "60, 30, 7, 1, 0"})
    assert response.status_code == 403
    assert not ReminderSettings.objects.exists()
    _, html = page(client, dhr_lead, settings_url(dorset))
    assert "Save reminder settings" in html


def test_a_stranger_cannot_see_a_partnership_s_settings(client, bcp_officer, dorset):
    assert page(client, bcp_officer, settings_url(dorset))[0].status_code == 404
    assert client.post(settings_url(dorset), {"days_before": "1"}).status_code == 404


def test_an_admin_sets_thresholds_and_the_lead(client, dhr_lead, officer, dorset):
    signed_in(client, dhr_lead)
    response = client.post(
        settings_url(dorset),
        {
            "days_before": "7, 30 , 1",
            "lead": officer.pk,
            "started_days": "60, 30, 7, 1, 0",
            "started_lead": "",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "Reminder settings saved" in html
    settings = ReminderSettings.objects.get(partnership=dorset)
    assert settings.days_before == [30, 7, 1]
    assert settings.lead == officer
    assert settings.history.latest().history_user == dhr_lead
    assert "30, 7 and 1 days before" in html
    assert "Alex Morgan" in html
    # The history says who changed what.
    response = client.post(
        settings_url(dorset),
        {"days_before": "14, 0", "lead": "", "started_days": "30, 7, 1", "started_lead": str(officer.pk)},
        follow=True,
    )
    events = response.context["events"]
    assert events[0].who == "Chris Patel"
    assert {(change.label, change.old, change.new) for change in events[0].changes} == {
        ("Days before", "30, 7, 1", "14, 0"),
        ("Partnership lead", "Alex Morgan", "(none)"),
    }


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter the days before a deadline to send reminders"),
        ("sixty, 30", "Enter whole numbers of days, separated by commas"),
        ("7.5", "Enter whole numbers of days, separated by commas"),
        ("400, 30", "Days before must be between 0 and 365"),
        ("-1", "Days before must be between 0 and 365"),
        ("30, 7, 30", "Enter each number of days only once"),
        ("90, 60, 30, 14, 7, 3, 2, 1, 0", "Enter no more than 8 numbers of days"),
    ],
)
def test_bad_thresholds_are_refused_and_nothing_is_saved(client, dhr_lead, dorset, typed, message):
    response = signed_in(client, dhr_lead).post(
        settings_url(dorset), {"days_before": typed, "started_days": "60, 30, 7, 1, 0", "started_lead": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert 'class="govuk-error-summary"' in html
    assert message in html
    assert not ReminderSettings.objects.exists()


def test_the_lead_must_hold_a_role_in_the_partnership(client, dhr_lead, bcp_officer, dorset):
    response = signed_in(client, dhr_lead).post(
        settings_url(dorset),
        {"days_before": "30", "lead": bcp_officer.pk, "started_days": "60, 30, 7, 1, 0", "started_lead": ""},
    )
    assert "Select someone who holds a role in the partnership" in response.content.decode()
    assert not ReminderSettings.objects.exists()


def test_a_stale_save_is_refused_and_shows_what_changed(client, dhr_lead, site_admin, officer, dorset):
    opened_with = {"started_days": "60, 30, 7, 1, 0", "started_lead": ""}
    # Sam saves first ...
    signed_in(client, site_admin).post(settings_url(dorset), {"days_before": "30, 7", **opened_with})
    # ... then Chris, who opened the page before Sam saved.
    response = signed_in(client, dhr_lead).post(
        settings_url(dorset), {"days_before": "14", "lead": officer.pk, **opened_with}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed these reminder settings after you opened them" in html
    assert "<title>Error: " in html
    settings = ReminderSettings.objects.get(partnership=dorset)
    assert (settings.days_before, settings.lead) == ([30, 7], None)
    changes = {(c.label, c.old, c.new) for c in response.context["stale"].changes}
    assert changes == {("Days before", "60, 30, 7, 1, 0", "30, 7")}
    # The form now carries the values Sam saved: saving again is a deliberate choice.
    form = response.context["form"]
    assert form["started_days"].value() == "30, 7"
    assert form["days_before"].value() == "14"
    response = client.post(
        settings_url(dorset),
        {"days_before": "14", "lead": officer.pk, "started_days": "30, 7", "started_lead": ""},
    )
    assert response.status_code == 302
    settings.refresh_from_db()
    assert (settings.days_before, settings.lead) == ([14], officer)


def test_reviews_reminders_are_only_counted_for_those_not_cleared(client, councillor, dhr_officer, dorset):
    review = make_deadline(dorset, SECRET_TITLE, 5, confidential=True)
    duty = make_deadline(dorset, "Strategy group due", 20)
    make_reminder(review, dhr_officer, subject="A Domestic Homicide Review needs attention")
    make_reminder(duty, dhr_officer, subject="Due in 20 days: Strategy group due")
    response, html = page(client, councillor, settings_url(dorset))
    assert [reminder.deadline for reminder in response.context["reminders"]] == [duty]
    assert "1 more about Domestic Homicide Reviews" in html
    assert "IMR due" not in html
    response, html = page(client, dhr_officer, settings_url(dorset))
    assert len(response.context["reminders"]) == 2
    assert "A Domestic Homicide Review needs attention" in html
    assert "IMR due" not in html


def test_the_settings_page_costs_the_same_queries_however_many_reminders(
    client, dhr_lead, officer, dorset, django_assert_num_queries
):
    deadline = make_deadline(dorset, "Strategy group due", 20, owner=officer)
    make_reminder(deadline, officer)
    signed_in(client, dhr_lead).post(
        settings_url(dorset), {"days_before": "30, 7", "started_days": "60, 30, 7, 1, 0", "started_lead": ""}
    )
    client.get(settings_url(dorset))

    def queries():
        with django_assert_num_queries(10) as context:
            assert client.get(settings_url(dorset)).status_code == 200
        return len(context.captured_queries)

    few = queries()
    for number in range(30):
        more = make_deadline(
            dorset, f"Duty {number} due", number, owner=officer, confidential=number % 3 == 0
        )
        make_reminder(more, officer if number % 2 else dhr_lead, occasion=number)
    assert queries() == few


# The failed sends page


@pytest.fixture
def failed(dorset, officer):
    officer.email = ""
    officer.save()
    deadline = make_deadline(dorset, "Strategy group due", 20, owner=officer)
    return make_reminder(
        deadline, officer, occasion=30, state=Reminder.State.FAILED, note="The person has no email address."
    )


def admin_list(client, user, query=""):
    return signed_in(client, user).get(reverse("admin:reminders_reminder_changelist") + query)


def test_failed_sends_are_one_click_away_and_can_be_sent_again(
    client, site_admin, officer, failed, mailoutbox
):
    sent = make_reminder(failed.deadline, site_admin, occasion=60)
    response = admin_list(client, site_admin, "?state__exact=failed")
    html = response.content.decode()
    assert response.status_code == 200
    assert "The person has no email address." in html
    assert list(response.context["cl"].result_list) == [failed]
    officer.email = "alex.morgan@dorsetcouncil.gov.uk"
    officer.save()
    response = client.post(
        reverse("admin:reminders_reminder_changelist"),
        {"action": "send_again", "_selected_action": [failed.pk, sent.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 reminder sent." in html
    assert "1 reminder left alone: only failed ones are sent again." in html
    failed.refresh_from_db()
    assert failed.state == Reminder.State.SENT
    assert failed.to_address == "alex.morgan@dorsetcouncil.gov.uk"
    assert [message.to for message in mailoutbox] == [["alex.morgan@dorsetcouncil.gov.uk"]]


def test_a_send_that_fails_again_says_so(client, site_admin, failed):
    response = signed_in(client, site_admin).post(
        reverse("admin:reminders_reminder_changelist"),
        {"action": "send_again", "_selected_action": [failed.pk]},
        follow=True,
    )
    assert "1 reminder failed again (see the note)." in response.content.decode()
    failed.refresh_from_db()
    assert failed.state == Reminder.State.FAILED


def test_reminders_are_read_only_in_the_admin(client, site_admin, failed):
    signed_in(client, site_admin)
    assert client.get(reverse("admin:reminders_reminder_add")).status_code == 403
    assert client.get(reverse("admin:reminders_reminder_delete", args=[failed.pk])).status_code == 403
    response = client.get(reverse("admin:reminders_reminder_change", args=[failed.pk]))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()


def test_the_admin_shows_a_review_s_reminders_only_to_the_cleared(client, site_admin, dhr_officer, dorset):
    deadline = make_deadline(dorset, SECRET_TITLE, 5, confidential=True)
    reminder = make_reminder(deadline, dhr_officer, state=Reminder.State.FAILED, note="Refused")
    response = admin_list(client, site_admin)
    assert list(response.context["cl"].result_list) == []
    change = reverse("admin:reminders_reminder_change", args=[reminder.pk])
    assert "IMR due" not in client.get(change, follow=True).content.decode()
    # Cleared in Dorset too, the site admin sees it.
    Role.objects.create(user=site_admin, partnership=dorset, kind=Role.Kind.DHR_CLEARED)
    response = admin_list(client, site_admin)
    assert list(response.context["cl"].result_list) == [reminder]


def test_site_admins_see_everyone_s_failed_digests(client, site_admin, officer):
    digest = make_reminder(None, officer, kind=Reminder.Kind.DIGEST, occasion=0, state=Reminder.State.FAILED)
    response = admin_list(client, site_admin, "?state__exact=failed")
    assert list(response.context["cl"].result_list) == [digest]


def test_the_calendar_address_is_not_shown_in_the_admin(client, site_admin, officer):
    signed_in(client, officer).post(reverse("reminders:make_calendar_address"))
    preferences = Preferences.objects.get(user=officer)
    signed_in(client, site_admin)
    for url in (
        reverse("admin:reminders_preferences_changelist"),
        reverse("admin:reminders_preferences_change", args=[preferences.pk]),
        reverse("admin:reminders_preferences_history", args=[preferences.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert preferences.calendar_token not in response.content.decode(), url


def test_the_failed_sends_page_costs_the_same_queries_however_many(
    client, site_admin, officer, failed, django_assert_num_queries
):
    url = reverse("admin:reminders_reminder_changelist") + "?state__exact=failed"
    signed_in(client, site_admin).get(url)

    def queries():
        with django_assert_num_queries(7) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    few = queries()
    for number in range(30):
        deadline = make_deadline(failed.deadline.partnership, f"Duty {number} due", number, owner=officer)
        make_reminder(deadline, quick_user(f"person{number}"), state=Reminder.State.FAILED, note="Refused")
    assert queries() == few


def test_a_non_cleared_officer_never_sees_a_review_s_title_anywhere(client, officer, dhr_officer, dorset):
    review = make_deadline(dorset, SECRET_TITLE, -3, confidential=True)
    make_reminder(review, dhr_officer, subject="A Domestic Homicide Review needs attention")
    make_reminder(review, officer, kind=Reminder.Kind.ESCALATION, occasion=1, subject="Overdue: 2 deadlines")
    make_deadline(dorset, "Strategy group due", 20, owner=officer)
    signed_in(client, officer).post(reverse("reminders:make_calendar_address"))
    feed = reverse("reminders:calendar_feed", args=[Preferences.objects.get(user=officer).calendar_token])
    pages = {
        url: client.get(url)
        for url in (
            reverse("reminders:mine"),
            settings_url(dorset),
            reverse("reminders:deadline", args=[review.pk]),
            feed,
        )
    }
    assert pages[reverse("reminders:deadline", args=[review.pk])].status_code == 404
    for url, response in pages.items():
        assert "IMR due from Dorset Police" not in response.content.decode(), url


def test_thresholds_changed_in_the_admin_are_checked_as_on_the_page(client, site_admin, dorset):
    response = signed_in(client, site_admin).post(
        reverse("admin:reminders_remindersettings_add"), {"partnership": dorset.pk, "days_before": "30, 30"}
    )
    assert "Enter each number of days only once" in response.content.decode()
    response = client.post(
        reverse("admin:reminders_remindersettings_add"), {"partnership": dorset.pk, "days_before": "0, 45"}
    )
    assert response.status_code == 302
    assert ReminderSettings.objects.get().days_before == [45, 0]
