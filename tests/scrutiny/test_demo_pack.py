"""The demo packs, read back as a councillor's tools would: the issued Dorset pack's PDF
(poppler's pdftotext) and Word file (python-docx) hold every section and every duty row of
the partnership, and no review's reference or pseudonym, even in a pack a DHR-cleared
officer built. The demo is loaded and the packs drawn once for the whole module."""

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from dhr.models import DhrCase
from duties.models import RegisterEntry
from partnerships.models import Council, Partnership
from scrutiny import building, render
from scrutiny.models import Pack
from tests.scrutiny.helpers import docx_document, docx_headings, docx_text, pdf_info, pdf_text

# Marked so that pytest-django sets up the test database, which the module's fixture uses.
pytestmark = pytest.mark.django_db


def _read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo_packs(django_db_setup, django_db_blocker, tmp_path_factory):
    """Everything the tests check, read inside one transaction that is then rolled back."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo", verbosity=0)
        dorset = Partnership.objects.get(slug="dorset")
        issued = Pack.objects.select_related("issued_by").get(partnership=dorset)
        bcp_pack = Pack.objects.get(partnership__slug="bcp")
        # A DHR-cleared officer builds a pack dated today: the reviews all count, none is named.
        cleared = get_user_model().objects.get(username="dhr")
        today = timezone.localdate()
        by_cleared = building.start_build(
            dorset,
            by=cleared,
            council=Council.objects.get(slug="dorset-council"),
            title="Community Safety Annual Report (DHR-cleared builder)",
            period_starts_on=today - timedelta(days=365),
            period_ends_on=today - timedelta(days=1),
            committee="People & Health Scrutiny Committee",
            committee_on=today,
        )
        by_cleared = building.build(by_cleared.pk, today=today)
        found = {
            "issued": issued,
            "issued_pdf": _read(issued.pdf),
            "issued_docx": _read(issued.docx),
            "pdf_path": Path(issued.pdf.path),
            "bcp": bcp_pack,
            "cleared_pdf": _read(by_cleared.pdf),
            "cleared_docx": _read(by_cleared.docx),
            "cleared_counts": by_cleared.content["dhr_counts"],
            "duties": [
                (entry.duty.title, entry.implementation)
                for entry in RegisterEntry.objects.filter(partnership=dorset).select_related("duty")
            ],
            "confidential": {
                text
                for case in DhrCase.objects.all()
                for text in (case.reference, case.pseudonym, case.name)
                if text
            },
        }
        transaction.set_rollback(True)
    return found


def test_the_demo_has_an_issued_dorset_pack_and_a_bcp_draft(demo_packs):
    issued = demo_packs["issued"]
    assert issued.is_issued and issued.issued_by.username == "clerk"
    assert issued.title == "Community Safety Annual Report 2023/24"
    assert demo_packs["bcp"].state == Pack.State.DRAFT and demo_packs["bcp"].has_files


def test_the_issued_files_match_their_recorded_sha256(demo_packs):
    issued = demo_packs["issued"]
    assert hashlib.sha256(demo_packs["issued_pdf"]).hexdigest() == issued.pdf_sha256
    assert hashlib.sha256(demo_packs["issued_docx"]).hexdigest() == issued.docx_sha256


def test_the_pdf_holds_every_section_and_every_duty_row(demo_packs):
    text = _words(pdf_text(demo_packs["issued_pdf"]))
    for section in render.SECTIONS:
        assert section in text, section
    assert len(demo_packs["duties"]) >= 10
    for title, narrative in demo_packs["duties"]:
        assert _words(title) in text and _words(narrative) in text, title
    assert (
        "That the Community Safety Plan 2023-2026 (2024-25 refresh), Pan-Dorset Reducing Reoffending Strategy "
        "2024-2027 and Serious Violence Strategy 2024-25 be recommended to Cabinet and Dorset Council for "
        "adoption." in text
    )
    assert f"Page 1 of {demo_packs['issued'].pages}" in text


def test_the_pdf_is_a4_and_tagged(demo_packs):
    info = pdf_info(demo_packs["issued_pdf"])
    assert "Tagged:          yes" in info
    assert "(A4)" in info
    assert f"Pages:           {demo_packs['issued'].pages}" in info
    assert "Title:           Community Safety Annual Report 2023/24" in info


def test_the_word_file_has_real_headings_and_every_duty_row(demo_packs):
    data = demo_packs["issued_docx"]
    headings = docx_headings(data)
    assert headings[0] == ("Heading 1", "Community Safety Annual Report 2023/24")
    assert [text for style, text in headings if style == "Heading 2"] == render.SECTIONS
    duty_table = next(t for t in docx_document(data).tables if t.rows[0].cells[0].text == "Duty")
    header = duty_table.rows[0]._tr
    assert header.trPr is not None and header.trPr.xpath("./w:tblHeader")
    rows = [(row.cells[0].text.split("\n")[0], row.cells[1].text) for row in duty_table.rows[1:]]
    assert sorted(rows) == sorted(demo_packs["duties"])


def test_no_review_is_named_in_either_file_whoever_built_it(demo_packs):
    words = demo_packs["confidential"]
    assert len(words) >= 10
    texts = {
        "issued PDF": pdf_text(demo_packs["issued_pdf"]),
        "issued Word": docx_text(demo_packs["issued_docx"]),
        "DHR-cleared builder's PDF": pdf_text(demo_packs["cleared_pdf"]),
        "DHR-cleared builder's Word": docx_text(demo_packs["cleared_docx"]),
    }
    assert {name: [w for w in words if w in text] for name, text in texts.items()} == dict.fromkeys(texts, [])
    # The counts are there: every review of the partnership is in one group or another.
    assert sum(count for _, count in demo_packs["cleared_counts"]) > 0
