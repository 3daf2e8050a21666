"""Generated meetings and actions: the shape asked for, the same deadlines the write
functions would write, and removed cleanly."""

from datetime import date

import pytest

from meetings import minutes, scale
from meetings.models import Action, AgendaItem, Attendance, Meeting
from partnerships.models import Role
from reminders.models import Deadline
from tests.conftest import _person
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


@pytest.fixture
def world(db):
    partnerships = [PartnershipFactory(slug=f"csp-{n:04d}") for n in range(3)]
    people = {
        p.pk: {
            "officer": [_person(f"o{n}", p, Role.Kind.OFFICER)],
            "clerk": [_person(f"c{n}", p, Role.Kind.CLERK)],
        }
        for n, p in enumerate(partnerships)
    }
    return partnerships, people


def test_generate_makes_meetings_items_and_actions_owned_by_each_partnerships_people(world):
    partnerships, people = world
    counts = scale.generate(seed=1, today=TODAY, partnerships=partnerships, users=people, actions=60)
    assert counts["meetings"] == 12 and Meeting.objects.count() == 12
    assert counts["actions"] == 60 == Deadline.objects.filter(rule=minutes.ACTION_RULE).count()
    assert Attendance.objects.count() == counts["meeting attendance"] > 0
    assert AgendaItem.objects.count() == 60
    for action in Action.objects.prefetch_related("owners"):
        allowed = {u.pk for group in people[action.partnership_id].values() for u in group}
        assert {o.pk for o in action.owners.all()} <= allowed
    assert Action.objects.overdue(TODAY).exists()
    assert set(Action.objects.values_list("status", flat=True)) == set(Action.Status.values)


def shared(deadline):
    return tuple(sorted(person.pk for person in deadline.co_owners.all()))


def test_generated_deadlines_match_what_the_write_function_stores(world):
    partnerships, people = world
    scale.generate(seed=2, today=TODAY, partnerships=partnerships, users=people, actions=30)
    stored = {
        d.source_id: (
            d.title,
            d.due_on,
            d.owner_id,
            d.met_on,
            d.rule_version,
            d.legal_source,
            d.link,
            shared(d),
        )
        for d in Deadline.objects.prefetch_related("co_owners")
    }
    assert any(row[-1] for row in stored.values()), "some actions have more than one owner"
    Deadline.objects.all().delete()
    for action in Action.objects.all():
        minutes.write_action_deadlines(action)
    rewritten = {
        d.source_id: (
            d.title,
            d.due_on,
            d.owner_id,
            d.met_on,
            d.rule_version,
            d.legal_source,
            d.link,
            shared(d),
        )
        for d in Deadline.objects.prefetch_related("co_owners")
    }
    assert stored == rewritten


def test_the_same_seed_gives_the_same_actions(world):
    partnerships, people = world
    scale.generate(seed=5, today=TODAY, partnerships=partnerships, users=people, actions=30)
    first = sorted(Action.objects.values_list("text", "due_on", "status"))
    scale.remove(partnerships)
    scale.generate(seed=5, today=TODAY, partnerships=partnerships, users=people, actions=30)
    assert sorted(Action.objects.values_list("text", "due_on", "status")) == first


def test_remove_deletes_what_generate_made(world):
    partnerships, people = world
    scale.generate(seed=3, today=TODAY, partnerships=partnerships, users=people, actions=30)
    scale.remove(partnerships)
    assert not Meeting.objects.exists() and not Action.objects.exists()
    assert not Deadline.objects.exists()
