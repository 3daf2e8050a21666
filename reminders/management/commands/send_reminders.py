"""Run the reminder sweep now, in this process, with no worker or broker: for operators,
and for a machine where the worker was down and someone wants the catch-up at once."""

from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from reminders import sending, sweep


class Command(BaseCommand):
    help = "Record the reminders owed today and send every one still waiting."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=date.fromisoformat, help="Sweep as on this day (YYYY-MM-DD).")

    def handle(self, *args, date=None, **options):
        today = date or timezone.localdate()
        waiting = sweep.record(today)
        outcomes = {}
        for reminder_id in waiting:
            try:
                state = sending.send(reminder_id, today=today)
            except sending.SendFailed:
                state = "pending"
            outcomes[state] = outcomes.get(state, 0) + 1
        summary = (
            ", ".join(f"{count} {state}" for state, count in sorted(outcomes.items(), key=str)) or "nothing"
        )
        self.stdout.write(f"{len(waiting)} waiting on {today:%d %B %Y}: {summary}.")
