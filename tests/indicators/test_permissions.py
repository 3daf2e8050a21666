"""Officers enter and import figures; clerks and councillors read; strangers and other
partnerships' officers do not even see the indicator (404), as partnership_for decides."""

from decimal import Decimal

import pytest
from django.urls import reverse

from indicators import figures
from indicators.models import Indicator, IndicatorValue
from partnerships.models import Role
from tests.conftest import _person, signed_in
from tests.indicators.helpers import csv_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def asb(dorset, officer):
    indicator = figures.create_indicator(
        dorset,
        by=officer,
        name="ASB reports",
        good_direction="down",
        baseline_year=2021,
        baseline_value=Decimal(100),
    )
    figures.record_value(indicator, year=2022, quarter=1, value=20, by=officer)
    return indicator


def edit_pages(dorset, asb):
    return [
        reverse("indicators:add", args=[dorset.slug]),
        reverse("indicators:import", args=[dorset.slug]),
        reverse("indicators:template", args=[dorset.slug]),
        reverse("indicators:edit", args=[asb.pk]),
        reverse("indicators:record_value", args=[asb.pk]),
        reverse("indicators:set_target", args=[asb.pk]),
    ]


def read_pages(dorset, asb):
    return [
        reverse("indicators:list", args=[dorset.slug]),
        reverse("indicators:indicator", args=[asb.pk]),
        reverse("indicators:history", args=[asb.pk]),
    ]


@pytest.mark.parametrize("persona", ["clerk", "councillor", "officer"])
def test_members_read_the_indicators(client, request, dorset, asb, persona):
    client = signed_in(client, request.getfixturevalue(persona))
    for url in read_pages(dorset, asb):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["clerk", "councillor"])
def test_clerks_and_councillors_may_not_edit(client, request, dorset, asb, persona):
    client = signed_in(client, request.getfixturevalue(persona))
    for url in edit_pages(dorset, asb):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(
            reverse("indicators:record_value", args=[asb.pk]), {"year": "2022/23", "quarter": 2, "value": "5"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("indicators:import", args=[dorset.slug]),
            {"file": csv_file("ASB reports,2022/23,Q2,5,\n")},
        ).status_code
        == 403
    )
    assert (
        client.post(reverse("indicators:confirm_import", args=[dorset.slug]), {"digest": "x"}).status_code
        == 403
    )
    assert IndicatorValue.objects.count() == 1


@pytest.mark.parametrize("persona", ["stranger", "bcp_officer"])
def test_strangers_and_other_partnerships_officers_get_not_found(client, request, dorset, asb, persona):
    client = signed_in(client, request.getfixturevalue(persona))
    for url in read_pages(dorset, asb) + edit_pages(dorset, asb):
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("indicators:record_value", args=[asb.pk]), {"year": "2022/23", "quarter": 2, "value": "5"}
    )
    assert response.status_code == 404
    assert IndicatorValue.objects.count() == 1


def test_signed_out_visitors_are_sent_to_sign_in(client, dorset, asb):
    response = client.get(reverse("indicators:list", args=[dorset.slug]))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_a_partnership_admin_may_edit(client, dorset, asb):
    admin = _person("padmin", dorset, Role.Kind.ADMIN)
    response = signed_in(client, admin).post(
        reverse("indicators:record_value", args=[asb.pk]), {"year": "2022/23", "quarter": 2, "value": "5"}
    )
    assert response.status_code == 302
    assert IndicatorValue.objects.count() == 2


def test_visible_to_lists_only_the_users_partnerships(dorset, bcp, asb, officer, bcp_officer):
    figures.create_indicator(bcp, by=bcp_officer, name="BCP only", good_direction="down")
    assert list(Indicator.objects.visible_to(officer)) == [asb]
    assert [i.name for i in Indicator.objects.visible_to(bcp_officer)] == ["BCP only"]
