"""Who one partnership's deadlines are told to, and when: for the pages that explain it.

The sweep (`reminders.sweep`) works this out for every partnership at once; a page about one
deadline or one partnership needs only that partnership's settings and roles, so this reads
just those and hands them to the sweep's own `Audience`, whose rules decide. Changing the
thresholds or the lead is here too, with the check that refuses a stale save.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from csp_tracker.audit import FieldChange, person, save_as
from partnerships.models import Role
from reminders import working_days
from reminders.models import DEFAULT_DAYS_BEFORE, ReminderSettings
from reminders.sweep import Audience

MAX_THRESHOLDS = 8
MAX_DAYS = 365


@dataclass
class PartnershipAudience:
    """A partnership's `Audience`, with the people behind its ids, for showing by name."""

    audience: Audience
    settings: ReminderSettings | None
    people: dict = field(default_factory=dict)

    @property
    def days_before(self) -> list[int]:
        return self.audience.days_before

    @property
    def lead(self):
        return self.people.get(self.audience.lead)

    @property
    def admins(self) -> list:
        return self._named(self.audience.admins)

    def told(self, deadline) -> list:
        """Who is reminded before `deadline` is due, as the sweep decides (an owner whose
        account is closed is told nothing)."""
        owner = deadline.owner
        shared = [person for person in deadline.co_owners.all() if person.is_active]
        for someone in (owner, *shared):
            if someone is not None:
                self.people.setdefault(someone.pk, someone)
        shared_ids = [someone.pk for someone in shared]
        if owner is not None and not owner.is_active and not deadline.is_confidential:
            return self._named(shared_ids)
        return self._named(self.audience.told(deadline.owner_id, deadline.is_confidential, shared_ids))

    def escalated_to(self, deadline) -> list:
        """Who is told every week while `deadline` is overdue."""
        return self._named(self.audience.escalated_to(deadline.is_confidential))

    def escalated_as(self, deadline) -> str:
        """Why those people are the ones told while `deadline` is overdue, in words."""
        audience = self.audience
        leads = [audience.lead] if audience.lead is not None else audience.admins
        if deadline.is_confidential and not any(lead in audience.cleared for lead in leads):
            who = "the partnership lead is" if audience.lead is not None else "no partnership admin is"
            return f"the partnership's DHR-cleared members, as {who} DHR-cleared"
        if audience.lead is not None:
            return "the partnership lead"
        cleared = " who are DHR-cleared" if deadline.is_confidential else ""
        return f"the partnership admins{cleared}, as the partnership has no lead"

    def _named(self, ids) -> list:
        return sorted((self.people[pk] for pk in ids if pk in self.people), key=person)


def audience_of(partnership) -> PartnershipAudience:
    """The partnership's thresholds, lead, officers, admins and DHR-cleared members, as the
    sweep sees them (active accounts only), in two queries."""
    audience = Audience()
    settings = ReminderSettings.objects.filter(partnership=partnership).select_related("lead").first()
    people = {}
    if settings is not None:
        audience.days_before = settings.days_before or list(DEFAULT_DAYS_BEFORE)
        if settings.lead is not None and settings.lead.is_active:
            audience.lead = settings.lead_id
            people[settings.lead_id] = settings.lead
    roles = (
        Role.objects.filter(
            partnership=partnership,
            kind__in=[Role.Kind.OFFICER, Role.Kind.DHR_CLEARED, Role.Kind.ADMIN],
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user_id")
    )
    for role in roles:
        people[role.user_id] = role.user
        if role.kind == Role.Kind.OFFICER:
            audience.officers.append(role.user_id)
        elif role.kind == Role.Kind.DHR_CLEARED:
            audience.cleared.add(role.user_id)
        else:
            audience.admins.append(role.user_id)
    return PartnershipAudience(audience=audience, settings=settings, people=people)


def reminder_days(due_on: date, days_before) -> list[tuple[int, date]]:
    """Each threshold and the day its reminder goes out: the working day on or before, so
    "1 day before" a Monday deadline is the Friday (`reminders.sweep.reminder_occasion`)."""
    return [
        (days, working_days.on_or_before(due_on - timedelta(days=days)))
        for days in sorted(set(days_before), reverse=True)
    ]


def describe_days(days_before) -> str:
    """ "60, 30, 7 and 1 days before, and on the day" for people; "on the day" for 0."""
    days = sorted(set(days_before), reverse=True)
    before = [str(d) for d in days if d > 0]
    parts = []
    if before:
        listed = before[0] if len(before) == 1 else ", ".join(before[:-1]) + " and " + before[-1]
        parts.append(f"{listed} day{'s' if before != ['1'] else ''} before")
    if 0 in days:
        parts.append("on the day")
    return ", and ".join(parts)


def as_text(days_before) -> str:
    return ", ".join(str(days) for days in sorted(set(days_before), reverse=True))


class SettingsRefused(Exception):
    """Someone saved the partnership's reminder settings after this editor opened them."""

    def __init__(self, current, changes):
        super().__init__("The reminder settings were changed by someone else")
        self.current = current
        self.changes = changes


def _lead_name(lead_id):
    if lead_id is None:
        return "No lead: the partnership admins"
    user = get_user_model().objects.filter(pk=lead_id).first()
    return person(user) if user else "(someone no longer here)"


def change_settings(partnership, *, by, days_before, lead, started_from):
    """Save new thresholds and lead, refusing if the stored ones are no longer those the
    editor's form started from (`started_from`: (days_before list, lead id or None)).

    ReminderSettings keeps no edit number, so the values themselves are compared, under a
    row lock, so that two admins saving at once cannot both pass the check."""
    with transaction.atomic():
        settings, _ = ReminderSettings.objects.get_or_create(partnership=partnership)
        settings = ReminderSettings.objects.select_for_update().get(pk=settings.pk)
        stored = (sorted(settings.days_before or DEFAULT_DAYS_BEFORE, reverse=True), settings.lead_id)
        started_days, started_lead = started_from
        if stored != (sorted(started_days, reverse=True), started_lead):
            changes = []
            if stored[0] != sorted(started_days, reverse=True):
                changes.append(FieldChange("Days before", as_text(started_days), as_text(stored[0])))
            if stored[1] != started_lead:
                changes.append(
                    FieldChange("Partnership lead", _lead_name(started_lead), _lead_name(stored[1]))
                )
            raise SettingsRefused(settings, changes)
        settings.days_before = sorted(set(days_before), reverse=True)
        settings.lead = lead
        return save_as(settings, by)
