"""How CSP Tracker judges a key performance indicator, and the one place its figures are saved.

The functions at the top take values and return values. A partnership reports quarterly
against a baseline for a whole year (seed 001: "12,440" for 2021/22, then "3,399" for Q1 of
2022/23), so the year so far is compared with the same share of the baseline or target:
two quarters against half of it. That treats each quarter as a quarter of the year; a
seasonal indicator will look worse in its busy quarters, which the chart shows.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from csp_tracker.audit import save_as, save_if_current
from indicators.models import Indicator, IndicatorValue, Target, year_label

FULL_YEAR = IndicatorValue.FULL_YEAR
MAX_VALUE = Decimal("999999999999.99")  # what DecimalField(max_digits=14, decimal_places=2) holds


class Status:
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"
    NO_DATA = "no_data"
    NO_BASELINE = "no_baseline"


STATUS_LABELS = {
    Status.BETTER: "Better",
    Status.SAME: "No change",
    Status.WORSE: "Worse",
    Status.NO_DATA: "No data",
    Status.NO_BASELINE: "Nothing to compare with",
}
STATUS_COLOURS = {
    Status.BETTER: "green",
    Status.SAME: "grey",
    Status.WORSE: "red",
    Status.NO_DATA: "grey",
    Status.NO_BASELINE: "grey",
}


@dataclass(frozen=True)
class Judgement:
    status: str
    year: int | None = None
    quarters: int = 0  # 0 when the year's full figure was used
    actual: Decimal | None = None
    expected: Decimal | None = None
    compared_with: str = ""  # "the baseline (2021/22)" or "the target for 2022/23"

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def colour(self):
        return STATUS_COLOURS[self.status]

    @property
    def explanation(self):
        """The judgement in a sentence a councillor can check against the table."""
        if self.status == Status.NO_DATA:
            return "No figures have been recorded since the baseline."
        if self.status == Status.NO_BASELINE:
            return "There is no baseline or target to compare the figures with."
        if not self.quarters:
            return (
                f"{year_label(self.year)} full year: {number(self.actual)}, "
                f"against {number(self.expected)}, {self.compared_with}."
            )
        plural = "s" if self.quarters > 1 else ""
        return (
            f"{year_label(self.year)} so far ({self.quarters} quarter{plural}): {number(self.actual)}, "
            f"against {number(self.expected)} for the same share of {self.compared_with}."
        )


def number(value) -> str:
    """3399 -> "3,399"; 12.50 -> "12.5": figures as the partnership's reports print them."""
    if value is None:
        return ""
    value = Decimal(value)
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != value.to_integral() else f"{value:,.0f}"
    return text


def judge(values, *, direction, baseline_year=None, baseline_value=None, targets=None) -> Judgement:
    """Whether the latest financial year with figures is better or worse than expected.

    `values` are (year, quarter, value) for one indicator, quarter 0 meaning the whole year.
    Only years after the baseline year count: the baseline year's own figures are the
    baseline. The year's target, when set, is what it is judged against; otherwise the
    baseline. A full-year figure wins over the sum of the quarters.
    """
    targets = targets or {}
    later = [(y, q, v) for y, q, v in values if baseline_year is None or y > baseline_year]
    if not later:
        return Judgement(Status.NO_DATA)
    year = max(y for y, _, _ in later)
    of_year = {q: v for y, q, v in later if y == year}
    if FULL_YEAR in of_year:
        actual, quarters, share = of_year[FULL_YEAR], 0, Decimal(1)
    else:
        actual, quarters = sum(of_year.values(), Decimal(0)), len(of_year)
        share = Decimal(quarters) / 4
    if year in targets:
        whole, compared_with = targets[year], f"the target for {year_label(year)}"
    elif baseline_value is not None:
        whole, compared_with = baseline_value, f"the baseline ({year_label(baseline_year)})"
    else:
        return Judgement(Status.NO_BASELINE, year=year, quarters=quarters, actual=actual)
    expected = Decimal(whole) * share
    if actual == expected:
        status = Status.SAME
    elif (actual < expected) == (direction == Indicator.Direction.DOWN):
        status = Status.BETTER
    else:
        status = Status.WORSE
    return Judgement(status, year, quarters, actual, expected, compared_with)


def judge_indicator(indicator: Indicator) -> Judgement:
    """The judgement from the values and targets already prefetched (with_figures)."""
    return judge(
        [(v.year, v.quarter, v.value) for v in indicator.values.all()],
        direction=indicator.good_direction,
        baseline_year=indicator.baseline_year,
        baseline_value=indicator.baseline_value,
        targets={t.year: t.value for t in indicator.targets.all()},
    )


def latest_value(indicator: Indicator) -> IndicatorValue | None:
    """The most recent figure: the latest year, and in it the full year or the latest quarter."""
    values = list(indicator.values.all())
    if not values:
        return None
    return max(values, key=lambda v: (v.year, 5 if v.quarter == FULL_YEAR else v.quarter))


# Reading what people type or what a spreadsheet holds.


class FigureRefused(ValueError):
    """A figure that cannot be saved, with the reason in words; `column` names what was wrong."""

    def __init__(self, message, *, column=""):
        super().__init__(message)
        self.column = column


def parse_value(raw) -> Decimal:
    """ "3,399", "3399", 3399.0 or " 12.5 " -> a Decimal; anything else is refused."""
    if isinstance(raw, bool):
        raise FigureRefused("Value must be a number", column="value")
    if isinstance(raw, int | float | Decimal):
        text = str(raw)
    else:
        text = str(raw if raw is not None else "").strip().replace(",", "")
    if not text:
        raise FigureRefused("Enter a value", column="value")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise FigureRefused(
            f"Value must be a number, like 3399 or 12.5 (it is “{raw}”)", column="value"
        ) from None
    if not value.is_finite():
        raise FigureRefused(f"Value must be a number, like 3399 or 12.5 (it is “{raw}”)", column="value")
    if value.as_tuple().exponent < -2 and value != value.quantize(Decimal("0.01")):
        raise FigureRefused("Value must have no more than 2 decimal places", column="value")
    if abs(value) > MAX_VALUE:
        raise FigureRefused("Value is too large", column="value")
    return value.quantize(Decimal("0.01"))


_YEAR = re.compile(r"^(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?$")


def parse_year(raw) -> int:
    """ "2022/23", "2022-23", "2022/2023" or 2022 -> 2022 (the year the financial year starts)."""
    text = str(raw if raw is not None else "").strip()
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    match = _YEAR.match(text)
    if not match:
        raise FigureRefused(f"Year must be a financial year like 2022/23 (it is “{text}”)", column="year")
    start = int(match.group(1))
    if match.group(2) and int(match.group(2)) % 100 != (start + 1) % 100:
        raise FigureRefused(f"Year “{text}” is not one financial year: write it like 2022/23", column="year")
    if not 1990 <= start <= 2100:
        raise FigureRefused(f"Year must be between 1990/91 and 2100/01 (it is “{text}”)", column="year")
    return start


_FULL_YEAR_WORDS = {"full year", "year", "fy", "annual", "all", "0", "ytd"}


def parse_quarter(raw) -> int:
    """ "Q1", "1", "quarter 1" -> 1; "Full year" -> 0."""
    text = str(raw if raw is not None else "").strip().lower()
    if isinstance(raw, float) and raw.is_integer():
        text = str(int(raw))
    if text in _FULL_YEAR_WORDS:
        return FULL_YEAR
    match = re.fullmatch(r"(?:q|quarter\s*)?([1-4])", text)
    if not match:
        raise FigureRefused(
            f"Quarter must be Q1, Q2, Q3, Q4 or Full year (it is “{raw if raw is not None else ''}”)",
            column="quarter",
        )
    return int(match.group(1))


# The write functions: one per officer action.


class AlreadyRecorded(FigureRefused):
    def __init__(self, existing: IndicatorValue):
        super().__init__(
            f"{existing.period} is already recorded ({number(existing.value)}). "
            "Choose to replace it if the new figure is a correction",
            column="quarter",
        )
        self.existing = existing


def record_value(
    indicator: Indicator, *, year: int, quarter: int, value, note: str = "", by, replace: bool = False
) -> IndicatorValue:
    """Save one figure. A figure already recorded for the quarter is refused unless the officer
    chose to replace it (a correction); the history keeps the old figure either way."""
    value = parse_value(value)
    if quarter not in IndicatorValue.Quarter.values:
        raise FigureRefused("Quarter must be Q1, Q2, Q3, Q4 or Full year", column="quarter")
    with transaction.atomic():
        existing = (
            IndicatorValue.objects.select_for_update()
            .filter(indicator=indicator, year=year, quarter=quarter)
            .first()
        )
        if existing is not None and not replace:
            raise AlreadyRecorded(existing)
        figure = existing or IndicatorValue(indicator=indicator, year=year, quarter=quarter)
        figure.value, figure.note, figure.recorded_by = value, note, by
        return save_as(figure, by)


INDICATOR_FIELDS = (
    "name",
    "definition",
    "unit",
    "good_direction",
    "source",
    "owner",
    "owner_organisation",
    "priority",
    "plan",
    "baseline_year",
    "baseline_value",
)


def create_indicator(partnership, *, by, **fields) -> Indicator:
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"Not an indicator field: {', '.join(sorted(unknown))}")
    return save_as(Indicator(partnership=partnership, **fields), by)


def update_indicator(indicator: Indicator, *, by, expected_revision: int, **changes) -> Indicator:
    """Save an edit, refused with StaleEdit if someone saved the indicator since it was opened."""
    with transaction.atomic():
        return save_if_current(
            Indicator.objects.all(),
            indicator.pk,
            by=by,
            counter="revision",
            expected=expected_revision,
            editable=INDICATOR_FIELDS,
            changes=changes,
        )


def set_target(indicator: Indicator, *, year: int, value, by) -> Target | None:
    """Set the year's target, or remove it when value is None."""
    with transaction.atomic():
        target = Target.objects.select_for_update().filter(indicator=indicator, year=year).first()
        if value is None:
            if target is not None:
                target._history_user = by
                target.delete()
            return None
        target = target or Target(indicator=indicator, year=year)
        target.value = parse_value(value)
        return save_as(target, by)
