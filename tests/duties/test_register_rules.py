from datetime import date, timedelta

import pytest
from django.db import IntegrityError

from duties.models import RegisterEntry
from duties.register import current_status, dates_in_order, update_entry
from reminders.models import Deadline

TODAY = date(2026, 11, 24)
S = RegisterEntry.Status


def test_entry_due_today_is_not_yet_overdue():
    assert current_status(S.ON_TRACK, TODAY, TODAY) == S.ON_TRACK


def test_entry_due_yesterday_is_overdue_whatever_was_recorded():
    for recorded in (S.ON_TRACK, S.AT_RISK, S.MET):
        assert current_status(recorded, TODAY - timedelta(days=1), TODAY) == S.OVERDUE


def test_entry_with_no_due_date_keeps_its_recorded_status():
    assert current_status(S.AT_RISK, None, TODAY) == S.AT_RISK


def test_next_due_must_come_after_last_completed():
    assert dates_in_order(TODAY + timedelta(days=1), TODAY)
    assert not dates_in_order(TODAY, TODAY)
    assert not dates_in_order(TODAY - timedelta(days=1), TODAY)
    assert dates_in_order(None, TODAY) and dates_in_order(TODAY, None)


@pytest.mark.django_db
def test_register_query_shows_overdue_without_anyone_marking_it(entry):
    entry.next_due_on = TODAY - timedelta(days=1)
    entry.save()
    annotated = RegisterEntry.objects.with_current_status(TODAY).get(pk=entry.pk)
    assert annotated.status == S.ON_TRACK
    assert annotated.current_status == S.OVERDUE
    assert (
        RegisterEntry.objects.with_current_status(TODAY + timedelta(days=-1)).get(pk=entry.pk).current_status
        == S.ON_TRACK
    )


@pytest.mark.django_db
def test_database_refuses_dates_out_of_order(entry):
    entry.last_completed_on = TODAY
    entry.next_due_on = TODAY
    with pytest.raises(IntegrityError):
        entry.save()


@pytest.mark.django_db
def test_saving_a_due_date_writes_the_deadline_table(entry, officer):
    update_entry(entry, by=officer, expected_version=1, next_due_on=TODAY + timedelta(days=30), owner=officer)
    deadline = Deadline.objects.get()
    assert deadline.due_on == TODAY + timedelta(days=30)
    assert deadline.partnership == entry.partnership
    assert deadline.owner == officer
    assert deadline.rule == "duty-due"
    assert deadline.title == "Annual Partnership Strategic Assessment (PSA) due"
    assert deadline.link == "/partnerships/dorset/duties/strategic-assessment/"
    assert "2007 Regulations" in deadline.legal_source

    update_entry(entry, by=officer, expected_version=2, next_due_on=TODAY + timedelta(days=60))
    assert Deadline.objects.get().due_on == TODAY + timedelta(days=60), "rewritten in place, not duplicated"

    update_entry(entry, by=officer, expected_version=3, next_due_on=None)
    assert not Deadline.objects.exists()


@pytest.mark.django_db
def test_update_records_who_changed_what(entry, officer):
    update_entry(entry, by=officer, expected_version=1, status=S.AT_RISK, implementation="PSA drafted")
    latest = entry.history.latest()
    assert latest.history_user == officer
    assert latest.status == S.AT_RISK
    delta = latest.diff_against(latest.prev_record)
    assert {change.field for change in delta.changes} == {"status", "implementation", "version"}
