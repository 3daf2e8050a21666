"""The scale generator asks for each generated partnership's annual pack, and a worker can
build one from national-scale data."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from partnerships import scale
from partnerships.models import Partnership
from scrutiny import building
from scrutiny.models import Pack

pytestmark = pytest.mark.django_db


def test_each_generated_partnership_has_a_queued_pack_that_builds(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command(
        "generate_scale", seed=4, today=date(2026, 6, 1), partnerships=3, users=30, stdout=StringIO()
    )
    generated = Partnership.objects.filter(slug__startswith="csp-")
    packs = Pack.objects.filter(partnership__in=generated)
    assert packs.count() == generated.count() == 3
    assert set(packs.values_list("state", "period_starts_on", "period_ends_on")) == {
        (Pack.State.QUEUED, date(2025, 4, 1), date(2026, 3, 31))
    }
    for pack in packs.select_related("council", "partnership"):
        assert pack.council in pack.partnership.councils.all()
        assert pack.committee

    built = building.build(packs.first().pk, today=date(2026, 6, 1))
    assert built.has_files and built.pages >= 1 and len(built.pdf_sha256) == 64

    scale.remove()
    assert not Pack.objects.exists()
