"""The write functions: who did it on the history, refusals with messages, one deadline per action."""

from datetime import date, timedelta

import pytest

from csp_tracker.audit import StaleEdit
from meetings import minutes
from meetings.models import Action, Attendance
from reminders.models import Deadline
from tests.conftest import _person
from tests.factories import OrganisationFactory
from tests.meetings.conftest import HELD_ON, TODAY, an_action

pytestmark = pytest.mark.django_db


def test_attendance_lines_are_read_as_name_then_organisation():
    people, problems = minutes.parse_attendance(
        "Cllr Graham Carr-Jones, Dorset Council, Chair\n\n  • Jan West, NHS Dorset\n"
    )
    assert people == [("Cllr Graham Carr-Jones", "Dorset Council, Chair"), ("Jan West", "NHS Dorset")]
    assert problems == []


def test_attendance_lines_that_cannot_be_read_are_named_by_number():
    _, problems = minutes.parse_attendance("Jan West, NHS Dorset\nJoe Ennis\n, Dorset Police")
    assert problems == [
        "Line 2: write the name, a comma, then the organisation",
        "Line 3: write the name, a comma, then the organisation",
    ]


def test_recording_attendance_replaces_a_list_and_links_known_organisations(meeting, clerk):
    police = OrganisationFactory(name="Dorset Police")
    minutes.record_attendance(meeting, by=clerk, groups={"core": [("Someone", "Elsewhere")]})
    minutes.record_attendance(
        meeting,
        by=clerk,
        groups={"core": [("Dean O'Connor", "dorset police")], "apologies": [("Lisa Reid", "Dorset Council")]},
    )
    core = list(meeting.attendance.filter(group=Attendance.Group.CORE))
    assert [(a.name, a.organisation) for a in core] == [("Dean O'Connor", police)]
    assert meeting.attendance.count() == 2
    assert Attendance.history.filter(history_type="-", history_user=clerk).count() == 1


def test_an_action_writes_one_deadline_owned_by_its_first_owner(dorset, officer, clerk, item):
    action = minutes.add_action(
        dorset,
        by=clerk,
        text="Cover knife carrying in the serious violence work",
        owners=[officer, clerk],
        due_on=date(2023, 6, 30),
        today=TODAY,
        agenda_item=item,
    )
    assert action.raised_on == HELD_ON, "raised at the meeting, not on the day it was typed"
    deadline = Deadline.objects.get()
    assert (deadline.title, deadline.due_on, deadline.owner, deadline.met_on) == (
        "Action: Cover knife carrying in the serious violence work",
        date(2023, 6, 30),
        officer,
        None,
    )
    assert deadline.link == action.get_absolute_url()
    assert minutes.owners_in_order(action) == [officer, clerk]


def test_an_overdue_action_shows_on_the_partnership_dashboard(client, dorset, officer, clerk):
    an_action(dorset, by=clerk, owners=[officer], due_in=-5, text="Send the papers")
    client.force_login(officer)
    page = client.get(f"/partnerships/{dorset.slug}/").content.decode()
    assert "Action: Send the papers" in page


def test_marking_an_action_done_meets_its_deadline(dorset, officer, clerk):
    action = an_action(dorset, by=clerk, owners=[officer], due_in=-5)
    minutes.update_action(action, by=officer, expected_revision=1, today=TODAY, status=Action.Status.DONE)
    action.refresh_from_db()
    assert action.completed_on == TODAY
    assert Deadline.objects.get().met_on == TODAY
    assert Deadline.objects.overdue(TODAY).count() == 0


def test_an_action_due_before_its_meeting_is_refused(dorset, officer, clerk, item):
    with pytest.raises(minutes.MeetingRefused, match="on or after 14 March 2023") as refusal:
        minutes.add_action(
            dorset,
            by=clerk,
            text="x",
            owners=[officer],
            due_on=date(2023, 3, 1),
            today=TODAY,
            agenda_item=item,
        )
    assert refusal.value.field == "due_on"
    assert not Action.objects.exists()
    assert not Deadline.objects.exists()


def test_an_action_needs_an_owner_of_the_partnership(dorset, bcp_officer, clerk):
    with pytest.raises(minutes.MeetingRefused, match="at least one owner"):
        an_action(dorset, by=clerk, owners=[])
    with pytest.raises(minutes.MeetingRefused, match="people of this partnership"):
        an_action(dorset, by=clerk, owners=[bcp_officer])
    assert not Action.objects.exists()


def test_a_stale_edit_is_refused_and_nothing_is_saved(dorset, officer, clerk):
    action = an_action(dorset, by=clerk, owners=[officer])
    minutes.update_action(action, by=officer, expected_revision=1, today=TODAY, update_notes="Drafted")
    with pytest.raises(StaleEdit) as refusal:
        minutes.update_action(action, by=clerk, expected_revision=1, today=TODAY, update_notes="Sent")
    assert [c.label for c in refusal.value.changes] == ["Update"]
    action.refresh_from_db()
    assert (action.update_notes, action.revision) == ("Drafted", 2)


def test_every_change_to_an_action_is_in_its_history_with_who_made_it(dorset, officer, clerk):
    action = an_action(dorset, by=clerk, owners=[officer])
    minutes.update_action(
        action,
        by=officer,
        expected_revision=1,
        today=TODAY,
        status=Action.Status.IN_PROGRESS,
        owners=[officer, clerk],
    )
    records = list(action.history.order_by("history_date", "history_id"))
    assert records[0].history_type == "+" and records[0].history_user == clerk
    assert records[-1].history_user == officer and records[-1].status == Action.Status.IN_PROGRESS
    assert minutes.owners_in_order(action) == [officer, clerk]


def test_matters_arising_come_from_the_previous_meeting(dorset, officer, clerk, item):
    earlier = an_action(dorset, by=clerk, owners=[officer], agenda_item=item, today=TODAY)
    later = minutes.record_meeting(dorset, by=clerk, held_on=HELD_ON + timedelta(days=90), title="Dorset CSP")
    assert minutes.previous_meeting(later) == item.meeting
    arising = minutes.add_agenda_item(
        later, by=clerk, number=1, title="Matters arising", matters_arising=[earlier]
    )
    assert list(arising.matters_arising.all()) == [earlier]
    stray = an_action(dorset, by=clerk, owners=[officer])
    with pytest.raises(minutes.MeetingRefused, match="previous meeting"):
        minutes.add_agenda_item(later, by=clerk, number=2, title="Other", matters_arising=[stray])


def test_item_numbers_are_unique_within_a_meeting(meeting, clerk, item):
    with pytest.raises(minutes.MeetingRefused, match="already has an item 3"):
        minutes.add_agenda_item(meeting, by=clerk, number=3, title="Again")


def test_owners_may_be_anyone_with_a_role_in_the_partnership(dorset, clerk):
    from partnerships.models import Role

    councillor = _person("cllr2", dorset, Role.Kind.COUNCILLOR)
    action = an_action(dorset, by=clerk, owners=[councillor])
    assert Deadline.objects.get().owner == councillor
    assert action.owners.get() == councillor
