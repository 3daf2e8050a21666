"""The one place each thing a clerk does to a pack is saved: ask for a build, let the worker
build it, edit the narrative, issue it, build again.

A build runs in the background (scrutiny.tasks) and writes its progress as it goes. Issuing
freezes a pack: its files and their SHA-256 are never written again, and every write
function refuses an issued pack. Building again from an issued pack makes a new draft.
"""

import logging
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from csp_tracker.audit import save_as, save_if_current
from scrutiny import pack as pack_rules
from scrutiny import render
from scrutiny.models import Pack

logger = logging.getLogger(__name__)

COVER_FIELDS = (
    "council",
    "title",
    "period_starts_on",
    "period_ends_on",
    "committee",
    "committee_on",
    "cabinet_on",
    "full_council_on",
    "portfolio_holder",
    "director",
    "report_author",
    "officer_contact",
    "officer_phone",
    "officer_email",
)
NARRATIVE_FIELDS = ("executive_summary", "budget", "risk", "climate", "other_implications")
# What must be written before a pack goes to the committee.
REQUIRED_TO_ISSUE = {
    "executive_summary": "executive summary",
    "budget": "budget",
    "risk": "risk assessment",
    "climate": "climate implications",
}


class PackIssued(Exception):
    """An issued pack never changes."""


class NotReady(ValueError):
    """The pack cannot be issued yet; the message says why."""


def date_problems(
    *,
    period_starts_on: date | None,
    period_ends_on: date | None,
    committee_on: date | None,
    cabinet_on: date | None,
    full_council_on: date | None,
) -> dict[str, str]:
    """Dates out of order, by the field to correct: the period ends after it starts, the
    committee meets after the period starts, Cabinet after the committee, Full Council last."""
    problems = {}
    if period_starts_on and period_ends_on and period_ends_on <= period_starts_on:
        problems["period_ends_on"] = "The period must end after it starts"
    if period_starts_on and committee_on and committee_on <= period_starts_on:
        problems["committee_on"] = "The committee must meet after the period starts"
    if committee_on and cabinet_on and cabinet_on <= committee_on:
        problems["cabinet_on"] = "Cabinet must meet after the committee"
    before_council = cabinet_on or committee_on
    if before_council and full_council_on and full_council_on <= before_council:
        problems["full_council_on"] = (
            "Full Council must meet after Cabinet"
            if cabinet_on
            else "Full Council must meet after the committee"
        )
    return problems


def _queue(pack_id: int, *, refresh_data: bool):
    from scrutiny.tasks import build_pack

    transaction.on_commit(lambda: build_pack.delay(pack_id, refresh_data=refresh_data))


@transaction.atomic
def start_build(partnership, *, by, **fields) -> Pack:
    """A new draft, queued for the worker to build from the live data."""
    unknown = set(fields) - set(COVER_FIELDS) - set(NARRATIVE_FIELDS)
    if unknown:
        raise TypeError(f"Not a pack field: {', '.join(sorted(unknown))}")
    pack = Pack(partnership=partnership, created_by=by, state=Pack.State.QUEUED, **fields)
    save_as(pack, by)
    _queue(pack.pk, refresh_data=True)
    return pack


@transaction.atomic
def build_again(pack: Pack, *, by) -> Pack:
    """Build from today's live data. An issued pack stays as it is: its cover and narrative
    are copied into a new draft. A draft is rebuilt in place."""
    current = Pack.objects.select_for_update().get(pk=pack.pk)
    if current.is_issued:
        fields = {name: getattr(current, name) for name in COVER_FIELDS + NARRATIVE_FIELDS}
        return start_build(current.partnership, by=by, **fields)
    if current.is_building:
        return current
    current.state, current.progress, current.progress_note = Pack.State.QUEUED, 0, ""
    save_as(current, by)
    _queue(current.pk, refresh_data=True)
    return current


def _report(pack_id):
    def progress(percent: int, note: str):
        Pack.objects.filter(pk=pack_id, state=Pack.State.BUILDING).update(
            progress=percent, progress_note=note
        )

    return progress


def build(pack_id: int, *, today: date, refresh_data: bool = True) -> Pack | None:
    """Build a draft: read the live data (unless only the narrative changed), draw the PDF
    and the Word file, store them with their SHA-256. Called by the worker; safe to run twice.
    Never touches an issued pack."""
    with transaction.atomic():
        pack = Pack.objects.select_for_update().select_related("partnership", "council").get(pk=pack_id)
        if pack.is_issued:
            return None
        # An update, not a save: starting is not a change anyone needs in the history.
        Pack.objects.filter(pk=pack_id).update(
            state=Pack.State.BUILDING, progress=5, progress_note="Starting", build_error=""
        )
    progress = _report(pack_id)
    try:
        content = pack.content
        if refresh_data or not content:
            content = pack_rules.gather(pack, today=today, progress=progress)
            content["since"] = pack_rules.since_last(pack, content)
        pack.content = content
        progress(70, "Drawing the PDF")
        pdf, pages = render.pdf(pack)
        progress(90, "Writing the Word file")
        docx = render.docx(pack)
    except Exception as error:
        logger.exception("Building scrutiny pack %s failed", pack_id)
        Pack.objects.filter(pk=pack_id, state=Pack.State.BUILDING).update(
            state=Pack.State.FAILED, build_error=f"{type(error).__name__}: {error}"[:300]
        )
        return None
    with transaction.atomic():
        current = Pack.objects.select_for_update().get(pk=pack_id)
        if current.state != Pack.State.BUILDING:
            return None  # issued, or asked to build again meanwhile: that build will finish it
        for stored in (current.pdf, current.docx):
            if stored:
                stored.delete(save=False)
        stem = f"{current.partnership.slug}-scrutiny-pack-{current.pk}"
        current.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        current.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
        current.pdf_sha256, current.docx_sha256 = render.sha256(pdf), render.sha256(docx)
        current.content, current.pages = content, pages
        current.state, current.progress, current.progress_note = Pack.State.DRAFT, 100, "Ready"
        current.built_at = timezone.now()
        save_as(current, current.created_by)
    return current


@transaction.atomic
def update_narrative(pack: Pack, *, by, expected_revision: int, **narrative) -> Pack:
    """Save the officers' narrative, refusing a stale save or an issued pack, then redraw the
    files from the same snapshot of the live data."""
    current = Pack.objects.select_for_update().get(pk=pack.pk)
    if current.is_issued:
        raise PackIssued
    saved = save_if_current(
        Pack.objects.all(),
        pack.pk,
        by=by,
        counter="revision",
        expected=expected_revision,
        editable=NARRATIVE_FIELDS + ("state", "progress"),
        changes={**narrative, "state": Pack.State.QUEUED, "progress": 0},
    )
    _queue(saved.pk, refresh_data=False)
    return saved


def missing_narrative(pack: Pack) -> list[str]:
    return [label for name, label in REQUIRED_TO_ISSUE.items() if not getattr(pack, name).strip()]


def stored_hash(stored_file) -> str:
    with stored_file.open("rb") as handle:
        return render.sha256(handle.read())


@transaction.atomic
def issue(pack: Pack, *, by, expected_revision: int) -> Pack:
    """Freeze the pack: who issued it and when; its files and their SHA-256 as they are."""
    current = Pack.objects.select_for_update().get(pk=pack.pk)
    if current.is_issued:
        raise PackIssued
    if current.revision != expected_revision:
        raise NotReady(
            "Someone changed the pack after you opened it. Check the preview, then issue it again."
        )
    if current.state != Pack.State.DRAFT or not current.has_files:
        raise NotReady("The pack is not built yet. Wait until it is ready, then issue it.")
    missing = missing_narrative(current)
    if missing:
        raise NotReady(f"Write the {pack_rules.name_list(missing)} before issuing the pack.")
    if stored_hash(current.pdf) != current.pdf_sha256 or stored_hash(current.docx) != current.docx_sha256:
        raise NotReady("The pack's files do not match what was built. Build it again, then issue it.")
    current.state, current.issued_by, current.issued_at = Pack.State.ISSUED, by, timezone.now()
    current.revision += 1
    return save_as(current, by)
