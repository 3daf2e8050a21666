"""A real Celery worker, with its scheduler, against the configured broker: Redis in CI
(REDIS_URL), the filesystem queue of the quick start otherwise."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from reminders.models import Heartbeat

ROOT = Path(__file__).resolve().parents[2]


def database_url():
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker(transactional_db, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CSP_VAR_DIR": str(tmp_path),
        "HEARTBEAT_SECONDS": "1",
        "CELERY_QUEUE": f"test-{uuid.uuid4().hex}",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "csp_tracker",
            "worker",
            "--beat",
            "--pool",
            "solo",
            "--loglevel",
            "INFO",
            "--schedule",
            str(tmp_path / "beat-schedule"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


@pytest.mark.worker
def test_worker_and_scheduler_record_heartbeats(worker, client, django_user_model):
    beats = lambda: Heartbeat.objects.filter(name="worker", count__gte=3).exists()  # noqa: E731
    if not wait_for(beats):
        worker.terminate()
        pytest.fail("no heartbeats from the worker:\n" + worker.communicate(timeout=20)[0][-4000:])
    assert worker.poll() is None, "the worker is still running"

    admin = django_user_model.objects.create_superuser("root", "root@example.org", "unused-password-here")
    client.force_login(admin)
    page = client.get(reverse("reminders:status")).content.decode()
    assert "Running" in page
    assert "Not heard from" not in page
