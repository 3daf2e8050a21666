"""The board and the plan pages cost the same number of queries with 5 plans or 1,500:
every state is worked out in Python from what for_board() prefetched."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route
from tests.conftest import signed_in
from tests.factories import CouncilFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
KINDS = list(Plan.Kind.values)


@pytest.fixture
def dorset_council(dorset):
    council = CouncilFactory(name="Dorset Council", slug="dorset-council")
    dorset.councils.add(council)
    return council


def add_plans(count, *, partnership, council, start=0):
    """`count` plans of the partnership, each with a version, a route and two decisions (the
    first subject to a condition on every fourth plan), made with a handful of inserts."""
    plans = Plan.objects.bulk_create(
        Plan(title=f"Plan {start + n:04}", kind=KINDS[n % len(KINDS)], lead_partnership=partnership)
        for n in range(count)
    )
    Plan.partnerships.through.objects.bulk_create(
        Plan.partnerships.through(plan_id=plan.pk, partnership_id=partnership.pk) for plan in plans
    )
    versions = PlanVersion.objects.bulk_create(
        PlanVersion(
            plan=plan,
            title=f"{plan.title} (first version)",
            starts_on=TODAY - timedelta(days=100),
            ends_on=TODAY + timedelta(days=1000),
        )
        for plan in plans
    )
    routes = Route.objects.bulk_create(
        Route(version=version, partnership=partnership, council=council) for version in versions
    )
    agreed = AdoptionStep.objects.bulk_create(
        AdoptionStep(
            route=route,
            kind=AdoptionStep.Kind.AGREED_BY_CSP,
            decided_on=TODAY - timedelta(days=90),
            outcome=AdoptionStep.Outcome.AGREED_SUBJECT_TO_CONDITIONS,
        )
        for route in routes
    )
    AdoptionStep.objects.bulk_create(
        AdoptionStep(
            route=route,
            kind=AdoptionStep.Kind.CRIME_AND_DISORDER_COMMITTEE,
            decided_on=TODAY - timedelta(days=30),
            outcome=AdoptionStep.Outcome.RECOMMENDED,
        )
        for route in routes
    )
    Condition.objects.bulk_create(Condition(step=step, text="subject to the EqIA") for step in agreed[::4])
    return plans


def add_versions(plan, count, *, council):
    for n in range(count):
        version = PlanVersion.objects.create(
            plan=plan,
            title=f"{plan.title} refresh {n}",
            starts_on=TODAY - timedelta(days=400 - n),
            ends_on=TODAY + timedelta(days=600),
        )
        route = Route.objects.create(version=version, partnership=plan.lead_partnership, council=council)
        step = AdoptionStep.objects.create(
            route=route,
            kind=AdoptionStep.Kind.AGREED_BY_CSP,
            decided_on=TODAY - timedelta(days=300 - n),
            outcome=AdoptionStep.Outcome.AGREED_SUBJECT_TO_CONDITIONS,
        )
        Condition.objects.create(step=step, text="subject to the EqIA")


@pytest.mark.parametrize("url_name", ["plans:board", "plans:board_print"])
def test_board_queries_do_not_grow_with_the_plans(
    client, officer, dorset, dorset_council, url_name, django_assert_num_queries
):
    signed_in(client, officer)
    url = reverse(url_name)
    add_plans(5, partnership=dorset, council=dorset_council)
    with django_assert_num_queries(PINNED[url_name]):
        response = client.get(url)
    assert response.context["count"] == 5
    add_plans(1495, partnership=dorset, council=dorset_council, start=5)
    with django_assert_num_queries(PINNED[url_name]):
        response = client.get(url)
    assert response.context["count"] == 1500
    assert response.status_code == 200


def test_filtered_board_queries_are_pinned_too(
    client, officer, dorset, dorset_council, django_assert_num_queries
):
    signed_in(client, officer)
    add_plans(300, partnership=dorset, council=dorset_council)
    with django_assert_num_queries(PINNED["plans:board by flag"]):
        response = client.get(
            reverse("plans:board"),
            {"council": "dorset-council", "kind": "community_safety_plan", "flag": "conditions"},
        )
    assert response.context["count"] == 25, (
        "every 6th plan is a community safety plan, every 4th has a condition"
    )


@pytest.mark.parametrize("url_name", ["plans:plan", "plans:version"])
def test_plan_page_queries_do_not_grow_with_its_versions_or_other_plans(
    client, officer, dorset, dorset_council, url_name, django_assert_num_queries
):
    signed_in(client, officer)
    (plan,) = add_plans(1, partnership=dorset, council=dorset_council)
    url = reverse(url_name, args=[plan.pk if url_name == "plans:plan" else plan.versions.get().pk])
    with django_assert_num_queries(PINNED[url_name]):
        client.get(url)
    add_versions(plan, 30, council=dorset_council)
    add_plans(1499, partnership=dorset, council=dorset_council, start=1)
    with django_assert_num_queries(PINNED[url_name]):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("subject to the EqIA") >= 1


# Every page: session, user, the menu's partnership and the person's roles (whether to offer
# DHRs). The board: plans and their five
# prefetches (partnerships, versions, routes with councils, steps, conditions) and, on
# screen, the partnerships the person may add a plan to. A plan page: the plan and its
# prefetches, the person's roles; a version page first finds which plan the version is of.
# The board pages in the database (count, page of ids) before judging the page's plans; a
# flag filter, and the print version, judge every plan the reader may see instead.
PINNED = {
    "plans:board": 14,
    "plans:board by flag": 12,
    "plans:board_print": 11,
    "plans:plan": 12,  # +2: the resolutions and actions about the plan (meetings.minutes.concerning)
    "plans:version": 11,
}


def test_unfiltered_board_pages_keep_the_plans_in_title_order(client, officer, dorset, dorset_council):
    signed_in(client, officer)
    add_plans(120, partnership=dorset, council=dorset_council)
    first = client.get(reverse("plans:board")).context["rows"]
    third = client.get(reverse("plans:board"), {"page": 3}).context["rows"]
    titles = sorted(Plan.objects.values_list("title", flat=True))
    assert [state.plan.title for state in first] == titles[:50]
    assert [state.plan.title for state in third] == titles[100:]
    assert first.paginator.count == 120
