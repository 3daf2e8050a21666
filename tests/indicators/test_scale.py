"""The benchmark generator, at a small size."""

from datetime import date

import pytest

from indicators import scale
from indicators.models import Indicator, IndicatorValue
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 24)


def test_generate_writes_eight_indicators_of_eight_quarters_per_partnership():
    partnerships = PartnershipFactory.create_batch(3)
    counts = scale.generate(seed=1, today=TODAY, partnerships=partnerships)
    assert counts == {"indicators": 24, "indicator values": 192}
    assert set(IndicatorValue.objects.values_list("year", flat=True)) == {2024, 2025}
    assert set(Indicator.objects.values_list("baseline_year", flat=True)) == {2023}


def test_the_same_seed_gives_the_same_figures():
    partnerships = PartnershipFactory.create_batch(2)
    scale.generate(seed=7, today=TODAY, partnerships=partnerships)
    first = list(
        IndicatorValue.objects.order_by(
            "indicator__partnership", "indicator__name", "year", "quarter"
        ).values_list("value", flat=True)
    )
    scale.remove(partnerships)
    scale.generate(seed=7, today=TODAY, partnerships=partnerships)
    again = list(
        IndicatorValue.objects.order_by(
            "indicator__partnership", "indicator__name", "year", "quarter"
        ).values_list("value", flat=True)
    )
    assert first == again


def test_remove_deletes_only_the_partnerships_given(dorset):
    generated = PartnershipFactory.create_batch(2)
    scale.generate(seed=1, today=TODAY, partnerships=[*generated, dorset])
    scale.remove(generated)
    assert set(Indicator.objects.values_list("partnership", flat=True)) == {dorset.pk}
    assert IndicatorValue.objects.count() == 64
    assert not Indicator.history.exists()
