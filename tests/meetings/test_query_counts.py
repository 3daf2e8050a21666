"""The meetings list, "My actions" and a partnership's actions cost the same number of
queries with a few rows or hundreds; so do the plan and duty pages with actions about them."""

from datetime import date

import pytest
from django.urls import reverse

from meetings import scale
from meetings.models import Action
from tests.conftest import signed_in
from tests.factories import plan_with_version
from tests.meetings.conftest import TODAY

pytestmark = pytest.mark.django_db


def grow(partnership, people, *, actions, seed):
    return scale.generate(
        seed=seed, today=TODAY, partnerships=[partnership], users={partnership.pk: people}, actions=actions
    )


@pytest.mark.parametrize("url_name", ["meetings:list", "meetings:actions", "meetings:my_actions"])
def test_lists_do_not_grow_with_the_meetings_and_actions(
    client, dorset, officer, clerk, url_name, django_assert_num_queries
):
    signed_in(client, officer)
    url = reverse(url_name) if url_name == "meetings:my_actions" else reverse(url_name, args=["dorset"])
    grow(dorset, [officer, clerk], actions=3, seed=1)
    with django_assert_num_queries(PINNED[url_name]):
        client.get(url)
    grow(dorset, [officer, clerk], actions=400, seed=2)
    assert Action.objects.count() > 400
    with django_assert_num_queries(PINNED[url_name]):
        response = client.get(url)
    assert response.status_code == 200


def test_filtered_actions_list_is_pinned_too(client, dorset, officer, clerk, django_assert_num_queries):
    signed_in(client, officer)
    grow(dorset, [officer, clerk], actions=300, seed=3)
    with django_assert_num_queries(PINNED["meetings:actions"]):
        client.get(
            reverse("meetings:actions", args=["dorset"]),
            {"status": "in_progress", "owner": officer.pk, "overdue": "yes"},
        )


def test_plan_and_duty_pages_do_not_grow_with_the_actions_about_them(
    client, dorset, officer, clerk, entry, django_assert_num_queries
):
    plan = plan_with_version(dorset, starts_on=date(2023, 4, 1), ends_on=date(2026, 3, 31)).plan
    signed_in(client, officer)

    def add(count, start):
        grow(dorset, [officer, clerk], actions=count, seed=start)
        Action.objects.update(plan=plan, register_entry=entry)

    add(2, 10)
    urls = {"plans:plan": reverse("plans:plan", args=[plan.pk]), "duties:entry": entry.get_absolute_url()}
    counts = {}
    for name, url in urls.items():
        with django_assert_num_queries(PINNED[name]):
            client.get(url)
    add(200, 11)
    for name, url in urls.items():
        with django_assert_num_queries(PINNED[name]):
            counts[name] = client.get(url).status_code
    assert counts == {"plans:plan": 200, "duties:entry": 200}


# Every page: session, user, the menu's partnership and the person's roles. The meetings list:
# the partnership, a count and a page of meetings with their item and action counts. The
# actions list: the owners for the filter, a count, a page of actions and their owners. My
# actions: a count, a page and the owners. A plan or duty page with actions about it adds
# the items, the actions and the actions' owners to its own pin (plans:plan is 12 without).
PINNED = {
    "meetings:list": 6,
    "meetings:actions": 8,
    "meetings:my_actions": 7,
    "plans:plan": 15,
    "duties:entry": 9,
}


def test_the_forward_plan_does_not_grow_with_its_items(client, dorset, clerk, django_assert_num_queries):
    from meetings import minutes

    plan = plan_with_version(dorset, starts_on=date(2026, 4, 1), ends_on=date(2029, 3, 31)).plan

    def add(count):
        for n in range(count):
            minutes.add_forward_plan_item(
                dorset, by=clerk, planned_for=date(2099, 1 + n % 12, 1), title=f"Item {n}", plan=plan
            )

    signed_in(client, clerk)
    url = reverse("meetings:forward_plan", args=["dorset"])
    add(2)
    client.get(url)
    with django_assert_num_queries(FORWARD_PLAN):
        assert client.get(url).status_code == 200
    add(40)
    with django_assert_num_queries(FORWARD_PLAN):
        response = client.get(url)
    assert response.content.decode().count("Item ") >= 42


# Session, user, the menu's partnership and roles, the partnership, the items with their
# plans and duties.
FORWARD_PLAN = 5
