"""Key performance indicators at national scale, for benchmarks (design.md: ~20,000 KPI values).

Eight indicators per partnership, each with a baseline and the eight quarters of the two
financial years before the current one: 300 partnerships give 2,400 indicators and 19,200
figures. Written with bulk_create, so no history rows, as partnerships/scale.py explains.
The same seed gives the same figures.
"""

import random
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.test.utils import override_settings

from indicators.models import Indicator, IndicatorValue

BATCH_SIZE = 2000
# name, good direction, typical whole-year figure for a partnership
INDICATORS = [
    ("The total number of ASB reports to the police", Indicator.Direction.DOWN, 12000),
    ("Increase in the reporting of personal ASB to the police", Indicator.Direction.UP, 1600),
    ("Domestic abuse violent crimes", Indicator.Direction.DOWN, 4700),
    ("Domestic abuse incidents", Indicator.Direction.DOWN, 6500),
    ("Knife crime offences", Indicator.Direction.DOWN, 300),
    ("First-time entrants to the youth justice system", Indicator.Direction.DOWN, 90),
    ("Hate crimes reported", Indicator.Direction.UP, 450),
    ("Adults in drug and alcohol treatment", Indicator.Direction.UP, 2400),
]
QUARTERS_OF_YEARS = 2


def _financial_year(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def generate(*, seed: int, today: date, partnerships) -> dict[str, int]:
    """Indicators and quarterly figures for each partnership given; returns rows written."""
    rng = random.Random(seed)  # noqa: S311 (repeatable on purpose, not secret)
    this_year = _financial_year(today)
    years = list(range(this_year - QUARTERS_OF_YEARS, this_year))
    baseline_year = years[0] - 1
    with transaction.atomic():
        indicators = Indicator.objects.bulk_create(
            [
                Indicator(
                    partnership=partnership,
                    name=name,
                    good_direction=direction,
                    source="Standard CSP data set",
                    baseline_year=baseline_year,
                    baseline_value=Decimal(round(typical * rng.uniform(0.5, 1.5))),
                )
                for partnership in partnerships
                for name, direction, typical in INDICATORS
            ],
            batch_size=BATCH_SIZE,
        )
        values = IndicatorValue.objects.bulk_create(
            (
                IndicatorValue(
                    indicator=indicator,
                    year=year,
                    quarter=quarter,
                    value=Decimal(round(float(indicator.baseline_value) / 4 * rng.uniform(0.75, 1.25))),
                )
                for indicator in indicators
                for year in years
                for quarter in (1, 2, 3, 4)
            ),
            batch_size=BATCH_SIZE,
        )
    return {"indicators": len(indicators), "indicator values": len(values)}


def remove(partnerships) -> dict[str, int]:
    """Delete the indicators (and so their figures and targets) of the partnerships given.
    History is off: the rows were bulk inserted without it."""
    with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
        _, deleted = Indicator.objects.filter(partnership__in=partnerships).delete()
    return deleted
