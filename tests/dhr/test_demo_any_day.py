"""The demo reviews keep the seeds' counts whatever day the demo is loaded. Apart from
test_demo.py because each load here starts from an empty database, with its own day."""

from datetime import date

import pytest

from dhr import demo as dhr_demo
from dhr.models import DhrCase, StageRecord
from plans.demo import DORSET_CSP_EARLY_2023
from tests.dhr.test_demo import BCP_2022, DORSET_2019, DORSET_2023, grouped, load

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("today", [date(2026, 11, 24), date(2031, 1, 15)])
def test_the_seeds_counts_hold_whatever_day_the_demo_is_loaded(today):
    created = load(today)

    assert len(created) == DhrCase.objects.count() > 20
    assert grouped("dorset", dhr_demo.DORSET_2019_REPORT) == DORSET_2019
    assert grouped("dorset", DORSET_CSP_EARLY_2023) == DORSET_2023
    assert grouped("bcp", dhr_demo.BCP_2022_REPORT) == BCP_2022
    assert not StageRecord.objects.filter(reached_on__gt=today).exists()
