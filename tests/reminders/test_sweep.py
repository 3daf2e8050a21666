"""Who is told what, and when: thresholds, working days, escalation, the digest, and
recording each message once."""

from datetime import date, timedelta

import pytest
from django.core import mail

from duties.models import Duty, RegisterEntry
from partnerships.models import Role
from reminders import sending, sweep, working_days
from reminders.deadlines import DeadlineSpec, write_deadlines
from reminders.models import Deadline, Preferences, Reminder, ReminderSettings
from tests.conftest import _person

pytestmark = pytest.mark.django_db

# A Tuesday with nothing special about it, and the Easter of 2027 (Good Friday 26 March,
# Easter Monday 29 March).
TUESDAY = date(2027, 2, 9)
GOOD_FRIDAY, EASTER_MONDAY = date(2027, 3, 26), date(2027, 3, 29)


def deadline(entry, due_on, *, owner=None, confidential=False, rule="due", title="Strategic assessment due"):
    write_deadlines(
        source=entry,
        partnership=entry.partnership,
        owner=owner,
        link="/somewhere/",
        specs=[DeadlineSpec(rule, title, due_on)],
        confidential=confidential,
    )
    return Deadline.objects.get(source_id=entry.pk, rule=rule)


def sent(today):
    """Run a sweep as on `today`, and send what it recorded."""
    for reminder_id in sweep.record(today):
        sending.send(reminder_id, today=today)


def keys(**filters):
    return sorted(
        Reminder.objects.filter(**filters).values_list("kind", "occasion", "recipient__username", "state")
    )


class TestThresholds:
    DAYS = [60, 30, 7, 1, 0]

    @pytest.mark.parametrize(
        "days_left, expected",
        [
            (61, None),
            (60, 60),
            (59, 60),
            (31, 60),
            (30, 30),
            (8, 30),
            (7, 7),
            (2, 7),
            (1, 1),
            (0, 0),
            (-1, None),
        ],
    )
    def test_the_most_urgent_threshold_whose_day_has_come(self, days_left, expected):
        # Due Friday 18 June 2027: 60, 30, 7 and 1 days before are all working days.
        due = date(2027, 6, 18)
        assert all(working_days.is_working_day(due - timedelta(days=d)) for d in self.DAYS)
        today = due - timedelta(days=days_left)
        assert sweep.reminder_occasion(due, today, self.DAYS) == expected

    def test_a_reminder_that_would_fall_on_a_weekend_goes_out_on_the_friday(self):
        monday = date(2027, 2, 15)
        friday = date(2027, 2, 12)
        # One day before a Monday deadline is Sunday: the reminder goes on Friday.
        assert sweep.reminder_occasion(monday, friday - timedelta(days=1), [1]) is None
        assert sweep.reminder_occasion(monday, friday, [1]) == 1

    def test_a_deadline_due_on_a_saturday_is_reminded_on_the_friday_as_due(self):
        saturday = date(2027, 2, 13)
        assert sweep.reminder_occasion(saturday, date(2027, 2, 12), [7, 1, 0]) == 0

    def test_bank_holidays_move_reminders_back_across_easter(self):
        # Due Tuesday 30 March 2027. One day before is Easter Monday, so the reminder goes on
        # the Thursday before Good Friday.
        due = date(2027, 3, 30)
        assert working_days.on_or_before(due - timedelta(days=1)) == date(2027, 3, 25)
        assert sweep.reminder_occasion(due, date(2027, 3, 24), [1]) is None
        assert sweep.reminder_occasion(due, date(2027, 3, 25), [1]) == 1

    def test_the_boxing_day_substitute_holiday_is_not_a_working_day(self):
        assert not working_days.is_working_day(date(2026, 12, 28))  # Boxing Day (observed)
        assert working_days.is_working_day(date(2026, 12, 29))
        assert working_days.bank_holiday_name(date(2026, 12, 28)) == "Boxing Day (observed)"

    def test_working_days_are_counted_without_the_first_day(self):
        # 10 working days after Thursday 25 March 2027 skip the Easter weekend: Monday 12 April.
        assert working_days.add_working_days(date(2027, 3, 25), 10) == date(2027, 4, 12)
        assert working_days.add_working_days(date(2027, 4, 12), -10) == date(2027, 3, 25)
        assert working_days.add_working_days(GOOD_FRIDAY, 0) == GOOD_FRIDAY

    def test_escalation_starts_the_first_working_day_after_then_goes_with_each_week(self):
        due = date(2027, 3, 25)  # Thursday before Easter
        assert sweep.escalation_occasion(due, due) is None
        assert sweep.escalation_occasion(due, GOOD_FRIDAY) is None
        assert sweep.escalation_occasion(due, EASTER_MONDAY) is None
        assert sweep.escalation_occasion(due, date(2027, 3, 30)) == 1
        assert sweep.escalation_occasion(due, date(2027, 4, 4)) == 1
        assert sweep.escalation_occasion(due, date(2027, 4, 5)) == 2  # the next Monday
        assert sweep.escalation_occasion(due, date(2027, 4, 11)) == 2
        assert sweep.escalation_occasion(due, date(2027, 4, 12)) == 3
        # Overdue from a Friday: the first notice on the Monday, the second a week later.
        assert sweep.escalation_occasion(date(2027, 2, 12), date(2027, 2, 15)) == 1
        assert sweep.escalation_occasion(date(2027, 2, 12), date(2027, 2, 22)) == 2
        # Spring bank holiday Monday 31 May 2027: that week's notice goes on the Tuesday.
        assert sweep.escalation_occasion(date(2027, 5, 20), date(2027, 5, 31)) == 2
        assert sweep.escalation_occasion(date(2027, 5, 20), date(2027, 6, 1)) == 3

    def test_the_digest_waits_for_the_first_working_day_of_the_week(self):
        assert sweep.digest_week(EASTER_MONDAY) is None
        assert sweep.digest_week(date(2027, 3, 30)) == EASTER_MONDAY
        assert sweep.digest_week(date(2027, 2, 8)) == date(2027, 2, 8)
        assert sweep.digest_week(date(2027, 2, 14)) == date(2027, 2, 8)


class TestWhoIsTold:
    @pytest.fixture(autouse=True)
    def _no_digest(self, monkeypatch):
        """The digest has its own tests; here it would only add a message to count."""
        monkeypatch.setattr(sweep, "digest_week", lambda today: None)

    def test_an_owned_deadline_tells_its_owner_and_an_unowned_one_the_officers(self, entry, officer, dorset):
        second = _person("second", dorset, Role.Kind.OFFICER)
        councillor = _person("cllr", dorset, Role.Kind.COUNCILLOR)
        row = deadline(entry, TUESDAY + timedelta(days=7))
        sent(TUESDAY)
        assert keys(kind="reminder") == [
            ("reminder", 7, "officer", "sent"),
            ("reminder", 7, "second", "sent"),
        ]
        assert sorted(m.to[0] for m in mail.outbox) == ["officer@example.org", "second@example.org"]
        assert councillor.username not in str(keys())
        row.owner = second
        row.save()
        entry.refresh_from_db()
        deadline(entry, TUESDAY + timedelta(days=1), owner=second)
        sent(TUESDAY)
        assert keys(kind="reminder", occasion=1) == [("reminder", 1, "second", "sent")]

    def test_a_review_deadline_tells_only_the_cleared_and_never_names_the_case(
        self, entry, officer, dhr_officer
    ):
        deadline(entry, TUESDAY, confidential=True, title="DHR 2026/01 'Adult Q': IMR due from NHS Dorset")
        sent(TUESDAY)
        assert keys(kind="reminder") == [("reminder", 0, "dhr", "sent")]
        (message,) = mail.outbox
        html = message.alternatives[0][0]
        for text in (message.subject, message.body, html):
            assert "Adult Q" not in text and "2026/01" not in text and "NHS Dorset" not in text
        assert message.subject == "A Domestic Homicide Review needs attention"
        assert sending.absolute("/somewhere/") in message.body
        assert sending.absolute("/somewhere/").startswith("http")

    def test_overdue_escalates_to_the_lead_weekly_until_met(self, entry, officer, site_admin, dorset):
        row = deadline(entry, TUESDAY - timedelta(days=1))
        lead = _person("lead", dorset, Role.Kind.OFFICER)
        ReminderSettings.objects.create(partnership=dorset, lead=lead)
        sent(TUESDAY)
        sent(TUESDAY + timedelta(days=3))
        assert keys(kind="escalation") == [("escalation", 1, "lead", "sent")]
        sent(TUESDAY + timedelta(days=7))
        assert keys(kind="escalation") == [
            ("escalation", 1, "lead", "sent"),
            ("escalation", 2, "lead", "sent"),
        ]
        row.met_on = TUESDAY + timedelta(days=8)
        row.save()
        sent(TUESDAY + timedelta(days=14))
        assert Reminder.objects.filter(kind="escalation").count() == 2
        assert not Reminder.objects.filter(kind="reminder").exists(), "no late reminders once overdue"

    def test_a_lead_gets_one_weekly_notice_listing_everything_overdue(
        self, entry, officer, site_admin, dhr_lead
    ):
        write_deadlines(
            source=entry,
            partnership=entry.partnership,
            owner=officer,
            link="/somewhere/",
            specs=[
                DeadlineSpec("a", "Older thing", TUESDAY - timedelta(days=20)),
                DeadlineSpec("b", "Newer thing", TUESDAY - timedelta(days=2)),
            ],
        )
        review_like = RegisterEntry.objects.create(
            partnership=entry.partnership, duty=Duty.objects.get(code="substance-misuse")
        )
        deadline(review_like, TUESDAY - timedelta(days=9), confidential=True, title="DHR 2026/01 'Adult Q'")
        ReminderSettings.objects.create(partnership=entry.partnership, lead=dhr_lead)
        sent(TUESDAY)
        assert keys(kind="escalation") == [("escalation", week, "dhrlead", "sent") for week in (1, 2, 4)]
        (message,) = mail.outbox
        assert message.subject == "Overdue: 3 deadlines need attention"
        assert (
            message.body.index("Older thing")
            < message.body.index("A Domestic Homicide Review")
            < message.body.index("Newer thing")
        )
        assert "Adult Q" not in message.body and "Adult Q" not in message.alternatives[0][0]
        assert "Owner: Alex Morgan" in message.body

    def test_without_a_named_lead_the_admins_are_told(self, entry, officer, site_admin):
        deadline(entry, TUESDAY - timedelta(days=1))
        sent(TUESDAY)
        assert keys(kind="escalation") == [("escalation", 1, "admin", "sent")]

    def test_a_review_escalation_goes_only_to_a_cleared_lead(self, entry, site_admin, dhr_officer, dorset):
        ReminderSettings.objects.create(partnership=dorset, lead=site_admin)
        deadline(entry, TUESDAY - timedelta(days=1), confidential=True)
        sent(TUESDAY)
        # The named lead is not cleared, so the cleared members are told instead.
        assert keys(kind="escalation") == [("escalation", 1, "dhr", "sent")]

    def test_a_partnership_sets_its_own_thresholds(self, entry, officer, dorset):
        ReminderSettings.objects.create(partnership=dorset, days_before=[90, 14])
        deadline(entry, TUESDAY + timedelta(days=80))
        sent(TUESDAY)
        assert keys(kind="reminder") == [("reminder", 90, "officer", "sent")]

    def test_someone_without_an_email_address_shows_as_a_failed_send(self, entry, officer):
        officer.email = ""
        officer.save()
        deadline(entry, TUESDAY)
        sent(TUESDAY)
        failed = Reminder.objects.get(kind="reminder")
        assert (failed.state, failed.note) == ("failed", "The person has no email address.")


class TestOnce:
    @pytest.fixture(autouse=True)
    def _no_digest(self, monkeypatch):
        """The digest has its own tests; here it would only add a message to count."""
        monkeypatch.setattr(sweep, "digest_week", lambda today: None)

    def test_sweeping_twice_records_and_sends_nothing_new(self, entry, officer):
        deadline(entry, TUESDAY + timedelta(days=7))
        sent(TUESDAY)
        sent(TUESDAY)
        assert len(mail.outbox) == 1
        assert sweep.record(TUESDAY) == []

    def test_a_missed_week_sends_only_the_most_urgent_reminder_still_worth_sending(self, entry, officer):
        deadline(entry, TUESDAY + timedelta(days=35))
        # Nobody swept for a month: the 30- and 7-day thresholds passed unsent.
        sent(TUESDAY + timedelta(days=34))
        assert keys(kind="reminder") == [("reminder", 1, "officer", "sent")]
        assert len(mail.outbox) == 1

    def test_a_waiting_reminder_overtaken_by_a_more_urgent_one_is_not_sent(self, entry, officer):
        deadline(entry, TUESDAY + timedelta(days=7))
        sweep.record(TUESDAY)  # recorded, but the worker was down
        sent(TUESDAY + timedelta(days=6))
        assert keys(kind="reminder") == [
            ("reminder", 1, "officer", "sent"),
            ("reminder", 7, "officer", "cancelled"),
        ]
        assert len(mail.outbox) == 1

    def test_sending_the_same_reminder_twice_sends_one_email(self, entry, officer):
        deadline(entry, TUESDAY)
        (reminder_id,) = sweep.record(TUESDAY)
        assert sending.send(reminder_id, today=TUESDAY) == "sent"
        assert sending.send(reminder_id, today=TUESDAY) is None
        assert len(mail.outbox) == 1

    def test_a_deadline_that_moves_on_is_reminded_again(self, entry, officer):
        deadline(entry, TUESDAY)
        sent(TUESDAY)
        deadline(entry, TUESDAY + timedelta(days=365))  # done; due again next year
        sent(TUESDAY + timedelta(days=365))
        assert [r[1] for r in keys(kind="reminder")] == [0, 0]
        assert len(mail.outbox) == 2

    def test_a_met_deadline_is_not_reminded(self, entry, officer):
        row = deadline(entry, TUESDAY)
        (reminder_id,) = sweep.record(TUESDAY)
        row.met_on = TUESDAY
        row.save()
        assert sending.send(reminder_id, today=TUESDAY) == "cancelled"
        assert mail.outbox == []

    def test_someone_no_longer_cleared_is_not_sent_a_review_reminder(self, entry, dhr_officer):
        deadline(entry, TUESDAY, confidential=True)
        (reminder_id,) = [i for i in sweep.record(TUESDAY) if Reminder.objects.get(pk=i).kind == "reminder"]
        Role.objects.filter(user=dhr_officer, kind=Role.Kind.DHR_CLEARED).delete()
        assert sending.send(reminder_id, today=TUESDAY) == "cancelled"
        assert mail.outbox == []


class TestFailures:
    @pytest.fixture(autouse=True)
    def _no_digest(self, monkeypatch):
        """The digest has its own tests; here it would only add a message to count."""
        monkeypatch.setattr(sweep, "digest_week", lambda today: None)

    def test_a_failing_mail_server_is_tried_again_then_listed_as_failed(self, entry, officer, settings):
        settings.EMAIL_BACKEND = "tests.reminders.test_sweep.RefusingBackend"
        settings.REMINDER_SEND_ATTEMPTS = 2
        deadline(entry, TUESDAY)
        (reminder_id,) = sweep.record(TUESDAY)
        with pytest.raises(sending.SendFailed):
            sending.send(reminder_id, today=TUESDAY)
        assert Reminder.objects.get(pk=reminder_id).state == "pending"
        assert sending.send(reminder_id, today=TUESDAY) == "failed"
        failed = Reminder.objects.get(pk=reminder_id)
        assert failed.attempts == 2 and "refused" in failed.note

        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        assert sending.send_again(failed, today=TUESDAY) == "sent"
        assert len(mail.outbox) == 1


class RefusingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server refused the connection")


class TestDigest:
    def test_a_weekly_digest_lists_what_is_outstanding_most_urgent_first(self, entry, officer, dorset):
        monday = date(2027, 2, 8)
        write_deadlines(
            source=entry,
            partnership=dorset,
            owner=None,
            link="/somewhere/",
            specs=[
                DeadlineSpec("later", "Later thing", monday + timedelta(days=40)),
                DeadlineSpec("late", "Late thing", monday - timedelta(days=3)),
                DeadlineSpec("far", "Far thing", monday + timedelta(days=200)),
            ],
        )
        sent(monday)
        sent(monday + timedelta(days=2))
        digests = [m for m in mail.outbox if m.subject.startswith("Your deadlines")]
        assert len(digests) == 1
        body = digests[0].body
        assert body.index("Late thing") < body.index("Later thing")
        assert "Far thing" not in body
        assert digests[0].subject == "Your deadlines this week: 2 outstanding, 1 overdue"

    def test_the_digest_can_be_turned_off_but_an_escalation_cannot(self, entry, site_admin, dorset):
        Preferences.objects.create(user=site_admin, weekly_digest=False)
        _person("officer2", dorset, Role.Kind.OFFICER)
        deadline(entry, date(2027, 2, 5))
        sent(date(2027, 2, 8))
        assert keys(recipient=site_admin) == [("escalation", 1, "admin", "sent")]
        assert keys(kind="digest") == [("digest", 0, "officer2", "sent")]

    def test_a_review_in_the_digest_is_not_named(self, entry, dhr_officer):
        deadline(entry, date(2027, 2, 20), confidential=True, title="DHR 2026/01 'Adult Q' IMR")
        sent(date(2027, 2, 8))
        (digest,) = [m for m in mail.outbox if m.subject.startswith("Your deadlines")]
        assert "Adult Q" not in digest.body and "Adult Q" not in digest.alternatives[0][0]
        assert "A Domestic Homicide Review needs attention" in digest.body


def test_notify_sends_the_plain_text_through_its_template_when_its_key_is_set(
    entry, officer, settings, monkeypatch
):
    monkeypatch.setattr(sweep, "digest_week", lambda today: None)
    from notifications_python_client.notifications import NotificationsAPIClient

    calls = []
    monkeypatch.setattr(
        NotificationsAPIClient, "send_email_notification", lambda self, **kwargs: calls.append(kwargs)
    )
    settings.EMAIL_BACKEND = "django_gov_notify.backends.NotifyEmailBackend"
    settings.GOVUK_NOTIFY_API_KEY = "test-" + "0" * 36 + "-" + "1" * 36
    settings.GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID = "7b2c1a7e-2f6d-4c55-8d0e-3d3bd9b1f0a1"
    deadline(entry, TUESDAY)
    sent(TUESDAY)
    (call,) = calls
    assert call["email_address"] == "officer@example.org"
    assert call["template_id"] == settings.GOVUK_NOTIFY_PLAIN_EMAIL_TEMPLATE_ID
    assert call["personalisation"]["subject"] == "Due today: Strategic assessment due"
    assert "/somewhere/" in call["personalisation"]["body"]
    assert Reminder.objects.get(kind="reminder").state == "sent"


def test_every_owner_of_an_action_is_reminded(monkeypatch, entry, officer, dorset):
    """An action's deadline is owned by its first owner and shared with the others."""
    monkeypatch.setattr(sweep, "digest_week", lambda today: None)
    second, third = _person("second", dorset, Role.Kind.CLERK), _person("third", dorset, Role.Kind.OFFICER)
    other_officer = _person("bystander", dorset, Role.Kind.OFFICER)
    write_deadlines(
        source=entry,
        partnership=dorset,
        owner=officer,
        co_owners=[second, third],
        link="/action/",
        specs=[DeadlineSpec("action-due", "Action: report back", TUESDAY + timedelta(days=7))],
    )
    sent(TUESDAY)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "officer@example.org",
        "second@example.org",
        "third@example.org",
    ]
    assert (
        other_officer not in Deadline.objects.told_to(other_officer)
        and not Deadline.objects.told_to(other_officer).exists()
    )
    assert Deadline.objects.told_to(second).count() == 1
    third.is_active = False
    third.save()
    write_deadlines(
        source=entry,
        partnership=dorset,
        owner=officer,
        co_owners=[second],
        link="/action/",
        specs=[DeadlineSpec("action-due", "Action: report back", TUESDAY + timedelta(days=7))],
    )
    assert list(Deadline.objects.get().co_owners.all()) == [second]
