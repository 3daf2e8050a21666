"""The Celery app: the worker and beat of production, the embedded worker of the quick start."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csp_tracker.settings")

app = Celery("csp_tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _refuse_insecure_production(sender, **kwargs):
    from csp_tracker.checks import refuse_insecure_production

    refuse_insecure_production()
