"""Building, editing and issuing a pack: an issued pack's files and their SHA-256 never
change; a stale edit is refused; building again makes a new draft."""

import hashlib

import pytest
from django.utils import timezone

from csp_tracker.audit import StaleEdit
from scrutiny import building
from scrutiny.models import Pack
from tests.scrutiny.conftest import build_now
from tests.scrutiny.helpers import docx_headings, pdf_text

pytestmark = pytest.mark.django_db


def stored(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def test_a_build_stores_both_files_with_their_sha256(draft):
    assert draft.state == Pack.State.DRAFT and draft.progress == 100
    for field, recorded in ((draft.pdf, draft.pdf_sha256), (draft.docx, draft.docx_sha256)):
        assert hashlib.sha256(stored(field)).hexdigest() == recorded
    assert stored(draft.pdf).startswith(b"%PDF-") and draft.pages >= 2
    assert ("Heading 1", "Community Safety Annual Report 2023/24") in docx_headings(stored(draft.docx))


def test_issuing_records_who_and_when_and_keeps_the_files(draft, clerk):
    files = (stored(draft.pdf), stored(draft.docx))
    issued = building.issue(draft, by=clerk, expected_revision=draft.revision)
    assert issued.state == Pack.State.ISSUED and issued.issued_by == clerk and issued.issued_at
    assert (stored(issued.pdf), stored(issued.docx)) == files
    assert issued.history.first().history_user == clerk


def test_an_issued_pack_refuses_edits_and_its_files_never_change(issued, clerk):
    before = Pack.objects.get(pk=issued.pk)
    pdf, docx = stored(before.pdf), stored(before.docx)
    with pytest.raises(building.PackIssued):
        building.update_narrative(
            issued, by=clerk, expected_revision=issued.revision, executive_summary="Rewritten"
        )
    with pytest.raises(building.PackIssued):
        building.issue(issued, by=clerk, expected_revision=issued.revision)
    assert building.build(issued.pk, today=timezone.localdate()) is None

    again = build_now(building.build_again(issued, by=clerk))

    after = Pack.objects.get(pk=issued.pk)
    assert again.pk != issued.pk and again.state == Pack.State.DRAFT
    assert again.executive_summary == issued.executive_summary
    assert (after.pdf.name, after.docx.name) == (before.pdf.name, before.docx.name)
    assert (after.pdf_sha256, after.docx_sha256, after.issued_at) == (
        before.pdf_sha256,
        before.docx_sha256,
        before.issued_at,
    )
    assert (stored(after.pdf), stored(after.docx)) == (pdf, docx)
    assert hashlib.sha256(pdf).hexdigest() == after.pdf_sha256
    # The new draft says what changed since the pack just issued.
    assert again.content["since"]["title"] == issued.title
    assert "What has changed since the last pack" in pdf_text(stored(again.pdf))


def test_a_second_editor_s_stale_save_is_refused(draft, clerk, officer):
    opened_at = draft.revision
    building.update_narrative(draft, by=officer, expected_revision=opened_at, executive_summary="Officer's")
    with pytest.raises(StaleEdit) as refusal:
        building.update_narrative(draft, by=clerk, expected_revision=opened_at, executive_summary="Clerk's")
    assert "Executive summary" in [change.label for change in refusal.value.changes]
    assert Pack.objects.get(pk=draft.pk).executive_summary == "Officer's"


def test_editing_the_narrative_redraws_the_files_from_the_same_snapshot(draft, clerk):
    content = draft.content
    saved = building.update_narrative(
        draft, by=clerk, expected_revision=draft.revision, executive_summary="A summary for 2024."
    )
    assert saved.state == Pack.State.QUEUED
    redrawn = building.build(saved.pk, today=timezone.localdate(), refresh_data=False)
    assert redrawn.content == content
    assert "A summary for 2024." in pdf_text(stored(redrawn.pdf))


def test_a_pack_is_not_issued_without_its_narrative(live_data, dorset_council, clerk):
    from tests.scrutiny.conftest import COVER

    pack = build_now(building.start_build(live_data, by=clerk, council=dorset_council, **COVER))
    with pytest.raises(building.NotReady, match="Write the executive summary, budget, risk assessment and"):
        building.issue(pack, by=clerk, expected_revision=pack.revision)
    assert Pack.objects.get(pk=pack.pk).state == Pack.State.DRAFT


def test_a_pack_still_building_cannot_be_issued(live_data, dorset_council, clerk):
    from tests.scrutiny.conftest import COVER, NARRATIVE

    pack = building.start_build(live_data, by=clerk, council=dorset_council, **COVER, **NARRATIVE)
    with pytest.raises(building.NotReady, match="not built yet"):
        building.issue(pack, by=clerk, expected_revision=pack.revision)


def test_the_task_builds_the_pack_in_the_background(
    live_data, dorset_council, clerk, django_capture_on_commit_callbacks
):
    from csp_tracker.celery import app
    from tests.scrutiny.conftest import COVER

    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            pack = building.start_build(live_data, by=clerk, council=dorset_council, **COVER)
    finally:
        app.conf.task_always_eager = False
    assert Pack.objects.get(pk=pack.pk).state == Pack.State.DRAFT
