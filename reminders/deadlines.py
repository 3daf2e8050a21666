"""The one function every app writes its deadlines through."""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from reminders.models import Deadline


@dataclass(frozen=True)
class DeadlineSpec:
    """A deadline as an app's rules module computes it, before it is stored."""

    rule: str
    title: str
    due_on: date
    legal_source: str = ""
    rule_version: str = ""
    met_on: date | None = None


FIELDS = ("partnership_id", "title", "due_on", "owner_id", "rule_version", "legal_source", "link")
UPSERT_FIELDS = [name.removesuffix("_id") for name in FIELDS] + ["is_confidential", "met_on", "updated_at"]


@transaction.atomic
def write_deadlines(
    *, source, partnership, owner, link, specs, confidential=False, rules_prefix="", co_owners=None
):
    """Make the deadline table hold exactly `specs` for `source`.

    Rules the source no longer has (a due date cleared, say) lose their row; the rest are
    updated in place, so reminders already sent against a row stay attached to it. Rows
    that have not changed are not written, and the rest go in one upsert.

    With `rules_prefix`, only the source's rules starting with it are managed, so a record
    whose deadlines come from more than one writer (a partnership) keeps the others' rows.

    `co_owners`, when given, are the people who share the obligation with the owner (an
    action's other owners); each of the source's deadlines is given exactly them.
    """
    if any(not spec.rule.startswith(rules_prefix) for spec in specs):
        raise ValueError(f"Every rule must start with {rules_prefix!r}")
    source_type = ContentType.objects.get_for_model(source, for_concrete_model=True)
    rows = Deadline.objects.filter(source_type=source_type, source_id=source.pk)
    if rules_prefix:
        rows = rows.filter(rule__startswith=rules_prefix)
    existing = {row.rule: row for row in rows}
    gone = [row.pk for rule, row in existing.items() if rule not in {spec.rule for spec in specs}]
    if gone:
        Deadline.objects.filter(pk__in=gone).delete()
    wanted = [
        Deadline(
            source_type=source_type,
            source_id=source.pk,
            rule=spec.rule,
            partnership=partnership,
            title=spec.title,
            due_on=spec.due_on,
            owner=owner,
            rule_version=spec.rule_version,
            legal_source=spec.legal_source,
            link=link,
            is_confidential=confidential,
            met_on=spec.met_on,
        )
        for spec in specs
    ]
    changed = [row for row in wanted if _differs(row, existing.get(row.rule))]
    if changed:
        Deadline.objects.bulk_create(
            changed,
            update_conflicts=True,
            unique_fields=["source_type", "source_id", "rule"],
            update_fields=UPSERT_FIELDS,
        )
    if co_owners is not None:
        _write_co_owners(
            rows.filter(rule__in=[spec.rule for spec in specs]), {person.pk for person in co_owners}
        )


def _write_co_owners(rows, wanted: set[int]):
    through = Deadline.co_owners.through
    deadline_ids = list(rows.values_list("pk", flat=True))
    held = set(through.objects.filter(deadline_id__in=deadline_ids).values_list("deadline_id", "user_id"))
    should = {(deadline_id, user_id) for deadline_id in deadline_ids for user_id in wanted}
    if held - should:
        through.objects.filter(deadline_id__in=deadline_ids).exclude(user_id__in=wanted).delete()
    if should - held:
        through.objects.bulk_create(
            [through(deadline_id=d, user_id=u) for d, u in should - held], ignore_conflicts=True
        )


def _differs(row: Deadline, stored: Deadline | None) -> bool:
    if stored is None:
        return True
    return any(getattr(row, name) != getattr(stored, name) for name in (*FIELDS, "is_confidential", "met_on"))
