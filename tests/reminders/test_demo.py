"""The demo's reminders: settings for both partnerships and a sweep already run."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from reminders.models import Reminder, ReminderSettings
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_the_demo_has_settings_sent_reminders_and_one_honest_failure(demo, client):
    dorset = ReminderSettings.objects.get(partnership__slug="dorset")
    assert dorset.lead.get_full_name() == "Chris Patel"
    bcp = ReminderSettings.objects.get(partnership__slug="bcp")
    assert (bcp.days_before, bcp.lead) == ([60, 30, 7, 1, 0], None)

    kinds = set(Reminder.objects.filter(state=Reminder.State.SENT).values_list("kind", flat=True))
    assert kinds == {Reminder.Kind.REMINDER, Reminder.Kind.ESCALATION, Reminder.Kind.DIGEST}
    assert not Reminder.objects.filter(state=Reminder.State.PENDING).exists()
    failed = Reminder.objects.filter(state=Reminder.State.FAILED).select_related("recipient")
    assert failed.exists()
    assert {(r.recipient.username, r.recipient.email, r.note) for r in failed} == {
        ("jordan.hale", "", "The person has no email address.")
    }

    officer = get_user_model().objects.get(username="officer")
    html = signed_in(client, officer).get(reverse("reminders:mine")).content.decode()
    assert Reminder.objects.filter(recipient=officer, state=Reminder.State.SENT).exists()
    assert "Sent to you" in html and "Due in " in html


def test_loading_the_demo_again_sends_nothing_new(demo):
    before = list(Reminder.objects.order_by("pk").values_list("pk", "state"))
    call_command("load_demo", verbosity=0)
    assert list(Reminder.objects.order_by("pk").values_list("pk", "state")) == before
    assert ReminderSettings.objects.count() == 2
