"""Lists and dashboards cost the same number of queries with 3 entries or 300."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from duties.models import RegisterEntry
from duties.register import write_entry_deadlines
from partnerships.models import Role
from reminders.models import Deadline
from tests.conftest import _person, signed_in
from tests.factories import DutyFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def fill_register(partnership, count):
    today = timezone.localdate()
    owner = _person(f"owner{count}", partnership, Role.Kind.OFFICER)
    board = OrganisationFactory(kind="board")
    for index in range(count):
        entry = RegisterEntry.objects.create(
            partnership=partnership,
            duty=DutyFactory(),
            owner=owner,
            delivered_by=board if index % 2 else None,
            next_due_on=today + timedelta(days=index - count // 2),
        )
        write_entry_deadlines(entry)


@pytest.mark.parametrize("url_name", ["partnerships:dashboard", "duties:register"])
def test_page_queries_do_not_grow_with_the_register(
    client, officer, dorset, url_name, django_assert_num_queries
):
    signed_in(client, officer)
    url = reverse(url_name, args=["dorset"])
    fill_register(dorset, 3)
    with django_assert_num_queries(PINNED[url_name]):
        client.get(url)
    fill_register(dorset, 297)
    assert RegisterEntry.objects.filter(partnership=dorset).count() == 300
    assert Deadline.objects.filter(partnership=dorset).count() == 300
    with django_assert_num_queries(PINNED[url_name]):
        response = client.get(url)
    assert response.status_code == 200


def test_filtered_register_queries_are_pinned_too(client, officer, dorset, django_assert_num_queries):
    signed_in(client, officer)
    fill_register(dorset, 300)
    with django_assert_num_queries(PINNED["duties:register"] + 1):
        client.get(reverse("duties:register", args=["dorset"]), {"status": "overdue", "owner": officer.pk})


# session, user, partnership, roles; then the dashboard: status counts, overdue, due soon,
# the DHR cases (and, when there are any, their stages, for the counts);
# the register: its entries and the owners for the filter
PINNED = {"partnerships:dashboard": 8, "duties:register": 6}


def test_dashboard_queries_do_not_grow_with_the_reviews(client, officer, dorset, django_assert_num_queries):
    from datetime import date

    from dhr.models import DhrCase, StageRecord

    def add_cases(first, count):
        for number in range(first, first + count):
            case = DhrCase.objects.create(partnership=dorset, reference=f"DHR {number}", pseudonym="Adult")
            StageRecord.objects.create(case=case, stage="notification", reached_on=date(2026, 1, 1))

    signed_in(client, officer)
    url = reverse("partnerships:dashboard", args=["dorset"])
    add_cases(0, 1)
    with django_assert_num_queries(PINNED["partnerships:dashboard"] + 1):
        client.get(url)
    add_cases(1, 60)
    with django_assert_num_queries(PINNED["partnerships:dashboard"] + 1):
        page = client.get(url).content.decode()
    assert 'govuk-table__cell--numeric">61<' in page, "all 61 reviews are counted as scoping"
