from celery import shared_task

from reminders.status import record_heartbeat as _record_heartbeat


@shared_task
def record_heartbeat():
    _record_heartbeat("worker")
