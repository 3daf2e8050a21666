"""What evidence a partnership may upload: the type is read from the file's content by
libmagic (python-magic), never trusted from its name or the browser."""

from pathlib import PurePath

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

# Type found in the content -> how we name it to people.
ACCEPTED_TYPES = {
    "application/pdf": "PDF",
    "application/msword": "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.ms-excel": "Excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.ms-powerpoint": "PowerPoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
    "application/vnd.oasis.opendocument.text": "OpenDocument text",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "OpenDocument presentation",
    "text/csv": "CSV",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
}
ACCEPTED_DESCRIPTION = "PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG or JPEG"
# libmagic calls a CSV with few rows plain text; accept that only under a .csv name.
PLAIN_TEXT_AS_CSV = {"text/plain"}


def detect_content_type(uploaded_file) -> str:
    """The MIME type libmagic reads from the first part of the file."""
    position = uploaded_file.tell() if hasattr(uploaded_file, "tell") else 0
    uploaded_file.seek(0)
    head = uploaded_file.read(2 * 1024 * 1024)
    uploaded_file.seek(position)
    return magic.from_buffer(head, mime=True)


def accepted_type(content_type: str, filename: str) -> str | None:
    """The type we store for an accepted file, or None when it must be refused."""
    if content_type in ACCEPTED_TYPES:
        return content_type
    if content_type in PLAIN_TEXT_AS_CSV and PurePath(filename).suffix.lower() == ".csv":
        return "text/csv"
    return None


def check_upload(upload):
    """Refuse an oversized, empty or wrongly typed upload with the rule it broke; on success
    mark it with the type found in its content. Used by every form that takes a document."""
    limit = settings.EVIDENCE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"The selected file must be smaller than {filesizeformat(limit)} (it is {filesizeformat(upload.size)})"
        )
    if upload.size == 0:
        raise ValidationError("The selected file is empty")
    found = detect_content_type(upload)
    accepted = accepted_type(found, upload.name)
    if accepted is None:
        raise ValidationError(
            f"The selected file must be a {ACCEPTED_DESCRIPTION} file. Its content is {found}, whatever its name says"
        )
    upload.detected_content_type = accepted
    return upload


def private_download(stored_file, content_type: str):
    """A stored document as an attachment that no browser or proxy keeps, served as the
    type its content was found to be. Callers check permission first."""
    from django.http import FileResponse

    response = FileResponse(
        stored_file.open("rb"),
        as_attachment=True,
        filename=stored_file.name.rsplit("/", 1)[-1],
        content_type=content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
