"""Reading a pack's files back as a reader's tools would: poppler's pdftotext for the PDF,
python-docx for the Word file."""

import io
import subprocess

import docx


def pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode()


def pdf_info(data: bytes) -> str:
    """What poppler's pdfinfo says of the file: page size, page count, whether it is tagged."""
    done = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode()


def docx_document(data: bytes):
    return docx.Document(io.BytesIO(data))


def docx_text(data: bytes) -> str:
    document = docx_document(data)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def docx_headings(data: bytes) -> list[tuple[str, str]]:
    """(style, text) of every heading: Word's own Heading styles, not bold paragraphs."""
    return [
        (paragraph.style.name, paragraph.text)
        for paragraph in docx_document(data).paragraphs
        if paragraph.style.name.startswith("Heading")
    ]
