"""A real Celery worker, with its scheduler, against the configured broker: Redis in CI
(REDIS_URL), the filesystem queue of the quick start otherwise. The `worker` fixture is in
conftest.py."""

import pytest
from django.urls import reverse

from reminders.models import Heartbeat


@pytest.mark.worker
def test_worker_and_scheduler_record_heartbeats(worker, workers, client, django_user_model):
    beats = lambda: Heartbeat.objects.filter(name="worker", count__gte=3).exists()  # noqa: E731
    workers.wait(beats, "three heartbeats from the worker")
    assert worker.running(), "the worker is still running"

    admin = django_user_model.objects.create_superuser("root", "root@example.org", "unused-password-here")
    client.force_login(admin)
    page = client.get(reverse("reminders:status")).content.decode()
    assert "Running" in page
    assert "Not heard from" not in page
