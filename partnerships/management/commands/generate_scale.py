"""Generate national-scale benchmark data (see partnerships/scale.py for what and why).

Rows are bulk-inserted, so django-simple-history records nothing for them: fine for
benchmarks, not a way to load real data.
"""

import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from partnerships import scale


class Command(BaseCommand):
    help = (
        "Generate ~300 partnerships, ~5,000 users, their duty registers, ~1,500 plans on their roads to "
        "adoption, ~1,500 Domestic Homicide Reviews, and the deadlines of all three from a seed, for benchmarks. The same seed gives the same data. Refuses to run twice unless --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, required=True)
        parser.add_argument("--partnerships", type=int, default=300)
        parser.add_argument("--users", type=int, default=5000)
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="The date the data is spread around (YYYY-MM-DD); today by default.",
        )
        parser.add_argument(
            "--replace", action="store_true", help="Delete previously generated rows (by prefix) first."
        )

    def handle(self, *args, seed, partnerships, users, today, replace, **options):
        started = time.perf_counter()
        try:
            with transaction.atomic():
                if replace:
                    deleted = scale.remove()
                    if deleted:
                        removed = ", ".join(f"{n} {label}" for label, n in sorted(deleted.items()) if n)
                        self.stdout.write(f"Removed previously generated rows: {removed}")
                counts = scale.generate(
                    seed=seed,
                    partnerships=partnerships,
                    users=users,
                    today=today or timezone.localdate(),
                )
        except scale.AlreadyGenerated as refusal:
            raise CommandError(f"{refusal}. Run again with --replace to delete them first.") from refusal
        except ValueError as problem:
            raise CommandError(str(problem)) from problem
        seconds = time.perf_counter() - started
        for label, n in counts.items():
            self.stdout.write(f"{n:>8,} {label}")
        self.stdout.write(f"Generated from seed {seed} in {seconds:.1f} seconds.")
