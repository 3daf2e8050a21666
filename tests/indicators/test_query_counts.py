"""The indicator list and page cost the same number of queries with 1 indicator or 30, and
with 2 figures each or 40: status, latest figure and chart come from what with_figures()
prefetched."""

from decimal import Decimal

import pytest
from django.urls import reverse

from indicators.models import Indicator, IndicatorValue, Target
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

LIST_QUERIES = 7
PAGE_QUERIES = 7


def add_indicators(partnership, count, *, figures_each, start=0):
    indicators = Indicator.objects.bulk_create(
        Indicator(
            partnership=partnership,
            name=f"Indicator {start + n:03}",
            baseline_year=2010,
            baseline_value=Decimal(400),
        )
        for n in range(count)
    )
    IndicatorValue.objects.bulk_create(
        IndicatorValue(indicator=i, year=2011 + n // 4, quarter=n % 4 + 1, value=Decimal(100 + n))
        for i in indicators
        for n in range(figures_each)
    )
    Target.objects.bulk_create(Target(indicator=i, year=2011, value=Decimal(390)) for i in indicators)
    return indicators


def test_the_list_costs_the_same_with_many_indicators_and_figures(
    client, dorset, councillor, django_assert_num_queries
):
    url = reverse("indicators:list", args=[dorset.slug])
    client = signed_in(client, councillor)
    add_indicators(dorset, 1, figures_each=2)
    with django_assert_num_queries(LIST_QUERIES):
        assert client.get(url).status_code == 200
    add_indicators(dorset, 29, figures_each=40, start=1)
    with django_assert_num_queries(LIST_QUERIES):
        response = client.get(url)
    assert len(response.context["rows"]) == 30


def test_the_indicator_page_costs_the_same_with_many_figures(
    client, dorset, councillor, django_assert_num_queries
):
    few, many = add_indicators(dorset, 1, figures_each=2) + add_indicators(
        dorset, 1, figures_each=40, start=1
    )
    client = signed_in(client, councillor)
    with django_assert_num_queries(PAGE_QUERIES):
        client.get(reverse("indicators:indicator", args=[few.pk]))
    with django_assert_num_queries(PAGE_QUERIES):
        client.get(reverse("indicators:indicator", args=[many.pk]))
