"""Quarterly figures from a CSV or Excel (.xlsx) file: read, check every row, then save all or none.

The officer uploads a file and sees what each row would do before anything is saved (the dry
run). Between the dry run and the confirmation the checked rows wait in the person's session,
under the SHA-256 of the file they came from: no uploaded file is kept on disk, the rows are
small (a quarter's return is a few dozen rows; MAX_ROWS caps it), and the confirmation must
name the same digest, so confirming in one tab cannot save the rows of a different file
previewed in another. On confirmation every row is checked again against the figures stored
by then, because someone may have recorded the same quarter in the meantime.
"""

import csv
import hashlib
import io
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db import transaction

from csp_tracker.audit import save_as
from indicators.figures import FigureRefused, number, parse_quarter, parse_value, parse_year
from indicators.models import Indicator, IndicatorValue, year_label

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_TYPES = {CSV_TYPE: "CSV", XLSX_TYPE: "Excel (.xlsx)"}
REQUIRED_COLUMNS = ("indicator", "year", "quarter", "value")
OPTIONAL_COLUMNS = ("note",)
MAX_ROWS = 2000
SESSION_KEY = "indicators_pending_import"


class FileRefused(ValueError):
    """The whole file is unusable (wrong type, missing columns, unreadable)."""


@dataclass
class RowResult:
    number: int  # the row number a spreadsheet shows: the header is row 1
    indicator: str
    year: str
    quarter: str
    value: str
    note: str = ""
    indicator_id: int | None = None
    year_start: int | None = None
    quarter_number: int | None = None
    amount: str = ""  # the parsed value, as a string so it survives the session's JSON
    action: str = ""  # "add" or "replace" when the row is good
    replaces: str = ""  # the figure it replaces, for the dry run
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, why)

    @property
    def ok(self):
        return not self.errors

    @property
    def period(self):
        if self.year_start is None or self.quarter_number is None:
            return ""
        if self.quarter_number == IndicatorValue.FULL_YEAR:
            return f"{year_label(self.year_start)} full year"
        return f"{year_label(self.year_start)} Q{self.quarter_number}"


@dataclass
class Preview:
    rows: list[RowResult]
    replace: bool
    digest: str = ""

    @property
    def ok(self):
        return bool(self.rows) and all(row.ok for row in self.rows)

    @property
    def problems(self):
        return [row for row in self.rows if not row.ok]

    @property
    def adding(self):
        return sum(1 for row in self.rows if row.ok and row.action == "add")

    @property
    def replacing(self):
        return sum(1 for row in self.rows if row.ok and row.action == "replace")


def digest_of(upload) -> str:
    upload.seek(0)
    sha = hashlib.sha256()
    for chunk in upload.chunks():
        sha.update(chunk)
    upload.seek(0)
    return sha.hexdigest()


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(upload, content_type: str) -> list[list[str]]:
    """The file's rows as text cells, header first. `content_type` is what check_upload found
    in the content (never the name), so a renamed file cannot pass as another kind."""
    upload.seek(0)
    if content_type == CSV_TYPE:
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FileRefused("The CSV file must be saved as UTF-8 (in Excel: Save as, CSV UTF-8)") from None
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    if content_type == XLSX_TYPE:
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds for a damaged file
            raise FileRefused("The Excel file could not be read: save it again as .xlsx and retry") from None
        try:
            sheet = workbook.worksheets[0]
            rows = []
            for row in sheet.iter_rows(values_only=True):
                rows.append([_cell(cell) for cell in row])
                if len(rows) > MAX_ROWS + 1:
                    break
            return rows
        finally:
            workbook.close()
    raise FileRefused(f"The selected file must be a CSV or Excel (.xlsx) file. Its content is {content_type}")


def columns_of(header: list[str]) -> dict[str, int]:
    """Column name -> position. Refuses a file missing any required column, naming them."""
    positions = {}
    for index, name in enumerate(header):
        key = name.strip().lower()
        if key in REQUIRED_COLUMNS + OPTIONAL_COLUMNS and key not in positions:
            positions[key] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in positions]
    if missing:
        raise FileRefused(
            f"The file is missing the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}. "
            f"The first row must name the columns: {', '.join(REQUIRED_COLUMNS)} (and optionally note)"
        )
    return positions


def raw_rows(table: list[list[str]]) -> list[RowResult]:
    """The data rows as typed, skipping blank ones, before any checking."""
    if not table:
        raise FileRefused("The selected file is empty")
    positions = columns_of(table[0])
    rows = []
    for number_, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue

        def at(column, cells=cells):
            index = positions.get(column)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        rows.append(RowResult(number_, at("indicator"), at("year"), at("quarter"), at("value"), at("note")))
    if not rows:
        raise FileRefused("The file has a header row but no figures")
    if len(rows) > MAX_ROWS:
        raise FileRefused(f"The file has more than {MAX_ROWS:,} rows: split it into smaller files")
    return rows


def check_rows(partnership, rows: list[RowResult], *, replace: bool) -> Preview:
    """Check every row against the partnership's indicators and the figures already stored,
    in two queries however long the file. Marks each row "add" or "replace", or its errors."""
    indicators = {
        name.casefold(): pk
        for pk, name in Indicator.objects.filter(partnership=partnership).values_list("pk", "name")
    }
    seen = {}
    for row in rows:
        row.errors, row.action, row.replaces = [], "", ""
        row.indicator_id = indicators.get(row.indicator.strip().casefold())
        if not row.indicator:
            row.errors.append(("indicator", "Enter the indicator's name"))
        elif row.indicator_id is None:
            row.errors.append(
                ("indicator", f"“{row.indicator}” is not one of {partnership.name}'s indicators")
            )
        for column, parse, target in (
            ("year", parse_year, "year_start"),
            ("quarter", parse_quarter, "quarter_number"),
            ("value", parse_value, "amount"),
        ):
            try:
                parsed = parse(getattr(row, column))
            except FigureRefused as refusal:
                setattr(row, target, None if target != "amount" else "")
                row.errors.append((column, str(refusal)))
            else:
                setattr(row, target, str(parsed) if target == "amount" else parsed)
        if row.indicator_id is not None and row.year_start is not None and row.quarter_number is not None:
            key = (row.indicator_id, row.year_start, row.quarter_number)
            if key in seen:
                row.errors.append(
                    ("quarter", f"{row.period} for this indicator is also in row {seen[key]} of the file")
                )
            else:
                seen[key] = row.number
    stored = {}
    wanted_ids = {key[0] for key in seen}
    if wanted_ids:
        for indicator_id, year, quarter, value in IndicatorValue.objects.filter(
            indicator_id__in=wanted_ids, year__in={key[1] for key in seen}
        ).values_list("indicator_id", "year", "quarter", "value"):
            stored[(indicator_id, year, quarter)] = value
    for row in rows:
        key = (row.indicator_id, row.year_start, row.quarter_number)
        if key in stored and not any(column == "quarter" for column, _ in row.errors):
            if replace:
                row.replaces = number(stored[key])
            else:
                row.errors.append(
                    (
                        "quarter",
                        f"{row.period} is already recorded ({number(stored[key])}). "
                        "Tick “Replace figures already recorded” to correct it",
                    )
                )
        if row.ok:
            row.action = "replace" if key in stored else "add"
    return Preview(rows=rows, replace=replace)


def preview_upload(partnership, upload, *, replace: bool) -> Preview:
    """The dry run: read and check the file (already through check_upload); nothing is saved."""
    content_type = getattr(upload, "detected_content_type", "")
    if content_type not in IMPORT_TYPES:
        raise FileRefused(
            "The selected file must be a CSV or Excel (.xlsx) file"
            + (f". Its content is {content_type}" if content_type else "")
        )
    preview = check_rows(partnership, raw_rows(read_table(upload, content_type)), replace=replace)
    preview.digest = digest_of(upload)
    return preview


def to_session(preview: Preview, partnership) -> dict:
    return {
        "partnership": partnership.pk,
        "digest": preview.digest,
        "replace": preview.replace,
        "rows": [
            {
                k: v
                for k, v in asdict(row).items()
                if k in ("number", "indicator", "year", "quarter", "value", "note")
            }
            for row in preview.rows
        ],
    }


def from_session(pending: dict, partnership, *, digest: str) -> Preview | None:
    """The rows waiting for confirmation, checked again now; None if they are not this file's."""
    if not pending or pending.get("partnership") != partnership.pk or pending.get("digest") != digest:
        return None
    rows = [RowResult(**row) for row in pending["rows"]]
    preview = check_rows(partnership, rows, replace=pending["replace"])
    preview.digest = digest
    return preview


class ImportRefused(ValueError):
    def __init__(self, preview: Preview):
        super().__init__("The file has rows that cannot be saved")
        self.preview = preview


def import_figures(partnership, preview: Preview, *, by) -> Preview:
    """Save every row of a checked file, or none: the rows are checked again inside the
    transaction, with the stored figures locked, so a figure recorded since the dry run
    refuses the file rather than being overwritten unasked."""
    with transaction.atomic():
        list(
            IndicatorValue.objects.select_for_update().filter(
                indicator__partnership=partnership, year__in={row.year_start for row in preview.rows}
            )
        )
        checked = check_rows(partnership, preview.rows, replace=preview.replace)
        checked.digest = preview.digest
        if not checked.ok:
            raise ImportRefused(checked)
        existing = {
            (v.indicator_id, v.year, v.quarter): v
            for v in IndicatorValue.objects.filter(
                indicator__partnership=partnership, year__in={row.year_start for row in checked.rows}
            )
        }
        for row in checked.rows:
            key = (row.indicator_id, row.year_start, row.quarter_number)
            figure = existing.get(key) or IndicatorValue(
                indicator_id=row.indicator_id, year=row.year_start, quarter=row.quarter_number
            )
            figure.value = Decimal(row.amount)
            figure.note = row.note[: IndicatorValue._meta.get_field("note").max_length]
            figure.recorded_by = by
            save_as(figure, by)
    return checked
