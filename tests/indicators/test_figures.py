"""The status rules at their boundaries, reading figures, and the write functions."""

from decimal import Decimal

import pytest

from indicators import figures
from indicators.figures import FigureRefused, Status, judge
from indicators.models import Indicator, IndicatorValue, Target

DOWN, UP = Indicator.Direction.DOWN, Indicator.Direction.UP
D = Decimal


def test_no_figures_is_no_data():
    assert judge([], direction=DOWN, baseline_year=2021, baseline_value=D(100)).status == Status.NO_DATA


def test_figures_of_the_baseline_year_alone_are_no_data():
    values = [(2021, 1, D(30))]
    assert judge(values, direction=DOWN, baseline_year=2021, baseline_value=D(100)).status == Status.NO_DATA


def test_figures_without_baseline_or_target_have_nothing_to_compare_with():
    assert judge([(2022, 0, D(5))], direction=DOWN).status == Status.NO_BASELINE


@pytest.mark.parametrize(
    ("q1", "direction", "expected"),
    [
        (D("24.99"), DOWN, Status.BETTER),
        (D(25), DOWN, Status.SAME),
        (D("25.01"), DOWN, Status.WORSE),
        (D("24.99"), UP, Status.WORSE),
        (D(25), UP, Status.SAME),
        (D("25.01"), UP, Status.BETTER),
    ],
)
def test_one_quarter_is_judged_against_a_quarter_of_the_baseline(q1, direction, expected):
    judgement = judge([(2022, 1, q1)], direction=direction, baseline_year=2021, baseline_value=D(100))
    assert judgement.status == expected
    assert judgement.expected == D(25)


def test_two_quarters_are_judged_against_half_the_baseline():
    # Seed 001: total ASB reports 3,399 + 3,310 = 6,709 against half of 12,440 = 6,220.
    judgement = judge(
        [(2022, 1, D(3399)), (2022, 2, D(3310))], direction=DOWN, baseline_year=2021, baseline_value=D(12440)
    )
    assert (judgement.status, judgement.actual, judgement.expected) == (Status.WORSE, D(6709), D(6220))
    assert "2022/23 so far (2 quarters): 6,709, against 6,220" in judgement.explanation


def test_only_the_latest_year_counts():
    values = [(2022, 1, D(1000)), (2023, 1, D(10))]
    judgement = judge(values, direction=DOWN, baseline_year=2021, baseline_value=D(100))
    assert (judgement.year, judgement.status) == (2023, Status.BETTER)


def test_a_full_year_figure_wins_over_its_quarters():
    values = [(2022, 1, D(1)), (2022, 0, D(101))]
    judgement = judge(values, direction=DOWN, baseline_year=2021, baseline_value=D(100))
    assert (judgement.status, judgement.quarters) == (Status.WORSE, 0)


def test_the_years_target_is_used_before_the_baseline():
    values = [(2022, 0, D(90))]
    judgement = judge(
        values, direction=DOWN, baseline_year=2021, baseline_value=D(100), targets={2022: D(80)}
    )
    assert judgement.status == Status.WORSE
    assert judgement.compared_with == "the target for 2022/23"


def test_a_target_alone_is_enough_to_judge():
    assert judge([(2022, 0, D(70))], direction=DOWN, targets={2022: D(80)}).status == Status.BETTER


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3,399", D("3399.00")),
        (" 12.5 ", D("12.50")),
        (3399, D("3399.00")),
        (3399.0, D("3399.00")),
        ("-4", D("-4.00")),
    ],
)
def test_values_are_read_as_people_write_them(raw, expected):
    assert figures.parse_value(raw) == expected


@pytest.mark.parametrize("raw", ["", "n/a", "12a", "NaN", "Infinity", "1.234", True, None])
def test_values_that_are_not_numbers_are_refused(raw):
    with pytest.raises(FigureRefused):
        figures.parse_value(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2022/23", 2022), ("2022-23", 2022), ("2022/2023", 2022), ("2022", 2022), (2022.0, 2022)],
)
def test_financial_years_are_read_in_any_usual_spelling(raw, expected):
    assert figures.parse_year(raw) == expected


@pytest.mark.parametrize("raw", ["2022/24", "22/23", "next year", ""])
def test_a_year_that_is_not_one_financial_year_is_refused(raw):
    with pytest.raises(FigureRefused):
        figures.parse_year(raw)


@pytest.mark.parametrize(
    ("raw", "expected"), [("Q1", 1), ("q4", 4), ("2", 2), ("Quarter 3", 3), ("Full year", 0)]
)
def test_quarters_are_read_in_any_usual_spelling(raw, expected):
    assert figures.parse_quarter(raw) == expected


@pytest.mark.parametrize("raw", ["Q5", "Q0", "spring", ""])
def test_a_quarter_that_does_not_exist_is_refused(raw):
    with pytest.raises(FigureRefused):
        figures.parse_quarter(raw)


@pytest.fixture
def indicator(dorset, officer):
    return figures.create_indicator(
        dorset, by=officer, name="ASB reports", good_direction=DOWN, baseline_year=2021, baseline_value=D(100)
    )


def test_recording_a_figure_saves_it_with_who_recorded_it(indicator, officer):
    figure = figures.record_value(indicator, year=2022, quarter=1, value="3,399", by=officer)
    assert figure.value == D(3399)
    record = figure.history.get()
    assert (record.history_type, record.history_user) == ("+", officer)


def test_a_second_figure_for_the_same_quarter_is_refused(indicator, officer):
    figures.record_value(indicator, year=2022, quarter=1, value=10, by=officer)
    with pytest.raises(figures.AlreadyRecorded):
        figures.record_value(indicator, year=2022, quarter=1, value=11, by=officer)
    assert IndicatorValue.objects.get().value == D(10)


def test_replacing_a_figure_keeps_the_old_one_in_its_history(indicator, officer, clerk):
    figures.record_value(indicator, year=2022, quarter=1, value=10, by=officer)
    figures.record_value(indicator, year=2022, quarter=1, value=11, by=officer, replace=True)
    figure = IndicatorValue.objects.get()
    assert figure.value == D(11)
    assert [r.value for r in figure.history.order_by("history_id")] == [D(10), D(11)]


def test_a_figure_that_is_not_a_number_is_refused_and_nothing_saved(indicator, officer):
    with pytest.raises(FigureRefused):
        figures.record_value(indicator, year=2022, quarter=1, value="lots", by=officer)
    assert not IndicatorValue.objects.exists()


def test_creating_an_indicator_records_who_created_it(indicator, officer):
    assert indicator.history.get().history_user == officer


def test_a_stale_edit_of_an_indicator_is_refused(indicator, officer):
    from csp_tracker.audit import StaleEdit

    figures.update_indicator(indicator, by=officer, expected_revision=1, name="ASB reports (police)")
    with pytest.raises(StaleEdit):
        figures.update_indicator(indicator, by=officer, expected_revision=1, name="Something else")
    indicator.refresh_from_db()
    assert (indicator.name, indicator.revision) == ("ASB reports (police)", 2)


def test_setting_and_removing_a_target(indicator, officer):
    figures.set_target(indicator, year=2023, value="90", by=officer)
    assert Target.objects.get().value == D(90)
    figures.set_target(indicator, year=2023, value=None, by=officer)
    assert not Target.objects.exists()
    assert Target.history.filter(history_type="-", history_user=officer).exists()
