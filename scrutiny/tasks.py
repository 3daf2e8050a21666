from celery import shared_task
from django.utils import timezone

from scrutiny import building


@shared_task
def build_pack(pack_id, refresh_data=True):
    """Build a scrutiny pack in the background: the web process only queues it."""
    building.build(pack_id, today=timezone.localdate(), refresh_data=refresh_data)
