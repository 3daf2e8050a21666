"""Importing a file of figures: the dry run shows each row's result, a wrong row refuses the
whole file with nothing saved, and confirming saves every row at once."""

from decimal import Decimal

import pytest
from django.urls import reverse

from indicators import figures
from indicators.models import Indicator, IndicatorValue
from tests.conftest import signed_in
from tests.indicators.helpers import csv_file, xlsx_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def asb(dorset, officer):
    return figures.create_indicator(
        dorset,
        by=officer,
        name="The total number of ASB reports to the police",
        good_direction=Indicator.Direction.DOWN,
        baseline_year=2021,
        baseline_value=Decimal(12440),
    )


@pytest.fixture
def personal(dorset, officer):
    return figures.create_indicator(
        dorset, by=officer, name="Personal ASB", good_direction=Indicator.Direction.UP
    )


def upload(client, dorset, file, **extra):
    return client.post(reverse("indicators:import", args=[dorset.slug]), {"file": file, **extra})


def confirm(client, dorset, response):
    return client.post(
        reverse("indicators:confirm_import", args=[dorset.slug]),
        {"digest": response.context["preview"].digest},
    )


def test_the_dry_run_shows_each_row_and_saves_nothing(client, dorset, officer, asb, personal):
    response = upload(
        signed_in(client, officer),
        dorset,
        csv_file(
            'The total number of ASB reports to the police,2022/23,Q1,"3,399",\n'
            "personal asb,2022/23,Q1,416,from the police\n"
        ),
    )
    assert response.status_code == 200
    preview = response.context["preview"]
    assert preview.ok
    assert [(r.number, r.action, r.amount) for r in preview.rows] == [
        (2, "add", "3399.00"),
        (3, "add", "416.00"),
    ]
    assert b"Will add" in response.content
    assert not IndicatorValue.objects.exists()


def test_confirming_saves_every_row(client, dorset, officer, asb, personal):
    client = signed_in(client, officer)
    response = upload(
        client,
        dorset,
        csv_file(
            "The total number of ASB reports to the police,2022/23,Q1,3399,\nPersonal ASB,2022,1,416,\n"
        ),
    )
    saved = confirm(client, dorset, response)
    assert saved.status_code == 302
    assert sorted(IndicatorValue.objects.values_list("value", flat=True)) == [Decimal(416), Decimal(3399)]
    assert all(v.history.get().history_user == officer for v in IndicatorValue.objects.all())


def test_an_excel_file_is_read_like_a_csv(client, dorset, officer, asb):
    client = signed_in(client, officer)
    response = upload(
        client,
        dorset,
        xlsx_file([["Indicator", "Year", "Quarter", "Value"], [asb.name, "2022/23", "Q2", 3310]]),
    )
    assert response.context["preview"].ok
    confirm(client, dorset, response)
    figure = IndicatorValue.objects.get()
    assert (figure.year, figure.quarter, figure.value) == (2022, 2, Decimal(3310))


def refused(response):
    preview = response.context["preview"]
    assert not preview.ok
    assert response.context["request"].session.get("indicators_pending_import") is None
    assert not IndicatorValue.objects.exclude(note="already there").exists()
    return {(row.number, column): why for row in preview.rows for column, why in row.errors}


def test_a_value_that_is_not_a_number_refuses_the_whole_file(client, dorset, officer, asb):
    response = upload(
        signed_in(client, officer),
        dorset,
        csv_file(f"{asb.name},2022/23,Q1,3399,\n{asb.name},2022/23,Q2,about 3000,\n"),
    )
    errors = refused(response)
    assert list(errors) == [(3, "value")]
    assert "Value must be a number" in errors[(3, "value")]
    assert b"Row 3, column value" in response.content


def test_an_unknown_indicator_refuses_the_whole_file(client, dorset, officer, asb):
    errors = refused(upload(signed_in(client, officer), dorset, csv_file("Burglaries,2022/23,Q1,5,\n")))
    assert "“Burglaries” is not one of" in errors[(2, "indicator")]


def test_another_partnerships_indicator_is_unknown(client, dorset, bcp, officer, bcp_officer):
    other = figures.create_indicator(bcp, by=bcp_officer, name="BCP only", good_direction="down")
    errors = refused(upload(signed_in(client, officer), dorset, csv_file(f"{other.name},2022/23,Q1,5,\n")))
    assert (2, "indicator") in errors


def test_the_same_quarter_twice_in_the_file_is_refused(client, dorset, officer, asb):
    errors = refused(
        upload(
            signed_in(client, officer),
            dorset,
            csv_file(f"{asb.name},2022/23,Q1,1,\n{asb.name},2022-23,1,2,\n"),
        )
    )
    assert errors == {(3, "quarter"): "2022/23 Q1 for this indicator is also in row 2 of the file"}


def test_a_quarter_already_recorded_is_refused_unless_replacing(client, dorset, officer, asb):
    figures.record_value(asb, year=2022, quarter=1, value=3000, note="already there", by=officer)
    client = signed_in(client, officer)
    errors = refused(upload(client, dorset, csv_file(f"{asb.name},2022/23,Q1,3399,\n")))
    assert "already recorded (3,000)" in errors[(2, "quarter")]

    response = upload(client, dorset, csv_file(f"{asb.name},2022/23,Q1,3399,\n"), replace="on")
    assert [row.action for row in response.context["preview"].rows] == ["replace"]
    assert b"Will replace" in response.content
    confirm(client, dorset, response)
    assert IndicatorValue.objects.get().value == Decimal(3399)


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (csv_file("x,2022/23,Q1,1\n", header="indicator,year,value\n"), "missing the column quarter"),
        (csv_file("", header="name,when\n"), "missing the columns indicator, year, quarter, value"),
        (csv_file("", header="indicator,year,quarter,value\n"), "no figures"),
    ],
)
def test_a_file_without_the_columns_or_rows_is_refused(client, dorset, officer, asb, file, message):
    response = upload(signed_in(client, officer), dorset, file)
    assert response.status_code == 200
    assert message in response.context["form"].errors["file"][0]
    assert not IndicatorValue.objects.exists()


def test_a_file_of_the_wrong_type_is_refused_by_its_content(client, dorset, officer, asb):
    pdf = csv_file("", header="%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", name="figures.csv")
    response = upload(signed_in(client, officer), dorset, pdf)
    assert "must be a CSV or Excel (.xlsx) file" in response.context["form"].errors["file"][0]


def test_a_text_file_not_named_csv_is_refused(client, dorset, officer, asb):
    response = upload(
        signed_in(client, officer), dorset, csv_file(f"{asb.name},2022/23,Q1,1,\n", name="figures.txt")
    )
    assert response.context["form"].errors["file"]


def test_an_oversized_file_is_refused(client, dorset, officer, asb, settings):
    settings.EVIDENCE_MAX_BYTES = 50
    response = upload(signed_in(client, officer), dorset, csv_file(f"{asb.name},2022/23,Q1,1,\n" * 5))
    assert "must be smaller than" in response.context["form"].errors["file"][0]


def test_a_figure_recorded_between_dry_run_and_confirmation_refuses_the_file(client, dorset, officer, asb):
    client = signed_in(client, officer)
    response = upload(client, dorset, csv_file(f"{asb.name},2022/23,Q1,3399,\n"))
    figures.record_value(asb, year=2022, quarter=1, value=3000, note="already there", by=officer)
    refusal = confirm(client, dorset, response)
    assert refusal.status_code == 200
    assert refusal.context["changed_since"]
    assert IndicatorValue.objects.get().value == Decimal(3000)


def test_confirming_another_files_digest_saves_nothing(client, dorset, officer, asb):
    client = signed_in(client, officer)
    upload(client, dorset, csv_file(f"{asb.name},2022/23,Q1,3399,\n"))
    response = client.post(reverse("indicators:confirm_import", args=[dorset.slug]), {"digest": "0" * 64})
    assert response.status_code == 302
    assert not IndicatorValue.objects.exists()


def test_a_failure_part_way_through_saving_leaves_nothing_saved(
    client, dorset, officer, asb, personal, monkeypatch
):
    """The edge here is the database refusing a row: every row before it is rolled back."""
    client = signed_in(client, officer)
    response = upload(client, dorset, csv_file(f"{asb.name},2022/23,Q1,1,\n{personal.name},2022/23,Q1,2,\n"))
    from django.db import IntegrityError

    from indicators import importing

    calls = []

    def fail_on_second(record, by):
        calls.append(record)
        if len(calls) == 2:
            raise IntegrityError("disk full")
        record._history_user = by
        record.save()
        return record

    monkeypatch.setattr(importing, "save_as", fail_on_second)
    with pytest.raises(IntegrityError):
        confirm(client, dorset, response)
    assert not IndicatorValue.objects.exists()
