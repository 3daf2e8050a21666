"""Turn django-simple-history records into what a person reads on a history page:
who, when, and each field's old and new value in words, not database ids."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.utils import timezone

ACTIONS = {"+": "Created", "~": "Changed", "-": "Deleted"}
HIDDEN_FIELDS = {"version", "revision"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEvent:
    when: datetime
    who: str
    action: str
    subject: str
    changes: list[FieldChange] = field(default_factory=list)


def person(user):
    if user is None:
        return "CSP Tracker"
    return user.get_full_name() or user.get_username()


def _display(model_field, value, related):
    if value in (None, ""):
        return "(none)"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        return str(related.get((model_field.related_model, value), value))
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d %B %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d %B %Y")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _related_objects(pairs, model):
    """Fetch every object a foreign key in these changes points at, one query per model."""
    wanted = {}
    for change in pairs:
        model_field = model._meta.get_field(change.field)
        if isinstance(model_field, models.ForeignKey):
            ids = {change.old, change.new} - {None, ""}
            wanted.setdefault(model_field.related_model, set()).update(ids)
    related = {}
    for related_model, ids in wanted.items():
        for obj in related_model._default_manager.filter(pk__in=ids):
            related[(related_model, obj.pk)] = person(obj) if hasattr(obj, "get_username") else str(obj)
    return related


def field_changes(new_record, old_record, model):
    """The visible fields that differ between two historical records of one object."""
    delta = new_record.diff_against(old_record)
    changes = [c for c in delta.changes if c.field not in HIDDEN_FIELDS]
    related = _related_objects(changes, model)
    return [
        FieldChange(
            label=str(model._meta.get_field(c.field).verbose_name).capitalize(),
            old=_display(model._meta.get_field(c.field), c.old, related),
            new=_display(model._meta.get_field(c.field), c.new, related),
        )
        for c in changes
    ]


def history_events(records, model, *, subject=""):
    """Events newest first from one object's historical records (already newest first)."""
    records = list(records)
    events = []
    for index, record in enumerate(records):
        older = records[index + 1] if index + 1 < len(records) else None
        changes = field_changes(record, older, model) if older is not None else []
        if record.history_type == "~" and not changes:
            continue
        events.append(
            HistoryEvent(
                when=record.history_date,
                who=person(record.history_user),
                action=ACTIONS[record.history_type],
                subject=subject or str(record.instance),
                changes=changes,
            )
        )
    return events


class StaleEdit(Exception):
    """Someone saved the record after this editor opened it. Nothing was saved."""

    def __init__(self, current, changes):
        super().__init__("The record was changed by someone else")
        self.current = current
        self.changes = changes


def changes_since(obj, *, counter, value):
    """What changed in `obj` after its `counter` field (the edit number it carries) had `value`."""
    records = obj.history.select_related("history_user").order_by("-history_date", "-history_id")
    latest = records.first()
    started_from = records.filter(**{counter: value}).first()
    if latest is None or started_from is None:
        return []
    return field_changes(latest, started_from, type(obj))


def save_if_current(queryset, pk, *, by, counter, expected, editable, changes):
    """Apply an edit to the row, refusing it if the row moved on since the editor opened it.

    The row is locked while its edit number (`counter`) is compared, so two saves cannot
    both pass the check. Call inside a transaction. Returns the saved row.
    """
    unknown = set(changes) - set(editable)
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    current = queryset.select_for_update().get(pk=pk)
    if getattr(current, counter) != expected:
        raise StaleEdit(current, changes_since(current, counter=counter, value=expected))
    for name, value in changes.items():
        setattr(current, name, value)
    setattr(current, counter, expected + 1)
    return save_as(current, by)


def save_as(record, by):
    """Save a record with its history entry naming who made the change."""
    record._history_user = by
    record.save()
    return record
