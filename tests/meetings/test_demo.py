"""The demo meeting from seed 003 and the actions that give "My actions" something to show."""

from datetime import date

import pytest
from django.core.management import call_command

from meetings.models import Action, AgendaItem, Attendance, ForwardPlanItem, Meeting
from plans.demo import DORSET_CSP_EARLY_2023
from reminders.models import Deadline

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_for_the_module, db, settings):
    """load_demo (once for this module, see tests/conftest.py), then this app's demo again,
    which must add nothing."""
    settings.MEDIA_ROOT = demo_for_the_module
    load_meetings()


def load_meetings():
    from django.utils import timezone

    from meetings import demo as meetings_demo
    from partnerships import demo as partnerships_demo

    return meetings_demo.load(**partnerships_demo.load(), today=timezone.localdate())


def counts():
    return [m.objects.count() for m in (Meeting, Attendance, AgendaItem, Action, ForwardPlanItem, Deadline)]


def test_the_demo_holds_seed_003s_meeting_with_its_lists_items_and_action(demo):
    meeting = Meeting.objects.get(held_on=DORSET_CSP_EARLY_2023)
    groups = {
        g: list(meeting.attendance.filter(group=g).values_list("name", flat=True))
        for g in Attendance.Group.values
    }
    assert groups["core"][0] == "Cllr Graham Carr-Jones"
    assert len(groups["core"]) == 5 and len(groups["attendee"]) == 6
    assert len(groups["support"]) == 9 and len(groups["apologies"]) == 5
    assert "Diane Evans" in groups["support"]
    items = list(meeting.items.values_list("number", "title"))
    assert items[1] == (2, "Domestic Homicide Review (DHR)")
    assert items[5] == (6, "Serious Violence Duty")
    assert meeting.items.get(number=6).resolution_lines[2].startswith("3. Funding to cover labour costs")
    assert meeting.items.get(number=5).plan.title == "Community Safety Plan 2023-2026"
    action = Action.objects.get(agenda_item__meeting=meeting)
    names = (
        [o.get_full_name() for o in action.owners.order_by("meetings_action_owners.id")] if False else None
    )
    from meetings.minutes import owners_in_order

    names = [o.get_full_name() for o in owners_in_order(action)]
    assert names == ["John Newcombe", "Ian Grant", "Dee Evans"]
    assert (action.due_on, action.status, action.completed_on) == (
        date(2023, 6, 30),
        "done",
        date(2023, 6, 27),
    )


def test_the_demo_officer_and_clerk_have_overdue_and_soon_due_actions(demo):
    from django.utils import timezone

    today = timezone.localdate()
    for username in ("officer", "clerk"):
        mine = Action.objects.filter(owners__username=username).open()
        assert mine.filter(due_on__lt=today).exists(), username
        assert mine.filter(due_on__gte=today).exists(), username


def test_loading_the_demo_twice_adds_nothing(demo):
    before = counts()
    call_command("load_demo", verbosity=0)
    assert load_meetings() == []
    assert counts() == before
