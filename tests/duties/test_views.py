from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from duties.models import RegisterEntry
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def edit_url(entry):
    return reverse("duties:edit", args=[entry.partnership.slug, entry.duty.code])


def form_data(entry, **overrides):
    data = {
        "status": entry.status,
        "implementation": entry.implementation,
        "owner": "",
        "delivered_by": "",
        "next_due_on_0": "",
        "next_due_on_1": "",
        "next_due_on_2": "",
        "last_completed_on_0": "",
        "last_completed_on_1": "",
        "last_completed_on_2": "",
        "version": entry.version,
    }
    data.update(overrides)
    return data


def test_officer_updates_a_duty_and_sees_it_in_its_history(client, officer, entry):
    signed_in(client, officer)
    response = client.post(
        edit_url(entry),
        form_data(
            entry,
            status="at_risk",
            implementation="PSA to be agreed at the March meeting",
            next_due_on_0="31",
            next_due_on_1="3",
            next_due_on_2="2027",
        ),
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "at_risk"
    assert entry.next_due_on.isoformat() == "2027-03-31"
    assert entry.version == 2

    history = client.get(reverse("duties:history", args=["dorset", entry.duty.code]))
    page = history.content.decode()
    assert "By Alex Morgan" in page
    assert "On track" in page and "At risk" in page
    assert "31 March 2027" in page


def test_dates_out_of_order_are_refused_with_a_clear_message(client, officer, entry):
    signed_in(client, officer)
    response = client.post(
        edit_url(entry),
        form_data(
            entry,
            next_due_on_0="1",
            next_due_on_1="4",
            next_due_on_2="2026",
            last_completed_on_0="1",
            last_completed_on_1="5",
            last_completed_on_2="2026",
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Next due must be after the date the duty was last completed" in page
    assert "<title>Error: " in page
    assert 'class="govuk-error-summary"' in page
    entry.refresh_from_db()
    assert entry.next_due_on is None and entry.version == 1


def test_missing_status_is_refused(client, officer, entry):
    signed_in(client, officer)
    response = client.post(edit_url(entry), form_data(entry, status=""))
    assert "Select the duty&#x27;s status" in response.content.decode()
    entry.refresh_from_db()
    assert entry.version == 1


def test_impossible_date_is_refused(client, officer, entry):
    signed_in(client, officer)
    response = client.post(
        edit_url(entry), form_data(entry, next_due_on_0="31", next_due_on_1="2", next_due_on_2="2027")
    )
    assert response.status_code == 200
    assert "Next due must be a real date" in response.content.decode()


def test_second_of_two_simultaneous_edits_is_refused_and_shows_what_changed(client, officer, entry, dorset):
    from partnerships.models import Role
    from tests.conftest import _person

    colleague = _person("colleague", dorset, Role.Kind.OFFICER, first_name="Rob", last_name="Ellis")
    opened = form_data(entry)  # both open the form at version 1

    signed_in(client, colleague)
    first = client.post(edit_url(entry), {**opened, "status": "met", "implementation": "Agreed by the CSP"})
    assert first.status_code == 302

    signed_in(client, officer)
    second = client.post(edit_url(entry), {**opened, "status": "at_risk", "implementation": "Late"})
    assert second.status_code == 409
    page = second.content.decode()
    assert "Someone else changed this entry after you opened it" in page
    assert "What they changed" in page and "Agreed by the CSP" in page
    assert "Late" in page, "what the second person typed is kept in the form"

    entry.refresh_from_db()
    assert entry.status == "met" and entry.implementation == "Agreed by the CSP" and entry.version == 2

    # Saving again, with the other person's change now in view, is allowed.
    again = client.post(
        edit_url(entry), {**opened, "status": "at_risk", "implementation": "Late", "version": 2}
    )
    assert again.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "at_risk" and entry.version == 3


def test_register_filters_by_computed_status_and_owner(client, officer, dorset, entry):
    entry.next_due_on = timezone.localdate() - timedelta(days=3)
    entry.owner = officer
    entry.save()
    signed_in(client, officer)
    url = reverse("duties:register", args=["dorset"])
    overdue = client.get(url, {"status": "overdue"}).content.decode()
    assert "Annual Partnership Strategic Assessment" in overdue
    on_track = client.get(url, {"status": "on_track"}).content.decode()
    assert "Annual Partnership Strategic Assessment" not in on_track
    by_owner = client.get(url, {"owner": officer.pk}).content.decode()
    assert "Annual Partnership Strategic Assessment" in by_owner


def test_dashboard_opens_on_overdue_and_due_in_the_next_90_days(client, officer, dorset):
    from duties.models import Duty
    from duties.register import write_entry_deadlines

    today = timezone.localdate()
    for code, days in (("strategic-assessment", -5), ("partnership-plan", 89), ("serious-violence", 91)):
        entry = RegisterEntry.objects.create(
            partnership=dorset, duty=Duty.objects.get(code=code), next_due_on=today + timedelta(days=days)
        )
        write_entry_deadlines(entry)
    page = signed_in(client, officer).get(reverse("partnerships:dashboard", args=["dorset"])).content.decode()
    overdue, _, rest = page.partition("Due in the next 90 days")
    assert "Annual Partnership Strategic Assessment (PSA) due" in overdue
    assert "Community Safety Plan (partnership plan) due" in rest
    assert "Serious Violence Duty" not in page, "91 days away is outside the window"


def test_half_a_date_is_refused_naming_the_missing_part(client, officer, entry):
    signed_in(client, officer)
    response = client.post(edit_url(entry), form_data(entry, next_due_on_0="31", next_due_on_2="2027"))
    assert "Next due must include a month" in response.content.decode()
    entry.refresh_from_db()
    assert entry.version == 1
