"""Is the background worker alive? The scheduler queues a heartbeat; the worker records it."""

from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from reminders.models import Heartbeat


def record_heartbeat(name, *, now=None):
    now = now or timezone.now()
    updated = Heartbeat.objects.filter(name=name).update(beat_at=now, count=F("count") + 1)
    if not updated:
        Heartbeat.objects.get_or_create(name=name, defaults={"beat_at": now, "count": 1})


def worker_state(*, now=None):
    """The last heartbeat and whether it is recent enough to call the worker running."""
    now = now or timezone.now()
    beat = Heartbeat.objects.filter(name="worker").first()
    if beat is None:
        return {"beat": None, "running": False}
    # Three missed beats before we say it has stopped: a busy worker may run one late.
    late_after = timedelta(seconds=settings.HEARTBEAT_SECONDS * 3)
    return {"beat": beat, "running": now - beat.beat_at <= late_after}
