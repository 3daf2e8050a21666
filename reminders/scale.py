"""Reminder settings at national scale, for benchmarks: every partnership has its settings,
one in five with thresholds of its own, and a lead chosen from its admins where it has one.
Sent reminders are not generated: the sweep benchmark makes them by sweeping."""

import random

from partnerships.models import Role
from reminders.models import DEFAULT_DAYS_BEFORE, ReminderSettings

OWN_THRESHOLDS = [[90, 30, 14, 1, 0], [60, 28, 7, 0], [30, 7, 2, 0]]


def generate(*, seed: int, partnerships, people_in) -> dict[str, int]:
    rng = random.Random(seed)  # noqa: S311 (repeatable on purpose, not secret)
    rows = []
    for partnership in partnerships:
        admins = people_in.get(partnership.pk, {}).get(Role.Kind.ADMIN, [])
        rows.append(
            ReminderSettings(
                partnership=partnership,
                days_before=rng.choice(OWN_THRESHOLDS) if rng.random() < 0.2 else list(DEFAULT_DAYS_BEFORE),
                lead=admins[0] if admins and rng.random() < 0.8 else None,
            )
        )
    ReminderSettings.objects.bulk_create(rows, batch_size=1000)
    return {"reminder settings": len(rows)}
