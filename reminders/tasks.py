"""Entry points for the worker: thin wrappers round `reminders.sweep` and `reminders.sending`."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from reminders import sending, sweep
from reminders.status import record_heartbeat as _record_heartbeat


@shared_task
def record_heartbeat():
    _record_heartbeat("worker")


@shared_task(acks_late=True)
def sweep_deadlines():
    """Record what is owed today and queue a send for everything still waiting."""
    waiting = sweep.record(timezone.localdate())
    for reminder_id in waiting:
        send_reminder.delay(reminder_id)
    return len(waiting)


@shared_task(
    acks_late=True,
    autoretry_for=(sending.SendFailed,),
    retry_backoff=60,
    retry_backoff_max=3600,
    max_retries=settings.REMINDER_SEND_ATTEMPTS,
)
def send_reminder(reminder_id):
    return sending.send(reminder_id)
