"""Working days in England and Wales: Monday to Friday, less the bank holidays.

England and Wales share one set of bank holidays (Scotland and Northern Ireland have their
own), so one calendar serves every partnership here. The dates come from the `holidays`
library, which keeps substitute days ("Boxing Day (observed)") and one-off holidays.
"""

from datetime import date, timedelta
from functools import cache

import holidays


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.UK(subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def bank_holiday_name(day: date) -> str | None:
    return holidays.UK(subdiv="ENG", years=day.year).get(day)


def on_or_before(day: date) -> date:
    """The working day itself, or the last one before it: a reminder due on a Saturday or
    a bank holiday goes out on the working day before, while someone is at their desk."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def after(day: date) -> date:
    """The first working day after `day`."""
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, count: int) -> date:
    """`count` working days after `day` (or before it, for a negative count), as rules
    such as "within 10 working days" count them: the day itself is not counted."""
    step = timedelta(days=1 if count >= 0 else -1)
    remaining = abs(count)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def first_working_day_of_week(day: date) -> date:
    """The first working day of `day`'s week (Monday, or Tuesday after a bank holiday)."""
    monday = day - timedelta(days=day.weekday())
    return on_or_after(monday)


def on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
