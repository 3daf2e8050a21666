from celery import shared_task
from django.utils import timezone

from dhr.review import refresh_paused_deadlines


@shared_task
def move_paused_deadlines():
    """Daily: the statutory clocks of a paused review stand still, so its dates move on."""
    return refresh_paused_deadlines(today=timezone.localdate())
