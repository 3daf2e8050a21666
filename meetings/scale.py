"""Meetings and actions at national scale, for the benchmark data (partnerships.scale).

About four meetings per partnership with their attendance and agenda items, and ~10,000
actions in all, owned by the partnership's own people, with varied statuses and some overdue.
Written with bulk inserts, so no history rows (as for the rest of the generated data); each
action's deadline row is built from `meetings.minutes.action_deadline_specs`, the function
the write functions use, so the dashboards read generated actions exactly as real ones.
"""

import math
import random
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test.utils import override_settings

from meetings.minutes import action_deadline_specs
from meetings.models import Action, AgendaItem, Attendance, ForwardPlanItem, Meeting
from reminders.models import Deadline

BATCH_SIZE = 500
MEETINGS_PER_PARTNERSHIP = 4
ITEMS_PER_MEETING = 5
ITEM_TITLES = [
    "Minutes of the last meeting and matters arising",
    "Domestic Homicide Reviews",
    "Update on local priorities",
    "Partnership Strategic Assessment",
    "Serious Violence Duty",
    "Community Safety Plan refresh",
    "Reducing reoffending",
    "Forward plan",
]
VERBS = ["Circulate", "Report back on", "Agree the terms of", "Share the data on", "Draft", "Review"]
SUBJECTS = [
    "the delivery plan",
    "anti-social behaviour hot spots",
    "the serious violence needs assessment",
    "the domestic abuse action plan",
    "rural crime patrols",
    "the reducing reoffending strategy",
    "the scrutiny report",
]
ORGANISATIONS = ["Council", "Police", "NHS", "Fire and Rescue", "Probation", "Youth Justice Service"]
Status = Action.Status


def _people(users, partnership_pk):
    """The owners to draw from: `users` maps a partnership's id to its people, either a list
    or partnerships.scale's {role kind: [people]}."""
    found = users.get(partnership_pk) or []
    if isinstance(found, dict):
        preferred = [p for kind in ("officer", "clerk", "admin") for p in found.get(kind, [])]
        found = preferred or [p for people in found.values() for p in people]
    return list(dict.fromkeys(found))


def generate(*, seed: int, today: date, partnerships, users, actions: int = 10_000) -> dict[str, int]:
    rng = random.Random(seed)  # noqa: S311 (repeatable on purpose, not secret)
    partnerships = list(partnerships)
    counts = {}
    if not partnerships:
        return counts
    per_partnership = math.ceil(actions / len(partnerships))
    with transaction.atomic():
        meetings = []
        for partnership in partnerships:
            for n in range(MEETINGS_PER_PARTNERSHIP):
                held_on = today - timedelta(days=90 * (MEETINGS_PER_PARTNERSHIP - n) + rng.randint(0, 20))
                meetings.append(
                    Meeting(partnership=partnership, held_on=held_on, title=f"{partnership.name}")
                )
        meetings = Meeting.objects.bulk_create(meetings, batch_size=BATCH_SIZE)
        counts["meetings"] = len(meetings)

        attendance, items = [], []
        for meeting in meetings:
            for order, group in enumerate(
                rng.choices(Attendance.Group.values, [3, 3, 3, 1], k=rng.randint(6, 12))
            ):
                attendance.append(
                    Attendance(
                        meeting=meeting,
                        group=group,
                        name=f"Member {order + 1}",
                        organisation_name=rng.choice(ORGANISATIONS),
                        order=order,
                    )
                )
            for number, title in enumerate(rng.sample(ITEM_TITLES, ITEMS_PER_MEETING), start=1):
                items.append(
                    AgendaItem(
                        meeting=meeting,
                        number=number,
                        title=title,
                        minutes="Members discussed the report.",
                        resolutions="1. The report was noted" if rng.random() < 0.5 else "",
                    )
                )
        counts["meeting attendance"] = len(Attendance.objects.bulk_create(attendance, batch_size=BATCH_SIZE))
        items = AgendaItem.objects.bulk_create(items, batch_size=BATCH_SIZE)
        counts["agenda items"] = len(items)
        items_of = {}
        for item in items:
            items_of.setdefault(item.meeting.partnership_id, []).append(item)

        made, owners_of = [], []
        for partnership in partnerships:
            people = _people(users, partnership.pk)
            if not people:
                continue
            for _ in range(per_partnership):
                item = rng.choice(items_of[partnership.pk]) if rng.random() < 0.8 else None
                raised_on = item.meeting.held_on if item else today - timedelta(days=rng.randint(0, 300))
                due_on = raised_on + timedelta(days=rng.randint(14, 180))
                status = rng.choices(Status.values, [3, 3, 4])[0]
                completed_on = None
                if status == Status.DONE:
                    completed_on = min(today, raised_on + timedelta(days=rng.randint(1, 120)))
                made.append(
                    Action(
                        partnership=partnership,
                        text=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)}",
                        raised_on=raised_on,
                        due_on=due_on,
                        status=status,
                        completed_on=completed_on,
                        agenda_item=item,
                    )
                )
                owners_of.append(rng.sample(people, k=min(len(people), rng.choice([1, 1, 1, 2, 3]))))
        made = Action.objects.bulk_create(made, batch_size=BATCH_SIZE)
        counts["actions"] = len(made)
        through = Action.owners.through
        # In naming order, one row at a time within the batch, so the first owner has the lowest id.
        rows = [
            through(action_id=a.pk, user_id=o.pk)
            for a, owners in zip(made, owners_of, strict=True)
            for o in owners
        ]
        counts["action owners"] = len(through.objects.bulk_create(rows, batch_size=BATCH_SIZE))

        action_type = ContentType.objects.get_for_model(Action)
        deadlines = [
            Deadline(
                partnership_id=action.partnership_id,
                title=spec.title,
                due_on=spec.due_on,
                owner=owners[0],
                rule=spec.rule,
                rule_version=spec.rule_version,
                legal_source=spec.legal_source,
                source_type=action_type,
                source_id=action.pk,
                link=action.get_absolute_url(),
                is_confidential=False,
                met_on=spec.met_on,
            )
            for action, owners in zip(made, owners_of, strict=True)
            for spec in action_deadline_specs(
                text=action.text, due_on=action.due_on, status=action.status, completed_on=action.completed_on
            )
        ]
        counts["action deadlines"] = len(Deadline.objects.bulk_create(deadlines, batch_size=BATCH_SIZE))
        # The second and third owners share the deadline, as `write_action_deadlines` says.
        owners_by_action = {action.pk: owners for action, owners in zip(made, owners_of, strict=True)}
        shared_by = [
            Deadline.co_owners.through(deadline_id=deadline.pk, user_id=other.pk)
            for deadline in deadlines
            for other in owners_by_action[deadline.source_id][1:]
        ]
        counts["action deadline co-owners"] = len(
            Deadline.co_owners.through.objects.bulk_create(shared_by, batch_size=BATCH_SIZE)
        )
    return counts


def remove(partnerships) -> dict[str, int]:
    """Delete the meetings, forward plans and actions of these partnerships, and the actions'
    deadlines (the deadline table points at its sources loosely, so they go explicitly)."""
    ids = [p.pk for p in partnerships]
    deleted: dict[str, int] = {}

    def tally(result):
        for label, n in result[1].items():
            deleted[label] = deleted.get(label, 0) + n

    with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
        action_ids = list(Action.objects.filter(partnership_id__in=ids).values_list("pk", flat=True))
        action_type = ContentType.objects.get_for_model(Action)
        for start in range(0, len(action_ids), BATCH_SIZE):
            tally(
                Deadline.objects.filter(
                    source_type=action_type, source_id__in=action_ids[start : start + BATCH_SIZE]
                ).delete()
            )
        tally(Action.objects.filter(partnership_id__in=ids).delete())
        tally(Meeting.objects.filter(partnership_id__in=ids).delete())
        tally(ForwardPlanItem.objects.filter(partnership_id__in=ids).delete())
    return deleted
