from datetime import date, timedelta

import pytest
from django.utils import timezone

from meetings import minutes

TODAY = timezone.localdate()
HELD_ON = date(2023, 3, 14)


@pytest.fixture
def meeting(dorset, clerk):
    return minutes.record_meeting(
        dorset, by=clerk, held_on=HELD_ON, title="Dorset Community Safety Partnership"
    )


@pytest.fixture
def item(meeting, clerk):
    return minutes.add_agenda_item(meeting, by=clerk, number=3, title="Update on Local Priorities")


def an_action(partnership, *, by, owners, due_in=10, **kwargs):
    return minutes.add_action(
        partnership,
        by=by,
        text=kwargs.pop("text", "Circulate the delivery plan"),
        owners=owners,
        due_on=TODAY + timedelta(days=due_in),
        today=kwargs.pop("today", TODAY - timedelta(days=60)),
        **kwargs,
    )
