"""The plans pages: the councillors' board, a plan, a version and the officer's forms."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route
from reminders.models import Deadline
from tests.conftest import signed_in
from tests.factories import AdoptionStepFactory, ConditionFactory, CouncilFactory, plan_with_version

pytestmark = pytest.mark.django_db

Kind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome
TODAY = timezone.localdate()
IN_FORCE = {"starts_on": TODAY - timedelta(days=200), "ends_on": TODAY + timedelta(days=900)}
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def dorset_council(dorset):
    council = CouncilFactory(
        name="Dorset Council",
        slug="dorset-council",
        crime_and_disorder_committee="People & Health Scrutiny Committee",
    )
    dorset.councils.add(council)
    return council


@pytest.fixture
def bcp_council(bcp):
    council = CouncilFactory(name="BCP Council", slug="bcp-council")
    bcp.councils.add(council)
    return council


@pytest.fixture
def version(dorset, dorset_council):
    return plan_with_version(dorset, title="Community Safety Plan 2023-2026", **IN_FORCE)


@pytest.fixture
def pan_area(dorset, bcp, dorset_council, bcp_council):
    return plan_with_version(
        dorset, bcp, kind=Plan.Kind.REDUCING_REOFFENDING, title="Pan-Dorset Reducing Reoffending", **IN_FORCE
    )


def board(client, **filters):
    return client.get(reverse("plans:board"), filters).content.decode()


def text(html):
    """The page's words, without tags or runs of spaces, for asserting what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def record(client, route, *, kind, on, outcome, conditions="", meeting="", reference=""):
    return client.post(
        reverse("plans:record_step", args=[route.pk]),
        {
            "kind": kind,
            **date_fields("decided_on", on),
            "outcome": outcome,
            "meeting": meeting,
            "reference": reference,
            "conditions": conditions,
        },
    )


# The board


def test_board_shows_each_plan_with_its_stage_next_step_and_flags(client, councillor, version):
    route = version.routes.get()
    agreed = TODAY - timedelta(days=30)
    ConditionFactory(
        step=AdoptionStepFactory(route=route, decided_on=agreed, outcome=Outcome.AGREED_SUBJECT_TO_CONDITIONS)
    )
    page = text(board(signed_in(client, councillor)))
    assert "Community Safety Plan 2023-2026" in page
    assert "Community safety plan" in page, "the kind"
    assert "Dorset Council Agreed by the CSP: agreed subject to conditions" in page, "the current stage"
    expected = agreed + timedelta(days=60)
    assert (
        f"Next: Recommended by the Crime & Disorder Committee, expected by {expected:%-d %B %Y}"
        in page.replace("&amp;", "&")
    )
    assert "Conditions outstanding: subject to the EqIA" in page
    assert f"Agreed by the CSP: Agreed subject to conditions {agreed:%-d %b %Y}" in page, "the step taken"
    assert "Full Council: Not yet taken" in page, "the steps to come"
    assert "Record a decision" not in page and "Add a plan" not in page, "councillors never edit"


def test_board_filters_by_council_kind_and_flag(client, clerk, version, pan_area, bcp):
    from partnerships.models import Role
    from tests.factories import RoleFactory

    RoleFactory(user=clerk, partnership=bcp, kind=Role.Kind.CLERK)
    AdoptionStepFactory(
        route=pan_area.routes.get(council__slug="bcp-council"),
        kind=Kind.AGREED_BY_CSP,
        decided_on=TODAY - timedelta(days=5),
        outcome=Outcome.DEFERRED,
    )
    signed_in(client, clerk)
    both = board(client)
    assert "Community Safety Plan 2023-2026" in both and "Pan-Dorset Reducing Reoffending" in both

    by_council = board(client, council="bcp-council")
    assert "Pan-Dorset Reducing Reoffending" in by_council
    assert "Community Safety Plan 2023-2026" not in by_council
    assert "1 plan</strong> matches the filters" in by_council

    by_kind = board(client, kind=Plan.Kind.COMMUNITY_SAFETY_PLAN)
    assert "Community Safety Plan 2023-2026" in by_kind and "Pan-Dorset" not in by_kind

    stalled = board(client, flag="stalled")
    assert "Pan-Dorset Reducing Reoffending" in stalled and "Community Safety Plan 2023-2026" not in stalled
    assert "BCP Council: Stalled: Agreed by the CSP deferred it on" in text(stalled)
    assert "Pan-Dorset" not in board(client, flag="cabinet_only")


def test_bcp_cabinet_adoption_where_full_council_must_adopt_is_flagged_on_the_board(
    client, bcp_officer, bcp, bcp_council
):
    version = plan_with_version(bcp, title="Safer BCP Strategy 2022-2025", **IN_FORCE)
    route = version.routes.get()
    AdoptionStepFactory(route=route, kind=Kind.AGREED_BY_CSP, decided_on=TODAY - timedelta(days=90))
    AdoptionStepFactory(
        route=route, kind=Kind.CABINET, decided_on=TODAY - timedelta(days=60), outcome=Outcome.ADOPTED
    )
    assert bcp_council.adopted_by == "full_council"
    page = text(board(signed_in(client, bcp_officer), flag="cabinet_only"))
    assert "Safer BCP Strategy 2022-2025" in page
    assert "Adopted by Cabinet only: Full Council adoption required" in page
    assert "Full Council: Not yet taken" in page


def test_print_version_has_the_same_filters_and_no_navigation(client, clerk, version, pan_area, bcp):
    from partnerships.models import Role
    from tests.factories import RoleFactory

    RoleFactory(user=clerk, partnership=bcp, kind=Role.Kind.CLERK)
    signed_in(client, clerk)
    page = client.get(reverse("plans:board_print"), {"kind": Plan.Kind.REDUCING_REOFFENDING}).content.decode()
    assert "Pan-Dorset Reducing Reoffending" in page and "Community Safety Plan 2023-2026" not in page
    assert "filtered by Kind of plan: Reducing reoffending strategy" in page
    assert "govuk-service-navigation__list" not in page, "no menu on paper"
    assert 'name="kind"' not in page, "no filter form on paper"
    screen = board(client, kind=Plan.Kind.REDUCING_REOFFENDING)
    assert f'href="{reverse("plans:board_print")}?kind=reducing_reoffending"' in screen


# A plan and a version


def test_plan_page_lists_versions_newest_first_and_says_when_it_is_pan_area(client, officer, pan_area):
    plan = pan_area.plan
    refresh = PlanVersion.objects.create(
        plan=plan,
        title="Pan-Dorset Reducing Reoffending (2025-26 refresh)",
        starts_on=TODAY - timedelta(days=20),
        ends_on=IN_FORCE["ends_on"],
        refresh_year="2025-26",
    )
    page = signed_in(client, officer).get(reverse("plans:plan", args=[plan.pk])).content.decode()
    assert "A pan-area plan, shared by 2 partnerships" in page
    assert page.index(refresh.title) < page.index(f">{pan_area.title}</a>"), "newest first"
    assert "Add a version or refresh" in page


def test_version_page_shows_each_route_as_a_timeline_with_its_conditions(client, officer, version):
    route = version.routes.get()
    step = AdoptionStepFactory(
        route=route,
        decided_on=TODAY - timedelta(days=40),
        outcome=Outcome.AGREED_SUBJECT_TO_CONDITIONS,
        meeting="Dorset CSP",
        reference="Minute 12",
    )
    Condition.objects.create(step=step, text="subject to the EqIA", met_on=TODAY - timedelta(days=10))
    Condition.objects.create(step=step, text="subject to changes from the BCP CSP")
    page = signed_in(client, officer).get(reverse("plans:version", args=[version.pk])).content.decode()
    assert 'class="moj-timeline"' in page
    assert "Meeting: Dorset CSP" in page and "Reference: Minute 12" in page
    assert f"subject to the EqIA: met on {TODAY - timedelta(days=10):%-d %B %Y}" in page
    assert reverse("plans:condition_met", args=[step.conditions.last().pk]) in page
    assert reverse("plans:record_step", args=[route.pk]) in page
    assert "Crime &amp; Disorder Committee: not yet taken" in page


# Recording a decision


def test_recording_a_step_saves_it_with_who_and_when_and_rewrites_the_deadlines(client, officer, version):
    route = version.routes.get()
    signed_in(client, officer)
    agreed = TODAY - timedelta(days=10)
    response = record(
        client, route, kind=Kind.AGREED_BY_CSP, on=agreed, outcome=Outcome.AGREED, reference="Minute 7"
    )
    assert response.status_code == 302 and response["Location"] == version.get_absolute_url()
    step = AdoptionStep.objects.get()
    assert (step.kind, step.decided_on, step.reference) == (Kind.AGREED_BY_CSP, agreed, "Minute 7")
    assert step.recorded_by == officer and step.history.get().history_user == officer

    deadlines = Deadline.objects.filter(rule__startswith="step-").order_by("due_on")
    assert [(d.rule, d.due_on) for d in deadlines] == [
        ("step-committee", agreed + timedelta(days=60)),
        ("step-cabinet", agreed + timedelta(days=90)),
        ("step-full_council", agreed + timedelta(days=120)),
    ]

    followed = client.get(response["Location"]).content.decode()
    assert "Decision recorded for Dorset Council: Agreed by the CSP: agreed on" in followed, (
        "the success banner"
    )
    history = text(client.get(reverse("plans:version_history", args=[version.pk])).content.decode())
    assert f"Created: Dorset Council: Agreed by the CSP: agreed on {agreed:%-d %B %Y}" in history
    assert "By Alex Morgan on" in history


def test_the_committee_name_is_the_meeting_hint(client, officer, version):
    page = signed_in(client, officer).get(reverse("plans:record_step", args=[version.routes.get().pk]))
    assert "At Dorset Council: People &amp; Health Scrutiny Committee" in page.content.decode()


def test_a_date_out_of_order_is_refused_on_the_date_field_and_nothing_is_saved(client, officer, version):
    route = version.routes.get()
    adopted = TODAY - timedelta(days=20)
    AdoptionStepFactory(route=route, kind=Kind.FULL_COUNCIL, decided_on=adopted, outcome=Outcome.ADOPTED)
    response = record(
        signed_in(client, officer),
        route,
        kind=Kind.CABINET,
        on=TODAY - timedelta(days=5),
        outcome=Outcome.RECOMMENDED,
    )
    page = response.content.decode()
    assert response.status_code == 200
    message = f"The date must be on or before {adopted:%-d %B %Y}, when Full Council made its decision"
    assert message in page
    assert "<title>Error: " in page
    summary = page[page.index('class="govuk-error-summary"') :]
    assert re.search(r'href="#id_decided_on[^"]*">' + re.escape(message), summary), "links to the date"
    assert AdoptionStep.objects.count() == 1
    assert not Deadline.objects.filter(rule__startswith="step-").exists()


def test_conditions_are_required_for_an_agreement_subject_to_conditions(client, officer, version):
    response = record(
        signed_in(client, officer),
        version.routes.get(),
        kind=Kind.AGREED_BY_CSP,
        on=TODAY,
        outcome=Outcome.AGREED_SUBJECT_TO_CONDITIONS,
    )
    assert "Enter the conditions the agreement was made subject to" in response.content.decode()
    assert not AdoptionStep.objects.exists()


def test_conditions_are_refused_for_any_other_outcome(client, officer, version):
    response = record(
        signed_in(client, officer),
        version.routes.get(),
        kind=Kind.AGREED_BY_CSP,
        on=TODAY,
        outcome=Outcome.AGREED,
        conditions="subject to the EqIA",
    )
    assert "Conditions are only for an agreement made subject to conditions" in response.content.decode()
    assert not AdoptionStep.objects.exists()


def test_each_condition_is_saved_from_its_own_line_then_marked_met(client, officer, version):
    signed_in(client, officer)
    record(
        client,
        version.routes.get(),
        kind=Kind.AGREED_BY_CSP,
        on=TODAY - timedelta(days=3),
        outcome=Outcome.AGREED_SUBJECT_TO_CONDITIONS,
        conditions="subject to the EqIA\n\n  subject to changes from the BCP CSP  \n",
    )
    assert list(Condition.objects.values_list("text", flat=True)) == [
        "subject to the EqIA",
        "subject to changes from the BCP CSP",
    ]
    eqia = Condition.objects.first()
    url = reverse("plans:condition_met", args=[eqia.pk])
    early = client.post(url, date_fields("met_on", TODAY - timedelta(days=4))).content.decode()
    assert "must be on or after" in early and "<title>Error: " in early
    response = client.post(url, date_fields("met_on", TODAY))
    assert response.status_code == 302
    eqia.refresh_from_db()
    assert eqia.met_on == TODAY and eqia.history.latest().history_user == officer
    history = text(client.get(reverse("plans:version_history", args=[version.pk])).content.decode())
    assert f"Changed: Condition: subject to the EqIA By Alex Morgan on {TODAY:%-d %B %Y}" in history
    assert f"Met on (none) {TODAY:%d %B %Y}" in history


def test_a_pan_area_plan_has_a_route_per_council_each_recorded_separately(client, officer, pan_area):
    assert sorted(pan_area.routes.values_list("council__name", flat=True)) == [
        "BCP Council",
        "Dorset Council",
    ]
    signed_in(client, officer)
    page = text(board(client))
    assert "Kind Reducing reoffending strategy (pan-area)" in page
    assert "Councils BCP Council, Dorset Council" in page
    dorset_route = pan_area.routes.get(council__slug="dorset-council")
    bcp_route = pan_area.routes.get(council__slug="bcp-council")
    record(
        client, dorset_route, kind=Kind.AGREED_BY_CSP, on=TODAY - timedelta(days=2), outcome=Outcome.AGREED
    )
    assert dorset_route.steps.count() == 1 and bcp_route.steps.count() == 0
    page = text(board(client))
    assert "Dorset Council Agreed by the CSP: agreed" in page
    assert "BCP Council Not yet agreed by the CSP" in page
    record(client, bcp_route, kind=Kind.AGREED_BY_CSP, on=TODAY - timedelta(days=1), outcome=Outcome.AGREED)
    assert bcp_route.steps.count() == 1 and dorset_route.steps.count() == 1


# Adding plans and versions


def version_data(**overrides):
    data = {
        "title": "Community Safety Plan 2026-2029",
        **date_fields("starts_on", TODAY),
        **date_fields("ends_on", TODAY + timedelta(days=3 * 365)),
        "refresh_year": "",
        "eqia": PlanVersion.Eqia.IN_PROGRESS,
        "eqia_on_0": "",
        "eqia_on_1": "",
        "eqia_on_2": "",
        "eqia_note": "",
        "published_on_0": "",
        "published_on_1": "",
        "published_on_2": "",
        "document_link": "",
    }
    data.update(overrides)
    return data


def test_officer_adds_a_plan_then_its_first_version_with_a_route_per_council(
    client, officer, dorset, dorset_council
):
    signed_in(client, officer)
    response = client.post(
        reverse("plans:add_plan", args=["dorset"]),
        {"title": "Community Safety Plan 2026-2029", "kind": Plan.Kind.COMMUNITY_SAFETY_PLAN},
    )
    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:add_version", args=[plan.pk])
    assert plan.lead_partnership == dorset and list(plan.partnerships.all()) == [dorset]
    response = client.post(response["Location"], version_data())
    version = PlanVersion.objects.get()
    assert response["Location"] == version.get_absolute_url()
    assert version.eqia == PlanVersion.Eqia.IN_PROGRESS
    assert list(version.routes.values_list("council", flat=True)) == [dorset_council.pk]
    assert version.history.get().history_user == officer
    assert Deadline.objects.filter(rule="plan-expiry", due_on=version.ends_on).exists()


def test_a_version_that_ends_before_it_starts_is_refused(client, officer, version):
    url = reverse("plans:add_version", args=[version.plan.pk])
    response = signed_in(client, officer).post(
        url, version_data(**date_fields("ends_on", TODAY - timedelta(days=1)))
    )
    page = response.content.decode()
    assert "Period ends must be after period starts" in page and "<title>Error: " in page
    assert PlanVersion.objects.count() == 1


def test_a_document_is_type_checked_by_its_content(client, officer, version):
    url = reverse("plans:add_version", args=[version.plan.pk])
    signed_in(client, officer)
    program = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    refused = client.post(url, {**version_data(), "document": program}).content.decode()
    assert (
        "The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG or JPEG file"
        in refused
    )
    assert PlanVersion.objects.count() == 1

    response = client.post(url, {**version_data(), "document": SimpleUploadedFile("plan.pdf", PDF)})
    assert response.status_code == 302
    added = PlanVersion.objects.get(title="Community Safety Plan 2026-2029")
    assert added.document_type == "application/pdf"
    download = client.get(reverse("plans:version_document", args=[added.pk]))
    assert b"".join(download.streaming_content) == PDF
    assert download["Cache-Control"] == "private, no-store"


def test_a_file_and_a_link_together_are_refused(client, officer, version):
    response = signed_in(client, officer).post(
        reverse("plans:add_version", args=[version.plan.pk]),
        {
            **version_data(document_link="https://www.dorsetcouncil.gov.uk/csp"),
            "document": SimpleUploadedFile("plan.pdf", PDF),
        },
    )
    assert "Give a file or a link, not both" in response.content.decode()


def test_the_route_the_version_page_links_to_is_the_one_recorded(client, officer, pan_area):
    """Each "Record a decision" button names its council, so a screen reader tells them apart."""
    page = signed_in(client, officer).get(reverse("plans:version", args=[pan_area.pk])).content.decode()
    for route in Route.objects.filter(version=pan_area):
        link = reverse("plans:record_step", args=[route.pk])
        assert re.search(
            re.escape(link)
            + r'">Record a decision<span class="govuk-visually-hidden"> for '
            + route.council.name,
            page,
        )


def test_a_plan_past_its_period_is_expired_until_a_successor_is_adopted(
    client, officer, dorset, dorset_council
):
    old = plan_with_version(
        dorset,
        title="Community Safety Plan 2020-2023",
        starts_on=TODAY - timedelta(days=4 * 365),
        ends_on=TODAY - timedelta(days=365),
    )
    signed_in(client, officer)
    url = reverse("plans:plan", args=[old.plan.pk])
    expired = text(client.get(url).content.decode())
    assert f"Expired on {old.ends_on:%-d %B %Y} with no adopted successor" in expired

    new = plan_with_version(dorset, title="Community Safety Plan 2023-2026", **IN_FORCE)
    AdoptionStepFactory(
        route=new.routes.get(),
        kind=Kind.FULL_COUNCIL,
        decided_on=TODAY - timedelta(days=100),
        outcome=Outcome.ADOPTED,
    )
    superseded = text(client.get(url).content.decode())
    assert "superseded" in superseded and "Expired on" not in superseded
    assert "Expired on" not in text(board(client)), "the board judges it against the same successors"


def test_the_dashboard_and_the_menu_lead_to_the_board(client, councillor):
    page = (
        signed_in(client, councillor).get(reverse("partnerships:dashboard", args=["dorset"])).content.decode()
    )
    assert f'href="{reverse("plans:board")}">See where each plan stands on its road to adoption</a>' in page
    board_page = board(client)
    assert re.search(
        r'govuk-service-navigation__item--active">\s*<a class="govuk-service-navigation__link" href="/plans/"',
        board_page,
    )


def test_the_board_shows_fifty_plans_a_page_and_prints_them_all(client, officer, dorset):
    from tests.factories import PlanFactory

    for number in range(51):
        PlanFactory(title=f"Plan {number:02}", lead_partnership=dorset)
    signed_in(client, officer)
    first = board(client)
    assert "51 plans" in first and "Plan 49" in first and "Plan 50" not in first
    assert 'href="?page=2"' in first
    second = client.get(reverse("plans:board"), {"page": 2}).content.decode()
    assert "Plan 50" in second and "Plan 49" not in second
    assert "Plan 50" in client.get(reverse("plans:board_print")).content.decode()


def test_an_officer_of_two_partnerships_adds_a_pan_area_plan(
    client, officer, bcp, dorset_council, bcp_council
):
    from partnerships.models import Role
    from tests.factories import RoleFactory

    RoleFactory(user=officer, partnership=bcp, kind=Role.Kind.OFFICER)
    signed_in(client, officer)
    form = client.get(reverse("plans:add_plan", args=["dorset"])).content.decode()
    assert "Other partnerships that share this plan" in form and "BCP Community Safety Partnership" in form
    client.post(
        reverse("plans:add_plan", args=["dorset"]),
        {
            "title": "Pan-Dorset Reducing Reoffending",
            "kind": Plan.Kind.REDUCING_REOFFENDING,
            "partnerships": [bcp.pk],
        },
    )
    plan = Plan.objects.get()
    assert plan.lead_partnership.slug == "dorset"
    assert sorted(plan.partnerships.values_list("slug", flat=True)) == ["bcp", "dorset"]
    client.post(reverse("plans:add_version", args=[plan.pk]), version_data(title="Pan-Dorset RR 2026-2029"))
    routes = Route.objects.filter(version__plan=plan)
    assert sorted(routes.values_list("council__name", "partnership__slug")) == [
        ("BCP Council", "bcp"),
        ("Dorset Council", "dorset"),
    ]


def test_full_council_cannot_be_recorded_as_agreed(client, officer, version):
    route = version.routes.get()
    signed_in(client, officer)
    response = record(client, route, kind="full_council", on=timezone.localdate(), outcome="agreed")
    assert (
        "Full Council can only have these outcomes: adopted, deferred, rejected" in response.content.decode()
    )
    assert not route.steps.exists()
