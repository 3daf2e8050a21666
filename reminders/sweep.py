"""The sweep: which reminders, escalations and digests are owed today.

It works from the deadline table as it stands, not from what happened yesterday, so a sweep
that was missed (worker down, broker down) is caught up by the next one, and running it
twice records nothing new. Each message is recorded under a unique key before it is sent;
`reminders.sending` sends them one at a time.

Who is told:
- a deadline's owner and those who share it (an action's other owners); a deadline with no
  owner, the partnership's officers;
- a Domestic Homicide Review's deadline, only the partnership's DHR-cleared members;
- an overdue deadline, the partnership lead (the admins where no lead is named), weekly
  until it is met; for a review's deadline, only a lead who is DHR-cleared.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from partnerships.models import Role
from reminders import working_days
from reminders.models import DEFAULT_DAYS_BEFORE, Deadline, Preferences, Reminder, ReminderSettings


def reminder_occasion(due_on: date, today: date, days_before) -> int | None:
    """The most urgent threshold whose day has come, or None (too early, or overdue).

    A threshold's day is `due_on` less that many days, moved back to a working day, so
    "1 day before" a Monday deadline arrives on the Friday. Thresholds passed before the
    deadline existed, or while the sweep was not running, are not sent late: only the
    most urgent one is, once.
    """
    if due_on < today:
        return None
    for days in sorted(set(days_before)):
        if working_days.on_or_before(due_on - timedelta(days=days)) <= today:
            return days
    return None


def escalation_occasion(due_on: date, today: date) -> int | None:
    """Which weekly overdue notice `today` falls in, or None while the deadline is not
    overdue. The first goes on the first working day after the due date; the next ones on
    the first working day of each week after, so a lead's notices arrive together once a
    week rather than a few every day."""
    if due_on >= today:
        return None
    first = working_days.after(due_on)
    if today < first:
        return None
    weeks = (_monday(today) - _monday(first)).days // 7
    if weeks and today < working_days.first_working_day_of_week(today):
        weeks -= 1  # a bank holiday Monday: this week's notice goes on the Tuesday
    return weeks + 1


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def digest_week(today: date) -> date | None:
    """The Monday of the week whose digest is owed, once its first working day has come."""
    if today < working_days.first_working_day_of_week(today):
        return None
    return today - timedelta(days=today.weekday())


@dataclass
class Audience:
    """The people of one partnership whom the sweep may tell something."""

    days_before: list = field(default_factory=lambda: list(DEFAULT_DAYS_BEFORE))
    lead: int | None = None
    officers: list = field(default_factory=list)
    cleared: set = field(default_factory=set)
    admins: list = field(default_factory=list)

    def told(self, owner: int | None, confidential: bool, co_owners=()) -> list[int]:
        if confidential:
            return sorted(self.cleared)
        if owner is None and not co_owners:
            return self.officers
        return [person for person in (owner, *co_owners) if person is not None]

    def escalated_to(self, confidential: bool) -> list[int]:
        leads = [self.lead] if self.lead is not None else self.admins
        if confidential:
            leads = [person for person in leads if person in self.cleared] or sorted(self.cleared)
        return leads


def audiences() -> tuple[dict[int, Audience], set[int]]:
    """Every partnership's thresholds and people, and who is active, in three queries."""
    active = set(get_user_model().objects.filter(is_active=True).values_list("pk", flat=True))
    by_partnership = defaultdict(Audience)
    for partnership_id, days_before, lead_id in ReminderSettings.objects.values_list(
        "partnership_id", "days_before", "lead_id"
    ):
        audience = by_partnership[partnership_id]
        audience.days_before = days_before or list(DEFAULT_DAYS_BEFORE)
        audience.lead = lead_id if lead_id in active else None
    roles = Role.objects.filter(kind__in=[Role.Kind.OFFICER, Role.Kind.DHR_CLEARED, Role.Kind.ADMIN])
    for partnership_id, kind, user_id in roles.order_by("user_id").values_list(
        "partnership_id", "kind", "user_id"
    ):
        if user_id not in active:
            continue
        audience = by_partnership[partnership_id]
        if kind == Role.Kind.OFFICER:
            audience.officers.append(user_id)
        elif kind == Role.Kind.DHR_CLEARED:
            audience.cleared.add(user_id)
        else:
            audience.admins.append(user_id)
    return by_partnership, active


def owed(today: date) -> list[Reminder]:
    """Every reminder, escalation and digest owed today, recorded or not."""
    people, active = audiences()
    window = max([settings.REMINDER_DIGEST_DAYS, *(max(a.days_before, default=0) for a in people.values())])
    deadlines = (
        Deadline.objects.open()
        .filter(due_on__lte=today + timedelta(days=window))
        .order_by()
        .values_list("pk", "partnership_id", "owner_id", "due_on", "is_confidential")
    )
    co_owners = defaultdict(list)
    for deadline_id, user_id in (
        Deadline.co_owners.through.objects.filter(
            deadline__met_on__isnull=True,
            deadline__due_on__lte=today + timedelta(days=window),
            user__is_active=True,
        )
        .order_by("user_id")
        .values_list("deadline_id", "user_id")
    ):
        co_owners[deadline_id].append(user_id)
    owed = []
    with_something_outstanding = set()
    digest_until = today + timedelta(days=settings.REMINDER_DIGEST_DAYS)
    for pk, partnership_id, owner_id, due_on, confidential in deadlines:
        audience = people[partnership_id]
        shared = co_owners.get(pk, ())
        if owner_id is not None and owner_id not in active and not confidential:
            told = list(shared)  # an owner who has left is told nothing; the lead hears once overdue
        else:
            told = audience.told(owner_id, confidential, shared)
        if due_on <= digest_until:
            with_something_outstanding.update(told)
        occasion = reminder_occasion(due_on, today, audience.days_before)
        if occasion is not None:
            owed += [
                Reminder(
                    kind=Reminder.Kind.REMINDER,
                    deadline_id=pk,
                    due_on=due_on,
                    occasion=occasion,
                    recipient_id=person,
                )
                for person in told
            ]
            continue
        week = escalation_occasion(due_on, today)
        if week is not None:
            owed += [
                Reminder(
                    kind=Reminder.Kind.ESCALATION,
                    deadline_id=pk,
                    due_on=due_on,
                    occasion=week,
                    recipient_id=person,
                )
                for person in audience.escalated_to(confidential)
            ]
    monday = digest_week(today)
    if monday is not None:
        muted = set(Preferences.objects.filter(weekly_digest=False).values_list("user_id", flat=True))
        owed += [
            Reminder(kind=Reminder.Kind.DIGEST, due_on=monday, occasion=0, recipient_id=person)
            for person in sorted(with_something_outstanding - muted)
        ]
    return owed


def _key(reminder) -> tuple:
    return (reminder.kind, reminder.deadline_id, reminder.due_on, reminder.occasion, reminder.recipient_id)


def record(today: date) -> list[int]:
    """Record what is owed today and not yet recorded; return every reminder still waiting
    to be sent (including any a sweep interrupted earlier)."""
    wanted = owed(today)
    digest_weeks = {reminder.due_on for reminder in wanted if reminder.kind == Reminder.Kind.DIGEST}
    # What was recorded before for deadlines still open (a join, not a list of ids, so the
    # query stays one statement however many deadlines there are).
    known = set(
        Reminder.objects.filter(deadline__met_on__isnull=True)
        .order_by()
        .values_list("kind", "deadline_id", "due_on", "occasion", "recipient_id")
        .iterator(chunk_size=5000)
    )
    if digest_weeks:
        known.update(
            Reminder.objects.filter(kind=Reminder.Kind.DIGEST, due_on__in=digest_weeks)
            .order_by()
            .values_list("kind", "deadline_id", "due_on", "occasion", "recipient_id")
        )
    new = [reminder for reminder in wanted if _key(reminder) not in known]
    with transaction.atomic():
        # The unique constraints settle a race with another sweep running at the same time.
        Reminder.objects.bulk_create(new, ignore_conflicts=True, batch_size=2000)
    return list(
        Reminder.objects.filter(state=Reminder.State.PENDING).order_by("pk").values_list("pk", flat=True)
    )
