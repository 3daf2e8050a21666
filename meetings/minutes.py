"""How CSP Tracker thinks about a partnership's meetings: the attendance lists, the items and
their resolutions, and the actions the meeting hands to named people.

The pure functions at the top take values and return values; the write functions below are
the one place each thing a clerk or officer does is saved, each atomic, each naming who did
it in the history, and each action writing its one deadline to the deadline table (so an
overdue action shows on the partnership's dashboard with no extra work).
"""

import re
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.functions import Lower

from csp_tracker.audit import save_as, save_if_current
from meetings.models import Action, AgendaItem, Attendance, ForwardPlanItem, Meeting
from partnerships.models import Organisation, Role
from reminders.deadlines import DeadlineSpec, write_deadlines

Group = Attendance.Group
ACTION_RULE = "action-due"
ACTION_RULE_VERSION = "2026-11"
ACTION_SOURCE = "Set by the partnership's meeting (a local deadline, not a statutory one)"
ACTION_TITLE_LENGTH = 120
NAME_LENGTH = Attendance._meta.get_field("name").max_length
ORGANISATION_LENGTH = Attendance._meta.get_field("organisation_name").max_length


class MeetingRefused(ValueError):
    """Something the minutes cannot hold: a due date before the meeting, an action with no
    owner. The message is written for the person at the form; `field` names the field."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.field = field


# --- Pure rules ---


def action_title(text: str) -> str:
    """The deadline's title: "Action: <the first line of the action>", kept short."""
    first = (text.strip().splitlines() or [""])[0].strip()
    title = f"Action: {first}"
    return title if len(title) <= ACTION_TITLE_LENGTH else title[: ACTION_TITLE_LENGTH - 1] + "…"


def action_deadline_specs(*, text: str, due_on: date, status: str, completed_on: date | None):
    """An action makes one deadline: its due date, met on the day it was done. The scale
    generator builds its rows from this same function."""
    return [
        DeadlineSpec(
            rule=ACTION_RULE,
            title=action_title(text),
            due_on=due_on,
            legal_source=ACTION_SOURCE,
            rule_version=ACTION_RULE_VERSION,
            met_on=completed_on if status == Action.Status.DONE else None,
        )
    ]


BULLET = re.compile(r"^[\s•·*\-–]+")


def parse_attendance(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Read one attendance list typed as "Name, Organisation", one person per line, as the
    minutes print it. The first comma ends the name, so "Cllr Graham Carr-Jones, Dorset
    Council, Chair" keeps the chair's role with the organisation. Bullets are dropped.

    Returns the people and, for lines that cannot be read, messages naming the line.
    """
    people, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        line = BULLET.sub("", line).strip()
        if not line:
            continue
        name, comma, organisation = (part.strip() for part in line.partition(","))
        if not comma or not name or not organisation:
            problems.append(f"Line {number}: write the name, a comma, then the organisation")
        elif len(name) > NAME_LENGTH:
            problems.append(f"Line {number}: the name must be {NAME_LENGTH} characters or fewer")
        elif len(organisation) > ORGANISATION_LENGTH:
            problems.append(
                f"Line {number}: the organisation must be {ORGANISATION_LENGTH} characters or fewer"
            )
        else:
            people.append((name, organisation))
    return people, problems


def attendance_text(records) -> str:
    """The lines parse_attendance reads, for a form showing what is recorded now."""
    return "\n".join(f"{r.name}, {r.organisation_name}" if r.organisation_name else r.name for r in records)


def due_date_problem(due_on: date, raised_on: date) -> str | None:
    if due_on < raised_on:
        return f"The due date must be on or after {raised_on:%-d %B %Y}, when the action was raised"
    return None


# --- Reads ---


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The meeting of the same kind (and sub-group) held before this one: its actions are
    this meeting's matters arising."""
    return (
        Meeting.objects.filter(
            partnership_id=meeting.partnership_id,
            kind=meeting.kind,
            sub_group=meeting.sub_group,
            held_on__lt=meeting.held_on,
        )
        .order_by("-held_on", "-pk")
        .first()
    )


def owners_in_order(action: Action) -> list:
    """The owners in the order they were named: the first is the deadline's owner."""
    through = Action.owners.through
    return [
        row.user for row in through.objects.filter(action_id=action.pk).select_related("user").order_by("pk")
    ]


def concerning(user, *, today: date, plan=None, register_entry=None):
    """The resolutions and actions about one plan or duty, for its page: two queries for the
    items and the actions, one for the actions' owners, however many there are."""
    link = {"plan": plan} if plan is not None else {"register_entry": register_entry}
    items = (
        AgendaItem.objects.visible_to(user)
        .filter(**link)
        .select_related("meeting")
        .order_by("-meeting__held_on", "number")
    )
    actions = (
        Action.objects.visible_to(user)
        .filter(**link)
        .select_related("agenda_item__meeting")
        .prefetch_related("owners")
        .order_by("due_on", "pk")
    )
    return {"agenda_items": items, "concerning_actions": actions, "today": today}


# --- Write functions ---


@transaction.atomic
def record_meeting(partnership, *, by, held_on: date, title: str, kind=Meeting.Kind.CSP_BOARD, sub_group=""):
    if kind == Meeting.Kind.SUB_GROUP and not sub_group.strip():
        raise MeetingRefused("Enter the name of the sub-group", field="sub_group")
    meeting = Meeting(partnership=partnership, held_on=held_on, title=title, kind=kind, sub_group=sub_group)
    return save_as(meeting, by)


def _organisations_by_name(names):
    wanted = {name.lower() for name in names}
    if not wanted:
        return {}
    found = Organisation.objects.annotate(lowered=Lower("name")).filter(lowered__in=wanted)
    return {organisation.lowered: organisation for organisation in found}


@transaction.atomic
def record_attendance(meeting: Meeting, *, by, groups: dict) -> list[Attendance]:
    """Make the meeting's four lists hold exactly `groups` ({group: [(name, organisation)]}).

    A list not given is left as it is. An organisation typed exactly as one the service
    knows (whatever the capitals) is linked to it, so attendance can be counted by body.
    """
    unknown = set(groups) - set(Group.values)
    if unknown:
        raise MeetingRefused(f"Unknown attendance list: {', '.join(sorted(unknown))}")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    organisations = _organisations_by_name(org for people in groups.values() for _, org in people)
    for old in Attendance.objects.filter(meeting=meeting, group__in=list(groups)):
        old._history_user = by
        old.delete()
    saved = []
    for group, people in groups.items():
        for order, (name, organisation_name) in enumerate(people):
            record = Attendance(
                meeting=meeting,
                group=group,
                name=name,
                organisation_name=organisation_name,
                organisation=organisations.get(organisation_name.lower()),
                order=order,
            )
            saved.append(save_as(record, by))
    return saved


@transaction.atomic
def add_agenda_item(
    meeting: Meeting,
    *,
    by,
    number: int,
    title: str,
    minutes: str = "",
    resolutions: str = "",
    plan=None,
    register_entry=None,
    matters_arising=(),
) -> AgendaItem:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if AgendaItem.objects.filter(meeting=meeting, number=number).exists():
        raise MeetingRefused(f"This meeting already has an item {number}", field="number")
    _check_links(meeting.partnership, plan=plan, register_entry=register_entry)
    previous = previous_meeting(meeting)
    allowed = (
        set(Action.objects.filter(agenda_item__meeting=previous).values_list("pk", flat=True))
        if previous
        else set()
    )
    if any(action.pk not in allowed for action in matters_arising):
        raise MeetingRefused(
            "Matters arising must be actions raised at the previous meeting", field="matters_arising"
        )
    item = AgendaItem(
        meeting=meeting,
        number=number,
        title=title,
        minutes=minutes,
        resolutions=resolutions,
        plan=plan,
        register_entry=register_entry,
    )
    save_as(item, by)
    if matters_arising:
        item._history_user = by
        item.matters_arising.set(matters_arising)
    return item


def _check_links(partnership, *, plan=None, register_entry=None, recommendation=None):
    if plan is not None and not plan.partnerships.filter(pk=partnership.pk).exists():
        raise MeetingRefused("Choose a plan this partnership shares", field="plan")
    if register_entry is not None and register_entry.partnership_id != partnership.pk:
        raise MeetingRefused("Choose a duty from this partnership's register", field="register_entry")
    if recommendation is not None and recommendation.case.partnership_id != partnership.pk:
        raise MeetingRefused(
            "Choose a recommendation from this partnership's reviews", field="recommendation"
        )


def _check_owners(partnership, owners):
    if not owners:
        raise MeetingRefused("Choose at least one owner for the action", field="owners")
    members = set(Role.objects.filter(partnership=partnership).values_list("user_id", flat=True))
    strangers = [owner for owner in owners if owner.pk not in members]
    if strangers:
        names = ", ".join(owner.get_full_name() or owner.get_username() for owner in strangers)
        raise MeetingRefused(f"Owners must be people of this partnership: {names} is not", field="owners")


@transaction.atomic
def add_action(
    partnership,
    *,
    by,
    text: str,
    owners,
    due_on: date,
    today: date,
    agenda_item: AgendaItem | None = None,
    recommendation=None,
    plan=None,
    register_entry=None,
    status: str = Action.Status.NOT_STARTED,
    update_notes: str = "",
) -> Action:
    """An action with its named owners (the first is the deadline's owner). Raised at an
    agenda item it dates from the meeting; otherwise from today."""
    owners = list(dict.fromkeys(owners))
    _check_owners(partnership, owners)
    if agenda_item is not None and agenda_item.meeting.partnership_id != partnership.pk:
        raise MeetingRefused("Choose an agenda item from this partnership's meetings", field="agenda_item")
    _check_links(partnership, plan=plan, register_entry=register_entry, recommendation=recommendation)
    raised_on = agenda_item.meeting.held_on if agenda_item is not None else today
    problem = due_date_problem(due_on, raised_on)
    if problem:
        raise MeetingRefused(problem, field="due_on")
    action = Action(
        partnership=partnership,
        text=text,
        raised_on=raised_on,
        due_on=due_on,
        status=status,
        completed_on=today if status == Action.Status.DONE else None,
        update_notes=update_notes,
        agenda_item=agenda_item,
        recommendation=recommendation,
        plan=plan,
        register_entry=register_entry,
    )
    save_as(action, by)
    _name_owners(action, owners, by)
    write_action_deadlines(action, owners=owners)
    return action


def _name_owners(action, owners, by):
    action._history_user = by
    # One at a time, so the through rows keep the order the owners were named in.
    for owner in owners:
        action.owners.add(owner)


EDITABLE_ACTION_FIELDS = ("text", "due_on", "status", "update_notes", "plan", "register_entry")


@transaction.atomic
def update_action(
    action: Action, *, by, expected_revision: int, today: date, owners=None, **changes
) -> Action:
    """Save a change to an action (its status, an update, a new due date, its owners),
    refusing it (StaleEdit) if someone else saved the action after this person opened it."""
    current = Action.objects.select_related("agenda_item__meeting").get(pk=action.pk)
    if "due_on" in changes:
        problem = due_date_problem(changes["due_on"], current.raised_on)
        if problem:
            raise MeetingRefused(problem, field="due_on")
    _check_links(current.partnership, plan=changes.get("plan"), register_entry=changes.get("register_entry"))
    if owners is not None:
        owners = list(dict.fromkeys(owners))
        _check_owners(current.partnership, owners)
    status = changes.get("status", current.status)
    if status == Action.Status.DONE:
        changes["completed_on"] = current.completed_on or today
    else:
        changes["completed_on"] = None
    current = save_if_current(
        Action.objects.select_related("partnership"),
        action.pk,
        by=by,
        counter="revision",
        expected=expected_revision,
        editable=(*EDITABLE_ACTION_FIELDS, "completed_on"),
        changes=changes,
    )
    if owners is not None and [o.pk for o in owners] != [o.pk for o in owners_in_order(current)]:
        current._history_user = by
        current.owners.clear()
        _name_owners(current, owners, by)
    write_action_deadlines(current)
    return current


def write_action_deadlines(action: Action, *, owners=None):
    """The action's due date, owned by its first owner and shared with the others, so every
    owner is reminded."""
    if owners is None:
        owners = owners_in_order(action)
    write_deadlines(
        source=action,
        partnership=action.partnership,
        owner=owners[0] if owners else None,
        co_owners=owners[1:],
        link=action.get_absolute_url(),
        specs=action_deadline_specs(
            text=action.text, due_on=action.due_on, status=action.status, completed_on=action.completed_on
        ),
    )


@transaction.atomic
def add_forward_plan_item(
    partnership, *, by, planned_for: date, title: str, month_only=False, plan=None, register_entry=None
) -> ForwardPlanItem:
    _check_links(partnership, plan=plan, register_entry=register_entry)
    if month_only:
        planned_for = planned_for.replace(day=1)
    item = ForwardPlanItem(
        partnership=partnership,
        planned_for=planned_for,
        month_only=month_only,
        title=title,
        plan=plan,
        register_entry=register_entry,
    )
    return save_as(item, by)


def people_of(partnership):
    """Who may own a partnership's actions: anyone with a role in it."""
    return (
        get_user_model()
        .objects.filter(csp_roles__partnership=partnership)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
