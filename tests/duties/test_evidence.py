import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from duties.models import Evidence
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("_rels/.rels", "<Relationships/>")
        docx.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def add_url(entry):
    return reverse("duties:add_evidence", args=[entry.partnership.slug, entry.duty.code])


def upload(client, entry, name, content, title="PSA 2026 signed off", link=""):
    return client.post(
        add_url(entry), {"title": title, "link": link, "file": SimpleUploadedFile(name, content)}
    )


def test_officer_uploads_a_pdf_and_it_is_recorded_with_who_and_when(client, officer, entry):
    response = upload(signed_in(client, officer), entry, "psa.pdf", PDF)
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.content_type == "application/pdf"
    assert evidence.size == len(PDF)
    assert evidence.added_by == officer and evidence.added_at is not None
    assert evidence.history.get().history_user == officer


def test_word_document_is_accepted_by_its_content(client, officer, entry):
    response = upload(signed_in(client, officer), entry, "plan.docx", docx_bytes())
    assert response.status_code == 302
    assert Evidence.objects.get().content_type.endswith("wordprocessingml.document")


def test_a_program_named_pdf_is_refused_by_its_content(client, officer, entry):
    response = upload(signed_in(client, officer), entry, "psa.pdf", b"MZ\x90\x00" + b"\x00" * 200)
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG or JPEG file"
        in page
    )
    assert "application/x-dosexec" in page
    assert 'value="PSA 2026 signed off"' in page, "the title typed is kept"
    assert not Evidence.objects.exists()


def test_html_named_csv_is_refused(client, officer, entry):
    response = upload(
        signed_in(client, officer), entry, "figures.csv", b"<html><script>alert(1)</script></html>"
    )
    assert "The selected file must be a" in response.content.decode()
    assert not Evidence.objects.exists()


def test_csv_is_accepted(client, officer, entry):
    response = upload(signed_in(client, officer), entry, "asb.csv", b"quarter,reports\nQ1,3399\nQ2,3310\n")
    assert response.status_code == 302


def test_oversized_upload_is_refused_with_the_limit_in_the_message(client, officer, entry, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    response = upload(signed_in(client, officer), entry, "big.pdf", PDF + b"0" * 2048)
    page = response.content.decode()
    assert "The selected file must be smaller than 1.0\xa0KB" in page
    assert not Evidence.objects.exists()


def test_default_upload_limit_is_20_mb(settings):
    assert settings.EVIDENCE_MAX_BYTES == 20 * 1024 * 1024


def test_a_link_is_evidence_too(client, officer, entry):
    response = signed_in(client, officer).post(
        add_url(entry), {"title": "Published plan", "link": "https://www.dorsetcouncil.gov.uk/csp"}
    )
    assert response.status_code == 302
    assert Evidence.objects.get().link == "https://www.dorsetcouncil.gov.uk/csp"


def test_evidence_needs_a_file_or_a_link(client, officer, entry):
    response = signed_in(client, officer).post(add_url(entry), {"title": "Nothing attached"})
    assert "Choose a file to upload or give a link" in response.content.decode()
    assert not Evidence.objects.exists()


def download(client, evidence):
    return client.get(reverse("duties:download_evidence", args=[evidence.pk]))


def test_member_downloads_evidence_with_the_same_bytes(client, officer, councillor, entry):
    upload(signed_in(client, officer), entry, "psa.pdf", PDF)
    evidence = Evidence.objects.get()
    response = download(signed_in(client, councillor), evidence)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Cache-Control"] == "private, no-store"


def test_evidence_is_not_served_to_another_partnership_or_anonymous(client, officer, bcp_officer, entry):
    upload(signed_in(client, officer), entry, "psa.pdf", PDF)
    evidence = Evidence.objects.get()
    assert download(signed_in(client, bcp_officer), evidence).status_code == 404
    client.logout()
    anonymous = download(client, evidence)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
