from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from duties import demo as duties_demo
from partnerships import demo as partnerships_demo


class Command(BaseCommand):
    help = "Load the demo partnerships, registers and logins from the seed papers (safe to run twice)."

    @transaction.atomic
    def handle(self, *args, **options):
        loaded = partnerships_demo.load()
        duties_demo.load(**loaded, today=timezone.localdate())
        self.stdout.write(
            f"Demo data loaded. Logins: officer, clerk, councillor, dhr, admin; "
            f"password {partnerships_demo.DEMO_PASSWORD}"
        )
