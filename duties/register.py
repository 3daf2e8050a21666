"""How the duty register thinks: an entry's status, its deadline, and the one write
function per thing an officer does (edit an entry, add evidence)."""

from datetime import date

from django.db import transaction

from csp_tracker.audit import field_changes
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


class StaleEdit(Exception):
    """Someone saved the entry after this editor opened it. Nothing was saved."""

    def __init__(self, current: RegisterEntry, changes):
        super().__init__("The register entry was changed by someone else")
        self.current = current
        self.changes = changes


def changes_since(entry: RegisterEntry, version: int):
    """What changed in the entry after the given version, in words, with who made the last change."""
    records = entry.history.select_related("history_user").order_by("-history_date", "-history_id")
    latest = records.first()
    started_from = records.filter(version=version).order_by("-history_date", "-history_id").first()
    if latest is None or started_from is None:
        return [], latest
    return field_changes(latest, started_from, RegisterEntry), latest


@transaction.atomic
def update_entry(entry: RegisterEntry, *, by, expected_version: int, **changes) -> RegisterEntry:
    """Save an officer's edit, refusing it if the entry moved on since they opened it.

    The row is locked while we compare versions, so two saves cannot both pass the check.
    """
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    current = RegisterEntry.objects.select_for_update().select_related("partnership", "duty").get(pk=entry.pk)
    if current.version != expected_version:
        field_list, _ = changes_since(current, expected_version)
        raise StaleEdit(current, field_list)
    for name, value in changes.items():
        setattr(current, name, value)
    current.version += 1
    current._history_user = by
    current.save()
    write_entry_deadlines(current)
    return current


@transaction.atomic
def add_evidence(entry: RegisterEntry, *, by, title: str, file=None, link: str = "") -> Evidence:
    evidence = Evidence(entry=entry, title=title, link=link, added_by=by)
    if file is not None:
        evidence.file = file
        evidence.size = file.size
        evidence.content_type = getattr(file, "detected_content_type", "")
    evidence._history_user = by
    evidence.save()
    return evidence
