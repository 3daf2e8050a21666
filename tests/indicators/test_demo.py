"""BCP's indicators as seed 001 prints them (BCP annual report to scrutiny, 12 December 2022)."""

from datetime import date
from decimal import Decimal

import pytest

from indicators import demo
from indicators.figures import Status, judge_indicator
from indicators.models import Indicator, IndicatorValue
from partnerships import demo as partnerships_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    loaded = partnerships_demo.load()
    demo.load(**loaded, today=date(2026, 11, 24))
    return loaded


def figure(name, year, quarter):
    return IndicatorValue.objects.get(indicator__name=name, year=year, quarter=quarter).value


def test_total_asb_reports_has_the_2021_22_baseline_and_two_quarters(loaded):
    indicator = Indicator.objects.get(name="The total number of ASB reports to the police")
    assert (indicator.baseline_label, indicator.baseline_value) == ("2021/22", Decimal(12440))
    assert indicator.source == "Standard CSP data set"
    assert figure(indicator.name, 2022, 1) == 3399
    assert figure(indicator.name, 2022, 2) == 3310


def test_personal_asb_has_its_baseline_and_quarters(loaded):
    indicator = Indicator.objects.get(name="Increase in the reporting of personal ASB to the police")
    assert indicator.baseline_value == 1672
    assert [v.value for v in indicator.values.order_by("quarter")] == [416, 394]


def test_domestic_abuse_has_last_years_quarters_and_this_years(loaded):
    name = "Domestic Abuse – Violent Crimes"
    assert Indicator.objects.get(name=name).baseline_value == 4708
    assert [figure(name, 2021, q) for q in (1, 2, 3, 4)] == [1353, 1241, 1106, 1008]
    assert [figure(name, 2022, q) for q in (1, 2)] == [1104, 964]
    incidents = "Domestic Abuse - Incidents"
    assert Indicator.objects.get(name=incidents).baseline_value == 6554
    assert [figure(incidents, 2021, q) for q in (1, 2, 3, 4)] == [1786, 1759, 1619, 1390]
    assert [figure(incidents, 2022, q) for q in (1, 2)] == [1439, 1365]


def test_police_recorded_asb_has_four_full_years(loaded):
    assert [figure("Police recorded ASB – Total", y, 0) for y in (2018, 2019, 2020, 2021)] == [
        15228,
        13014,
        17371,
        12438,
    ]
    assert figure("Police recorded ASB – Nuisance", 2020, 0) == 13010


def test_the_demo_indicators_belong_to_bcp_only(loaded):
    assert set(Indicator.objects.values_list("partnership__slug", flat=True)) == {"bcp"}
    assert Indicator.objects.count() == 8


def test_domestic_abuse_is_better_than_its_baseline_so_far(loaded):
    indicator = Indicator.objects.with_figures().get(name="Domestic Abuse – Violent Crimes")
    # 1,104 + 964 = 2,068 against half of 4,708 = 2,354.
    assert judge_indicator(indicator).status == Status.BETTER


def test_loading_twice_changes_nothing(loaded):
    before = (Indicator.objects.count(), IndicatorValue.objects.count(), IndicatorValue.history.count())
    demo.load(**loaded, today=date(2026, 11, 24))
    assert (
        Indicator.objects.count(),
        IndicatorValue.objects.count(),
        IndicatorValue.history.count(),
    ) == before
