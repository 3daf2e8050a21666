"""The pages: the list, the indicator with its chart and table, the forms, the history."""

from decimal import Decimal

import pytest
from django.urls import reverse

from indicators import figures
from indicators.models import Indicator, IndicatorValue
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def asb(dorset, officer):
    indicator = figures.create_indicator(
        dorset,
        by=officer,
        name="The total number of ASB reports to the police",
        good_direction="down",
        source="Standard CSP data set",
        baseline_year=2021,
        baseline_value=Decimal(12440),
    )
    figures.record_value(indicator, year=2022, quarter=1, value=3399, by=officer)
    figures.record_value(indicator, year=2022, quarter=2, value=3310, by=officer)
    return indicator


def test_the_list_shows_latest_figure_baseline_and_status(client, dorset, councillor, asb):
    response = signed_in(client, councillor).get(reverse("indicators:list", args=[dorset.slug]))
    html = response.content.decode()
    assert "3,310" in html and "2022/23 Q2" in html
    assert "12,440" in html and "2021/22" in html
    assert "Worse" in html
    assert "Import figures" not in html


def test_the_indicator_page_has_an_accessible_chart_and_its_table(client, councillor, asb):
    html = signed_in(client, councillor).get(reverse("indicators:indicator", args=[asb.pk])).content.decode()
    assert 'role="img"' in html
    assert "<title id=" in html and "<desc id=" in html
    assert "Latest: 2022/23 Q2, 3,310." in html
    assert "Baseline 2021/22 ÷ 4" in html
    assert '<table class="govuk-table' in html and ">3,399<" in html


def test_an_officer_records_a_figure(client, officer, asb):
    response = signed_in(client, officer).post(
        reverse("indicators:record_value", args=[asb.pk]),
        {"year": "2022/23", "quarter": "3", "value": "3,001"},
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.get(quarter=3).value == Decimal(3001)


def test_recording_a_quarter_twice_shows_the_error_on_the_quarter(client, officer, asb):
    response = signed_in(client, officer).post(
        reverse("indicators:record_value", args=[asb.pk]), {"year": "2022/23", "quarter": "1", "value": "1"}
    )
    assert response.status_code == 200
    assert "already recorded (3,399)" in response.context["form"].errors["quarter"][0]
    assert response.content.decode().count("Error:") >= 1


def test_a_value_that_is_not_a_number_is_refused_on_the_form(client, officer, asb):
    response = signed_in(client, officer).post(
        reverse("indicators:record_value", args=[asb.pk]),
        {"year": "2022/23", "quarter": "3", "value": "lots"},
    )
    assert "Value must be a number" in response.context["form"].errors["value"][0]


def test_an_officer_adds_an_indicator(client, dorset, officer):
    response = signed_in(client, officer).post(
        reverse("indicators:add", args=[dorset.slug]),
        {
            "name": "Knife crime",
            "good_direction": "down",
            "baseline_year": "2021/22",
            "baseline_value": "300",
        },
    )
    assert response.status_code == 302
    indicator = Indicator.objects.get()
    assert (indicator.baseline_year, indicator.baseline_value) == (2021, Decimal(300))


def test_a_baseline_needs_its_year(client, dorset, officer):
    response = signed_in(client, officer).post(
        reverse("indicators:add", args=[dorset.slug]),
        {"name": "Knife crime", "good_direction": "down", "baseline_value": "300"},
    )
    assert response.context["form"].errors["baseline_year"]


def test_an_officer_changes_an_indicator(client, officer, asb):
    url = reverse("indicators:edit", args=[asb.pk])
    client = signed_in(client, officer)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": asb.name,
            "good_direction": "up",
            "baseline_year": "2021/22",
            "baseline_value": "12440",
            "revision": 1,
        },
    )
    assert response.status_code == 302
    asb.refresh_from_db()
    assert (asb.good_direction, asb.revision) == ("up", 2)


def test_a_stale_change_is_refused_with_what_changed(client, officer, asb):
    figures.update_indicator(asb, by=officer, expected_revision=1, unit="reports")
    response = signed_in(client, officer).post(
        reverse("indicators:edit", args=[asb.pk]),
        {
            "name": "Renamed",
            "good_direction": "down",
            "baseline_year": "2021/22",
            "baseline_value": "12440",
            "revision": 1,
        },
    )
    assert response.status_code == 200
    assert response.context["stale"]
    asb.refresh_from_db()
    assert asb.name != "Renamed"


def test_an_officer_sets_a_target(client, officer, asb):
    response = signed_in(client, officer).post(
        reverse("indicators:set_target", args=[asb.pk]), {"year": "2022/23", "value": "12000"}
    )
    assert response.status_code == 302
    assert asb.targets.get().value == Decimal(12000)


def test_the_history_shows_who_recorded_and_replaced_each_figure(client, officer, councillor, asb):
    figures.record_value(asb, year=2022, quarter=2, value=3311, by=officer, replace=True)
    html = signed_in(client, councillor).get(reverse("indicators:history", args=[asb.pk])).content.decode()
    assert "Figure for 2022/23 Q2" in html
    assert "3310.00" in html and "3311.00" in html
    assert "Alex Morgan" in html
    assert "Indicator: The total number of ASB reports to the police" in html


def test_the_template_lists_the_partnerships_indicators(client, dorset, officer, asb):
    response = signed_in(client, officer).get(reverse("indicators:template", args=[dorset.slug]))
    assert response.content.decode().splitlines()[:2] == [
        "indicator,year,quarter,value,note",
        "The total number of ASB reports to the police,,,,",
    ]
