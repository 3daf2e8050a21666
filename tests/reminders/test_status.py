from datetime import timedelta

import pytest
from django.utils import timezone

from reminders.status import record_heartbeat, worker_state

pytestmark = pytest.mark.django_db


def test_no_heartbeat_means_not_running():
    assert worker_state() == {"beat": None, "running": False}


def test_a_recent_heartbeat_means_running_and_an_old_one_does_not(settings):
    settings.HEARTBEAT_SECONDS = 60
    now = timezone.now()
    record_heartbeat("worker", now=now)
    record_heartbeat("worker", now=now)
    assert worker_state(now=now + timedelta(seconds=180))["running"]
    assert not worker_state(now=now + timedelta(seconds=181))["running"]
    assert worker_state(now=now)["beat"].count == 2
