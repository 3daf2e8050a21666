"""Changing a version: the EqIA signed off, the date it was published; two officers at once."""

import re
from datetime import date

import pytest
from django.urls import reverse

from partnerships.models import Role
from plans.models import PlanVersion
from tests.conftest import _person, signed_in
from tests.factories import CouncilFactory, plan_with_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def version(dorset):
    dorset.councils.add(CouncilFactory(name="Dorset Council", slug="dorset-council"))
    return plan_with_version(
        dorset, title="Community Safety Plan 2023-2026", starts_on=date(2023, 4, 1), ends_on=date(2026, 3, 31)
    )


def dates(name, day):
    return {
        f"{name}_0": day.day if day else "",
        f"{name}_1": day.month if day else "",
        f"{name}_2": day.year if day else "",
    }


def form_data(version, **changes):
    data = {
        "title": version.title,
        **dates("starts_on", version.starts_on),
        **dates("ends_on", version.ends_on),
        "refresh_year": version.refresh_year,
        "eqia": version.eqia,
        **dates("eqia_on", version.eqia_on),
        "eqia_note": version.eqia_note,
        **dates("published_on", version.published_on),
        "document_link": version.document_link,
        "revision": version.revision,
    }
    data.update(changes)
    return data


def url(version):
    return reverse("plans:edit_version", args=[version.pk])


def test_officer_records_the_eqia_signed_off_and_it_is_audited(client, officer, version):
    signed_in(client, officer)
    response = client.post(
        url(version), form_data(version, eqia="signed_off", **dates("eqia_on", date(2024, 6, 28)))
    )
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.eqia == "signed_off" and version.eqia_on == date(2024, 6, 28) and version.revision == 2
    assert version.history.latest().history_user == officer
    history = client.get(reverse("plans:version_history", args=[version.pk])).content.decode()
    assert "Signed off" in history and "Not started" in history


def test_period_ending_before_it_starts_is_refused(client, officer, version):
    signed_in(client, officer)
    response = client.post(url(version), form_data(version, **dates("ends_on", date(2023, 3, 31))))
    assert "Period ends must be after period starts" in response.content.decode()
    version.refresh_from_db()
    assert version.ends_on == date(2026, 3, 31) and version.revision == 1


def test_second_of_two_simultaneous_changes_is_refused_and_shows_what_changed(
    client, officer, dorset, version
):
    colleague = _person("colleague", dorset, Role.Kind.OFFICER, first_name="Rob", last_name="Ellis")
    opened = form_data(version)
    signed_in(client, colleague)
    assert client.post(url(version), {**opened, "eqia": "in_progress"}).status_code == 302

    signed_in(client, officer)
    second = client.post(url(version), {**opened, "eqia_note": "Screened in February"})
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else changed this version after you opened it" in page
    assert "What they changed" in page and "In progress" in page
    assert "Screened in February" in page, "what the second officer typed is kept"
    assert re.search(r'name="revision"\s+value="2"', page), (
        "the form now compares against the current revision"
    )
    version.refresh_from_db()
    assert version.eqia == "in_progress" and version.eqia_note == "" and version.revision == 2

    # The refused form now carries the current revision, so saving again is accepted.
    again = client.post(
        url(version), {**opened, "eqia": "in_progress", "eqia_note": "Screened in February", "revision": 2}
    )
    assert again.status_code == 302
    assert PlanVersion.objects.get(pk=version.pk).eqia_note == "Screened in February"


def test_councillor_and_other_partnerships_cannot_change_a_version(client, councillor, bcp_officer, version):
    signed_in(client, councillor)
    assert client.get(url(version)).status_code == 403
    assert client.post(url(version), form_data(version, eqia="signed_off")).status_code == 403
    signed_in(client, bcp_officer)
    assert client.post(url(version), form_data(version, eqia="signed_off")).status_code == 404
    version.refresh_from_db()
    assert version.eqia == "not_started"
