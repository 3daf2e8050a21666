from datetime import date

import pytest

from duties.models import Duty, RegisterEntry
from partnerships.models import Role
from reminders.deadlines import DeadlineSpec, write_deadlines
from reminders.models import Deadline
from tests.conftest import _person

pytestmark = pytest.mark.django_db


def write(entry, *specs, confidential=False):
    write_deadlines(
        source=entry,
        partnership=entry.partnership,
        owner=None,
        link="/x/",
        specs=list(specs),
        confidential=confidential,
    )


def test_rewriting_a_source_replaces_its_rules_in_place(entry):
    write(entry, DeadlineSpec("a", "A", date(2027, 1, 1)), DeadlineSpec("b", "B", date(2027, 2, 1)))
    first_a = Deadline.objects.get(rule="a").pk
    write(entry, DeadlineSpec("a", "A moved", date(2027, 3, 1)))
    assert list(Deadline.objects.values_list("rule", "title", "due_on")) == [
        ("a", "A moved", date(2027, 3, 1))
    ]
    assert Deadline.objects.get(rule="a").pk == first_a, "kept, so reminders sent against it stay attached"


def test_overdue_and_due_within_are_measured_from_today(entry):
    write(
        entry,
        DeadlineSpec("late", "Late", date(2026, 11, 23)),
        DeadlineSpec("soon", "Soon", date(2026, 11, 24)),
        DeadlineSpec("met", "Met", date(2026, 1, 1), met_on=date(2025, 12, 1)),
    )
    today = date(2026, 11, 24)
    assert [d.rule for d in Deadline.objects.overdue(today)] == ["late"]
    assert [d.rule for d in Deadline.objects.due_within(today, days=0)] == ["soon"]


def test_confidential_deadlines_are_seen_only_by_dhr_cleared_members(
    entry, officer, councillor, bcp_officer, dorset
):
    write(entry, DeadlineSpec("dhr", "A review needs attention", date(2027, 1, 1)), confidential=True)
    cleared = _person("cleared", dorset, Role.Kind.DHR_CLEARED)
    assert Deadline.objects.visible_to(cleared).count() == 1
    for person in (officer, councillor, bcp_officer):
        assert Deadline.objects.visible_to(person).count() == 0, person.username


def test_ordinary_deadlines_are_seen_by_members_of_their_partnership_only(entry, councillor, bcp_officer):
    write(entry, DeadlineSpec("due", "PSA due", date(2027, 1, 1)))
    assert Deadline.objects.visible_to(councillor).count() == 1
    assert Deadline.objects.visible_to(bcp_officer).count() == 0


def test_site_admins_who_are_not_dhr_cleared_do_not_see_confidential_deadlines(entry, django_user_model):
    write(entry, DeadlineSpec("dhr", "A review needs attention", date(2027, 1, 1)), confidential=True)
    plan = RegisterEntry.objects.create(
        partnership=entry.partnership, duty=Duty.objects.get(code="partnership-plan")
    )
    write(plan, DeadlineSpec("due", "Plan due", date(2027, 1, 1)))
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "unused-password-here")
    assert list(Deadline.objects.visible_to(admin).values_list("rule", flat=True)) == ["due"]


def test_an_unchanged_deadline_is_not_written_again(entry, django_assert_num_queries):
    spec = DeadlineSpec("a", "A", date(2027, 1, 1))
    write(entry, spec)
    stamp = Deadline.objects.get().updated_at
    # The content type is cached: a savepoint, one read of the source's rows, its release.
    with django_assert_num_queries(3):
        write(entry, spec)
    assert Deadline.objects.get().updated_at == stamp
    write(entry, DeadlineSpec("a", "A", date(2027, 1, 2)))
    assert Deadline.objects.get().updated_at > stamp
