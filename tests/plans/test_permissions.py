"""Who may read a plan and who may record its road to adoption."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from plans.models import AdoptionStep, Condition, Plan
from tests.conftest import signed_in
from tests.factories import ConditionFactory, CouncilFactory, plan_with_version

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
IN_FORCE = {"starts_on": TODAY - timedelta(days=200), "ends_on": TODAY + timedelta(days=900)}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def dorset_version(dorset):
    dorset.councils.add(CouncilFactory(name="Dorset Council", slug="dorset-council"))
    version = plan_with_version(dorset, title="Community Safety Plan 2023-2026", **IN_FORCE)
    version.document.save("plan.pdf", ContentFile(PDF))
    version.document_type = "application/pdf"
    version.save()
    return version


@pytest.fixture
def condition(dorset_version):
    return ConditionFactory(
        step__route=dorset_version.routes.get(), step__decided_on=TODAY - timedelta(days=9)
    )


@pytest.fixture
def pan_area(dorset, bcp):
    dorset.councils.add(CouncilFactory(name="Dorset Council", slug="dorset-council"))
    bcp.councils.add(CouncilFactory(name="BCP Council", slug="bcp-council"))
    return plan_with_version(dorset, bcp, kind=Plan.Kind.REDUCING_REOFFENDING, **IN_FORCE)


def step_data(day=TODAY):
    return {
        "kind": AdoptionStep.Kind.AGREED_BY_CSP,
        "decided_on_0": day.day,
        "decided_on_1": day.month,
        "decided_on_2": day.year,
        "outcome": AdoptionStep.Outcome.AGREED,
    }


def reading(version):
    return {
        "board": reverse("plans:board"),
        "print": reverse("plans:board_print"),
        "plan": reverse("plans:plan", args=[version.plan.pk]),
        "version": reverse("plans:version", args=[version.pk]),
        "history": reverse("plans:version_history", args=[version.pk]),
        "document": reverse("plans:version_document", args=[version.pk]),
    }


def editing(version, condition):
    return {
        "record": reverse("plans:record_step", args=[version.routes.get().pk]),
        "condition": reverse("plans:condition_met", args=[condition.pk]),
        "add_version": reverse("plans:add_version", args=[version.plan.pk]),
    }


def test_councillor_reads_the_board_plan_and_version_but_sees_no_edit_links(
    client, councillor, dorset_version, condition
):
    signed_in(client, councillor)
    for name, url in reading(dorset_version).items():
        assert client.get(url).status_code == 200, name
    version_page = client.get(reading(dorset_version)["version"]).content.decode()
    plan_page = client.get(reading(dorset_version)["plan"]).content.decode()
    board = client.get(reading(dorset_version)["board"]).content.decode()
    assert "Community Safety Plan 2023-2026" in board
    for page in (version_page, plan_page, board):
        for words in ("Record a decision", "Mark as met", "Add a version", "Add a plan"):
            assert words not in page


def test_councillor_gets_403_on_record_step_and_nothing_is_saved(
    client, councillor, dorset_version, condition
):
    signed_in(client, councillor)
    urls = editing(dorset_version, condition)
    for name, url in urls.items():
        assert client.get(url).status_code == 403, name
    assert client.post(urls["record"], step_data()).status_code == 403
    assert client.post(urls["condition"], {"met_on_0": 1, "met_on_1": 1, "met_on_2": 2025}).status_code == 403
    assert client.get(reverse("plans:add_plan", args=["dorset"])).status_code == 403
    assert AdoptionStep.objects.count() == 1, "only the step the condition hangs on"
    assert Condition.objects.get().met_on is None


def test_clerk_cannot_record_a_step_either(client, clerk, dorset_version):
    route = dorset_version.routes.get()
    response = signed_in(client, clerk).post(reverse("plans:record_step", args=[route.pk]), step_data())
    assert response.status_code == 403
    assert not AdoptionStep.objects.exists()


def test_officer_of_bcp_gets_404_on_a_dorset_only_plan(client, bcp_officer, dorset_version, condition):
    signed_in(client, bcp_officer)
    for name, url in {**reading(dorset_version), **editing(dorset_version, condition)}.items():
        if name in ("board", "print"):
            assert "Community Safety Plan 2023-2026" not in client.get(url).content.decode(), name
        else:
            assert client.get(url).status_code == 404, name
    route = dorset_version.routes.get()
    assert client.post(reverse("plans:record_step", args=[route.pk]), step_data()).status_code == 404
    assert client.get(reverse("plans:add_plan", args=["dorset"])).status_code == 404
    assert AdoptionStep.objects.count() == 1


def test_officer_of_bcp_records_a_step_on_a_pan_area_plan_dorset_shares(client, bcp_officer, pan_area):
    signed_in(client, bcp_officer)
    assert client.get(reverse("plans:version", args=[pan_area.pk])).status_code == 200
    route = pan_area.routes.get(council__slug="bcp-council")
    response = client.post(reverse("plans:record_step", args=[route.pk]), step_data())
    assert response.status_code == 302
    assert AdoptionStep.objects.get().route == route


def test_anonymous_visitors_are_sent_to_sign_in(client, dorset_version, condition):
    urls = {
        **reading(dorset_version),
        **editing(dorset_version, condition),
        "add_plan": reverse("plans:add_plan", args=["dorset"]),
    }
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"] == f"/accounts/login/?next={url}", name


def test_documents_are_served_to_members_only(client, councillor, bcp_officer, dorset_version):
    url = reverse("plans:version_document", args=[dorset_version.pk])
    served = signed_in(client, councillor).get(url)
    assert b"".join(served.streaming_content) == PDF
    assert served["Cache-Control"] == "private, no-store"
    assert served["Content-Type"] == "application/pdf"
    assert signed_in(client, bcp_officer).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_plan_cannot_be_shared_with_a_partnership_the_officer_does_not_keep(client, officer, bcp):
    from partnerships.models import Role
    from tests.factories import PartnershipFactory, RoleFactory

    RoleFactory(user=officer, partnership=bcp, kind=Role.Kind.CLERK)
    RoleFactory(user=officer, partnership=PartnershipFactory(name="Wessex CSP"), kind=Role.Kind.OFFICER)
    signed_in(client, officer)
    url = reverse("plans:add_plan", args=["dorset"])
    form = client.get(url).content.decode()
    assert "Wessex CSP" in form and "BCP Community Safety Partnership" not in form, "only those they keep"
    response = client.post(
        url,
        {
            "title": "Pan-Dorset Reducing Reoffending",
            "kind": Plan.Kind.REDUCING_REOFFENDING,
            "partnerships": [bcp.pk],
        },
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not Plan.objects.exists()
