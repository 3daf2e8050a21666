from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from dhr import demo as dhr_demo
from duties import demo as duties_demo
from indicators import demo as indicators_demo
from meetings import demo as meetings_demo
from partnerships import demo as partnerships_demo
from partnerships.models import Partnership
from plans import demo as plans_demo
from reminders import demo as reminders_demo
from scrutiny import demo as scrutiny_demo


class Command(BaseCommand):
    help = "Load the demo partnerships, registers, plans, reviews, meetings, actions, indicators, scrutiny packs and logins from the seed papers (safe to run twice)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if any partnership exists already."
        )

    @transaction.atomic
    def handle(self, *args, if_empty=False, **options):
        if if_empty and Partnership.objects.exists():
            self.stdout.write("Partnerships exist already: demo data not loaded again.")
            return
        loaded = partnerships_demo.load()
        today = timezone.localdate()
        duties_demo.load(**loaded, today=today)
        plans_demo.load(**loaded, today=today)
        indicators_demo.load(**loaded, today=today)
        dhr_demo.load(**loaded, today=today)
        meetings_demo.load(**loaded, today=today)
        scrutiny_demo.load(**loaded, today=today)
        # Last: its sweep reads every other app's deadlines.
        reminders_demo.load(**loaded, today=today)
        self.stdout.write(
            f"Demo data loaded. Logins: officer, clerk, councillor, dhr, dhrlead, admin; "
            f"password {partnerships_demo.DEMO_PASSWORD}"
        )
