"""The scale generator gives every partnership its reminder settings, and the sweep runs
over what it generates."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from partnerships import scale
from partnerships.models import Partnership, Role
from reminders import sending, sweep
from reminders.models import Reminder, ReminderSettings

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


def test_generated_partnerships_have_settings_and_their_deadlines_are_swept():
    call_command("generate_scale", seed=3, today=TODAY, partnerships=3, users=30, stdout=StringIO())
    generated = Partnership.objects.filter(slug__startswith="csp-")
    assert ReminderSettings.objects.filter(partnership__in=generated).count() == generated.count() == 3
    for settings in ReminderSettings.objects.select_related("lead"):
        assert all(isinstance(days, int) and 0 <= days <= 365 for days in settings.days_before)
        if settings.lead:
            assert Role.objects.filter(
                user=settings.lead, partnership=settings.partnership, kind="admin"
            ).exists()

    waiting = sweep.record(TODAY)
    kinds = set(Reminder.objects.values_list("kind", flat=True))
    assert kinds == {"reminder", "escalation", "digest"}, "generated deadlines owe all three"
    assert sweep.record(TODAY) == waiting, "a second sweep the same day records nothing new"
    for reminder_id in waiting[:25]:
        sending.send(reminder_id, today=TODAY)
    assert not Reminder.objects.filter(pk__in=waiting[:25], state="pending").exists()
    # A lead's escalations go in one message, so there are fewer emails than reminders.
    assert 0 < len(mail.outbox) <= Reminder.objects.filter(state="sent").count()

    scale.remove()
    assert not ReminderSettings.objects.exists() and not Reminder.objects.exists()
