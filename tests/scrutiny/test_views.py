"""Who may do what with a pack, and what the pages say when something is wrong."""

import pytest
from django.urls import reverse

from scrutiny.models import Pack
from tests.conftest import signed_in
from tests.scrutiny.conftest import COVER

pytestmark = pytest.mark.django_db


def build_post(council, **changes):
    data = {
        "council": council.pk,
        "title": COVER["title"],
        "committee": "",
        "portfolio_holder": COVER["portfolio_holder"],
    }
    for name in ("period_starts_on", "period_ends_on", "committee_on", "cabinet_on", "full_council_on"):
        value = COVER[name]
        data |= {f"{name}_0": value.day, f"{name}_1": value.month, f"{name}_2": value.year}
    return data | changes


def pack_urls(pack):
    return {name: reverse(f"scrutiny:{name}", args=[pack.pk]) for name in ("edit", "issue", "build_again")}


def test_a_clerk_builds_a_draft_from_the_form(client, clerk, dorset_council, live_data):
    response = signed_in(client, clerk).post(
        reverse("scrutiny:build", args=["dorset"]), build_post(dorset_council)
    )
    pack = Pack.objects.get()
    assert response.status_code == 302 and response.url == pack.get_absolute_url()
    assert pack.state == Pack.State.QUEUED and pack.created_by == clerk
    # An empty committee name takes the council's Crime & Disorder Committee.
    assert pack.committee == "People & Health Scrutiny Committee"
    page = client.get(pack.get_absolute_url())
    assert b"Waiting to build" in page.content and b"Check progress" in page.content
    assert client.get(reverse("scrutiny:progress", args=[pack.pk])).json()["building"] is True


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {"cabinet_on_0": "1", "cabinet_on_1": "7", "cabinet_on_2": "2024"},
            "cabinet_on",
            "Cabinet must meet after the committee",
        ),
        (
            {"period_ends_on_0": "1", "period_ends_on_1": "1", "period_ends_on_2": "2023"},
            "period_ends_on",
            "The period must end after it starts",
        ),
        ({"title": ""}, "title", "Enter the title of the report"),
        (
            {"committee_on_0": "", "committee_on_1": "", "committee_on_2": ""},
            "committee_on",
            "Enter the committee date date",
        ),
        (
            {"officer_email": "andy at dorset"},
            "officer_email",
            "Enter an email address in the correct format",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(
    client, clerk, dorset_council, live_data, changes, field, message
):
    response = signed_in(client, clerk).post(
        reverse("scrutiny:build", args=["dorset"]), build_post(dorset_council, **changes)
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert response.content.decode().count("Error: Build a new pack") == 1
    assert not Pack.objects.exists()


def test_councillors_read_issued_packs_but_never_build_edit_or_issue(client, councillor, issued, draft):
    signed_in(client, councillor)
    assert client.get(issued.get_absolute_url()).status_code == 200
    assert client.get(reverse("scrutiny:preview", args=[issued.pk])).status_code == 200
    download = client.get(reverse("scrutiny:pdf", args=[issued.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    listing = client.get(reverse("scrutiny:list", args=["dorset"]))
    assert b"Build a new pack" not in listing.content and b"Drafts" not in listing.content
    assert client.get(reverse("scrutiny:build", args=["dorset"])).status_code == 403
    assert client.post(reverse("scrutiny:build", args=["dorset"]), {}).status_code == 403
    for url in pack_urls(issued).values():
        assert client.post(url, {"revision": issued.revision}).status_code == 403


def test_councillors_cannot_see_a_draft(client, councillor, draft):
    signed_in(client, councillor)
    for name in ("pack", "preview", "pdf", "docx", "history", "progress", "edit", "issue"):
        assert client.get(reverse(f"scrutiny:{name}", args=[draft.pk])).status_code == 403, name
    assert (
        client.post(reverse("scrutiny:issue", args=[draft.pk]), {"revision": draft.revision}).status_code
        == 403
    )
    assert Pack.objects.get(pk=draft.pk).state == Pack.State.DRAFT


def test_strangers_and_other_partnerships_get_not_found(client, stranger, bcp_officer, issued):
    for person in (stranger, bcp_officer):
        signed_in(client, person)
        assert client.get(reverse("scrutiny:list", args=["dorset"])).status_code == 404
        assert client.get(reverse("scrutiny:build", args=["dorset"])).status_code == 404
        for name in ("pack", "preview", "pdf", "docx", "history", "progress", "edit", "issue"):
            assert client.get(reverse(f"scrutiny:{name}", args=[issued.pk])).status_code == 404, name


def test_an_issued_pack_refuses_edits_through_the_pages(client, clerk, issued):
    signed_in(client, clerk)
    response = client.post(
        reverse("scrutiny:edit", args=[issued.pk]),
        {"executive_summary": "Changed after issue", "revision": issued.revision},
    )
    assert response.status_code == 409 and b"This pack has been issued" in response.content
    assert (
        client.post(reverse("scrutiny:issue", args=[issued.pk]), {"revision": issued.revision}).status_code
        == 409
    )
    assert Pack.objects.get(pk=issued.pk).executive_summary == issued.executive_summary


def test_the_second_of_two_editors_is_told_and_nothing_is_overwritten(client, clerk, officer, draft):
    url = reverse("scrutiny:edit", args=[draft.pk])
    opened_at = draft.revision
    signed_in(client, officer).post(
        url, {"executive_summary": "The officer's summary", "revision": opened_at}
    )
    response = signed_in(client, clerk).post(
        url, {"executive_summary": "The clerk's summary", "revision": opened_at}
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this pack after you opened it" in page
    assert "The officer&#x27;s summary" in page and "The clerk&#x27;s summary" in page
    assert Pack.objects.get(pk=draft.pk).executive_summary == "The officer's summary"


def test_issuing_through_the_page_names_who_and_the_history_shows_it(client, clerk, draft):
    signed_in(client, clerk)
    response = client.post(reverse("scrutiny:issue", args=[draft.pk]), {"revision": draft.revision})
    assert response.status_code == 302
    pack = Pack.objects.get(pk=draft.pk)
    assert pack.is_issued and pack.issued_by == clerk
    history = client.get(reverse("scrutiny:history", args=[draft.pk])).content.decode()
    assert "Issued" in history and "Clerk" in history


def test_issuing_without_the_narrative_says_what_to_write(client, clerk, draft):
    Pack.objects.filter(pk=draft.pk).update(budget="")
    response = signed_in(client, clerk).post(
        reverse("scrutiny:issue", args=[draft.pk]), {"revision": draft.revision}
    )
    assert response.status_code == 409
    assert b"Write the budget before issuing the pack." in response.content
    assert not Pack.objects.get(pk=draft.pk).is_issued


def test_the_word_file_downloads_as_word(client, clerk, draft):
    response = signed_in(client, clerk).get(reverse("scrutiny:docx", args=[draft.pk]))
    assert response.status_code == 200
    assert (
        response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"].startswith("attachment")


def test_a_new_pack_starts_from_the_last_pack_s_cover_but_not_its_dates(client, clerk, issued):
    form = signed_in(client, clerk).get(reverse("scrutiny:build", args=["dorset"])).context["form"]
    assert form.initial["portfolio_holder"] == COVER["portfolio_holder"]
    assert form.initial["committee"] == COVER["committee"]
    assert form.initial["council"] == issued.council_id
    assert "committee_on" not in form.initial
