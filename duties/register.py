"""How the duty register thinks: an entry's status, its deadline, and the one write
function per thing an officer does (edit an entry, add evidence)."""

from datetime import date

from django.db import transaction

from csp_tracker.audit import save_as, save_if_current
from duties.models import Evidence, RegisterEntry
from reminders.deadlines import DeadlineSpec, write_deadlines

EDITABLE_FIELDS = ("status", "implementation", "owner", "delivered_by", "next_due_on", "last_completed_on")


def current_status(status: str, next_due_on: date | None, today: date) -> str:
    """An entry whose next due date has passed is overdue, whatever was last recorded:
    nobody has to remember to mark it."""
    if next_due_on is not None and next_due_on < today:
        return RegisterEntry.Status.OVERDUE
    return status


def dates_in_order(next_due_on: date | None, last_completed_on: date | None) -> bool:
    return next_due_on is None or last_completed_on is None or next_due_on > last_completed_on


def deadline_specs(entry: RegisterEntry) -> list[DeadlineSpec]:
    """The duty's next due date is the one deadline a register entry makes."""
    if entry.next_due_on is None:
        return []
    return [
        DeadlineSpec(
            rule="duty-due",
            title=f"{entry.duty.title} due",
            due_on=entry.next_due_on,
            legal_source=entry.duty.legal_source,
        )
    ]


def write_entry_deadlines(entry: RegisterEntry):
    write_deadlines(
        source=entry,
        partnership=entry.partnership,
        owner=entry.owner,
        link=entry.get_absolute_url(),
        specs=deadline_specs(entry),
    )


@transaction.atomic
def update_entry(entry: RegisterEntry, *, by, expected_version: int, **changes) -> RegisterEntry:
    """Save an officer's edit, refusing it if the entry moved on since they opened it."""
    current = save_if_current(
        RegisterEntry.objects.select_related("partnership", "duty"),
        entry.pk,
        by=by,
        counter="version",
        expected=expected_version,
        editable=EDITABLE_FIELDS,
        changes=changes,
    )
    write_entry_deadlines(current)
    return current


@transaction.atomic
def add_evidence(entry: RegisterEntry, *, by, title: str, file=None, link: str = "") -> Evidence:
    evidence = Evidence(entry=entry, title=title, link=link, added_by=by)
    if file is not None:
        evidence.file = file
        evidence.size = file.size
        evidence.content_type = getattr(file, "detected_content_type", "")
    save_as(evidence, by)
    return evidence
