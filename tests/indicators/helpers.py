import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

HEADER = "indicator,year,quarter,value,note\n"


def csv_file(text: str, *, name="figures.csv", header=HEADER):
    return SimpleUploadedFile(name, (header + text).encode(), content_type="text/csv")


def xlsx_file(rows, *, name="figures.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")
