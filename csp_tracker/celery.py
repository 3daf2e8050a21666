"""The Celery app: the worker and beat of production, the embedded worker of the quick start."""

import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csp_tracker.settings")

app = Celery("csp_tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def _refuse_insecure_production(**kwargs):
    """Only the worker and beat: the web process checks for itself, and a test or web
    process that merely queues a task must not exit."""
    from django.core.exceptions import ImproperlyConfigured

    from csp_tracker.checks import refuse_insecure_production

    try:
        refuse_insecure_production()
    except ImproperlyConfigured as error:
        # Celery logs and ignores an exception raised in a signal handler; SystemExit stops it.
        raise SystemExit(f"Refusing to start: {error}") from error
