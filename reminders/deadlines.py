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


@transaction.atomic
def write_deadlines(*, source, partnership, owner, link, specs, confidential=False):
    """Make the deadline table hold exactly `specs` for `source`.

    Rules the source no longer has (a due date cleared, say) lose their row; the rest are
    updated in place, so reminders already sent against a row stay attached to it.
    """
    source_type = ContentType.objects.get_for_model(source, for_concrete_model=True)
    existing = Deadline.objects.filter(source_type=source_type, source_id=source.pk)
    existing.exclude(rule__in=[spec.rule for spec in specs]).delete()
    for spec in specs:
        Deadline.objects.update_or_create(
            source_type=source_type,
            source_id=source.pk,
            rule=spec.rule,
            defaults={
                "partnership": partnership,
                "title": spec.title,
                "due_on": spec.due_on,
                "owner": owner,
                "rule_version": spec.rule_version,
                "legal_source": spec.legal_source,
                "link": link,
                "is_confidential": confidential,
                "met_on": spec.met_on,
            },
        )
