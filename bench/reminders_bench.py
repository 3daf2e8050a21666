"""How long the reminder sweep takes at national scale, how many queries it runs and how
much memory it needs.

Not a test: a script to run by hand (see bench/README.md). In one run it

1. drops and recreates the benchmark database (its name must contain "bench"), runs
   `migrate` and `generate_scale --seed S` (~300 partnerships, ~5,000 people, ~10,000
   actions, ~1,500 plans and DHRs; every partnership with its reminder settings), then
   VACUUM ANALYZE;
2. measures, in this process, with Django's locmem email backend:
   - the baseline: one plain query reading the same open deadlines the sweep reads;
   - the first sweep of the day (everything owed is new): time, queries, peak memory;
   - a second sweep the same day (nothing new to record);
   - sending: the first N recorded reminders, one `sending.send` each, as the worker
     would, against a baseline of N plain emails sent through the same backend;
   - the next day's sweep (only what changed is recorded).

Usage: .venv/bin/python bench/reminders_bench.py [--seed 1] [--send 2000]
"""

import argparse
import contextlib
import os
import platform
import resource
import secrets
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.register_bench import manage, recreate_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/csp_reminders_bench"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--send", type=int, default=2000, help="reminders to send, one by one")
    return parser.parse_args()


def measured(label, work, *, memory=True):
    """Run `work` once for time and queries; if `memory`, again inside a rolled-back
    transaction under tracemalloc for its peak (tracemalloc slows what it watches)."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    peak = None
    if memory:
        with transaction.atomic():
            tracemalloc.start()
            work()
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            transaction.set_rollback(True)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = work()
        seconds = time.perf_counter() - started
    memory_text = f"{peak / 2**20:7.1f} MB peak" if peak is not None else "             "
    print(f"{label:<58} {seconds:8.3f} s  {len(queries):>6} queries  {memory_text}", flush=True)
    return result, seconds, len(queries)


def main():
    arguments = parse_arguments()
    env = dict(os.environ)
    for name in ("DEBUG", "DEMO_MODE", "ALLOWED_HOSTS", "EMAIL_URL"):
        env.pop(name, None)
    env.update(
        DATABASE_URL=arguments.database_url,
        DJANGO_SETTINGS_MODULE="csp_tracker.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    print(
        f"Recreating {urlsplit(arguments.database_url).path.lstrip('/')} and generating data ...", flush=True
    )
    recreate_database(arguments.database_url)
    manage(env, "migrate", "--noinput", "-v0")
    print(manage(env, "generate_scale", "--seed", str(arguments.seed)).rstrip().splitlines()[-1])
    os.environ.update(env)

    import django

    django.setup()
    from django.core import mail
    from django.core.mail import EmailMultiAlternatives
    from django.db import connection
    from django.utils import timezone

    from reminders import sending, sweep
    from reminders.models import Deadline, Reminder

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SHOW server_version")
        postgres_version = cursor.fetchone()[0]
    mail.outbox = []
    today = timezone.localdate()
    window = today + timedelta(days=60)
    open_deadlines = Deadline.objects.open().count()
    print(
        f"{Deadline.objects.count():,} deadlines, {open_deadlines:,} open; "
        f"{Deadline.objects.open().filter(due_on__lte=window).count():,} overdue or due within 60 days. "
        f"Today is {today:%A %d %B %Y}."
    )
    print()

    def baseline():
        return len(
            list(
                Deadline.objects.open()
                .filter(due_on__lte=window)
                .order_by()
                .values_list("pk", "partnership_id", "owner_id", "due_on", "is_confidential")
            )
        )

    measured("Baseline: read the open deadlines the sweep reads", baseline)
    waiting, first_seconds, _ = measured(
        "First sweep of the day (records everything owed)", lambda: sweep.record(today)
    )
    recorded = Reminder.objects.count()
    by_kind = {
        kind: Reminder.objects.filter(kind=kind).count() for kind in ("reminder", "escalation", "digest")
    }
    measured("Second sweep the same day (nothing new)", lambda: sweep.record(today))

    count = min(arguments.send, len(waiting))

    def plain_emails():
        for number in range(count):
            message = EmailMultiAlternatives(
                subject=f"Due in 7 days: thing {number}",
                body="A plain body.\n" * 8,
                to=["someone@example.org"],
            )
            message.attach_alternative("<p>A plain body.</p>" * 8, "text/html")
            message.send()

    measured(f"Baseline: {count:,} plain emails through the same backend", plain_emails, memory=False)
    mail.outbox = []

    def send_them():
        for reminder_id in waiting[:count]:
            with contextlib.suppress(sending.SendFailed):
                sending.send(reminder_id, today=today)

    _, send_seconds, send_queries = measured(
        f"Send the first {count:,} recorded, one at a time", send_them, memory=False
    )
    emails = len(mail.outbox)
    states = {
        state: Reminder.objects.filter(pk__in=waiting[:count], state=state).count()
        for state in ("sent", "cancelled", "failed", "pending")
    }
    tomorrow = today + timedelta(days=1)
    measured("Next day's sweep (only what changed)", lambda: sweep.record(tomorrow))
    new_tomorrow = Reminder.objects.count() - recorded

    print()
    print(
        f"Recorded on the first sweep: {recorded:,} ({by_kind['reminder']:,} reminders, "
        f"{by_kind['escalation']:,} escalations, {by_kind['digest']:,} digests); "
        f"{len(waiting):,} waiting to send; the next day's sweep recorded {new_tomorrow:,} more."
    )
    print(
        f"Sending {count:,}: {emails:,} emails (a lead's escalations go in one message), states "
        + ", ".join(f"{n:,} {state}" for state, n in states.items() if n)
        + f"; {send_seconds / count * 1000:.1f} ms and {send_queries / count:.1f} queries per reminder."
    )
    print(f"First sweep per open deadline: {first_seconds / max(open_deadlines, 1) * 1e6:.0f} µs.")
    print(
        f"Process peak resident memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB."
    )
    print(
        f"Machine: {os.cpu_count()} CPUs, {platform.system()} {platform.release()}; Python "
        f"{platform.python_version()}, Django {django.get_version()}, PostgreSQL {postgres_version}; "
        f"load average {os.getloadavg()[0]:.1f} at the end."
    )


if __name__ == "__main__":
    main()
