"""The pack as a document: one list of blocks (headings, paragraphs, lists, tables) made
from the pack's snapshot and narrative, then drawn three ways from that same list, so the
preview, the PDF and the Word file cannot say different things.

- HTML for the preview, with GOV.UK classes;
- PDF through WeasyPrint: A4, page numbers, table headers repeated on every page, real
  headings, tagged (PDF/UA-1) for screen readers;
- Word (.docx) through python-docx: Word's own Heading styles and real tables whose header
  row repeats (`w:tblHeader`), so a council can drop it into its own template.
"""

import hashlib
import io
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from scrutiny.pack import long_date

# The sections every pack has, in order (seed 000's shape; seed 001's KPI tables).
SECTIONS = [
    "Executive summary",
    "Recommendations",
    "Reason for recommendations",
    "Appendices",
    "Implications",
    "The partnership",
    "Statutory duties",
    "Domestic Homicide Reviews",
    "Plans and strategies",
    "Performance indicators",
    "Actions and progress",
    "What has changed since the last pack",
]
NARRATIVE = [
    ("budget", "Budget"),
    ("risk", "Risk assessment"),
    ("climate", "Climate implications"),
    ("other_implications", "Other implications"),
]
NOT_WRITTEN = "Not written yet."


@dataclass
class Block:
    kind: str  # heading, paragraph, facts, bullets, numbered, table
    text: str = ""
    level: int = 2
    items: list = field(default_factory=list)  # bullets; facts as (label, value)
    header: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # each a list of cell texts; "\n" breaks a line
    widths: list = field(default_factory=list)  # per cent of the page width
    caption: str = ""

    @property
    def keep_together(self):
        """A short table is not split across pages, so its caption stays with it."""
        return self.kind == "table" and len(self.rows) <= 10

    @property
    def slug(self):
        return "".join(c if c.isalnum() else "-" for c in self.text.lower()).strip("-")


def heading(text, level=2):
    return Block("heading", text=text, level=level)


def paragraphs(text, *, empty=NOT_WRITTEN):
    parts = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]
    return [Block("paragraph", text=part) for part in parts] or [Block("paragraph", text=empty)]


def period_text(starts_on, ends_on):
    return f"{long_date(starts_on)} to {long_date(ends_on)}"


def cover(pack) -> list[Block]:
    content = pack.content
    meetings = "\n".join(f"{body}: {long_date(on)}" for body, on in pack.meetings())
    contact = "\n".join(
        part
        for part in (
            pack.officer_contact,
            f"Tel: {pack.officer_phone}" if pack.officer_phone else "",
            f"Email: {pack.officer_email}" if pack.officer_email else "",
        )
        if part
    )
    facts = [
        ("Meetings and dates", meetings),
        ("Partnership", content["partnership"]["name"]),
        ("Council", content["council"]["name"]),
        ("Period covered", period_text(pack.period_starts_on, pack.period_ends_on)),
        ("Figures as at", long_date(content["as_at"])),
        ("Portfolio holder", pack.portfolio_holder or "None named"),
        ("Director", pack.director or "None named"),
        ("Report author", pack.report_author or "None named"),
        ("Officer contact", contact or "None named"),
    ]
    return [heading(pack.title, 1), Block("facts", items=facts)]


def dhr_sentence(counts: dict, as_at: str) -> str:
    """Seed 000's sentence, from the counts alone."""
    return (
        f"As at {long_date(as_at)}, the partnership has completed {counts.get('Completed', 0)} "
        f"Domestic Homicide Reviews and closed {counts.get('Closed', 0)} (all actions from their "
        f"recommendations complete). {counts.get('In progress', 0)} are in progress, "
        f"{counts.get('Scoping', 0)} at scoping and {counts.get('With the Home Office', 0)} with the "
        f"Home Office for quality assurance. The partnership takes part in "
        f"{counts.get('Led by other CSPs', 0)} reviews led by other CSPs, and "
        f"{counts.get('Referrals that did not become a full review', 0)} referrals did not become a "
        "full review."
    )


def route_text(plan: dict) -> str:
    lines = []
    for step in plan["route"]:
        line = f"{step['step']}: {step['outcome'].lower()}, {long_date(step['decided_on'])}"
        if step["conditions"]:
            line += f". Conditions: {'; '.join(step['conditions'])}"
        lines.append(line)
    if not lines:
        lines.append("No decision recorded yet")
    if plan["next_step"]:
        lines.append(f"Next: {plan['next_step']}")
    return "\n".join(lines)


def eqia_text(plan: dict) -> str:
    text = plan["eqia"] + (f" ({long_date(plan['eqia_on'])})" if plan["eqia_on"] else "")
    return text + (f". {plan['eqia_note']}" if plan["eqia_note"] else "")


def blocks(pack) -> list[Block]:
    """The whole pack, in order."""
    content = pack.content
    partnership = content["partnership"]
    council = content["council"]
    plans = content["plans"]
    awaiting = [plan for plan in plans if plan["awaits_committee"]]
    out = cover(pack)

    out += [heading("Executive summary"), *paragraphs(pack.executive_summary)]

    out += [heading("Recommendations"), Block("numbered", items=content["recommendations"])]
    out += [
        heading("Reason for recommendations"),
        Block(
            "paragraph",
            text=f"To ensure {council['name']} meets its duties as set out in relevant legislation, and "
            "that the committee's scrutiny of the partnership at least once in every 12 months is met "
            "(Police and Justice Act 2006, section 19).",
        ),
    ]
    appendices = [
        f"{plan['title']}" + (f": {plan['document_link']}" if plan["document_link"] else "")
        for plan in awaiting
    ]
    out += [heading("Appendices")]
    out += [Block("numbered", items=appendices)] if appendices else [Block("paragraph", text="None.")]

    out += [heading("Implications"), heading("Equality impact assessments", 3)]
    if plans:
        out.append(Block("bullets", items=[f"{plan['title']}: {eqia_text(plan)}" for plan in plans]))
    else:
        out.append(Block("paragraph", text="No plan or strategy is in force in the period."))
    for name, label in NARRATIVE:
        out += [heading(label, 3), *paragraphs(getattr(pack, name))]

    out += [
        heading("The partnership"),
        Block(
            "paragraph",
            text=f"The {partnership['name']} is a statutory partnership under the Crime and Disorder Act "
            "1998. It brings together the following responsible authorities, who must work together to "
            "understand and address community safety issues in their area:",
        ),
        Block("bullets", items=partnership["responsible_authorities"] or ["None recorded"]),
        Block(
            "paragraph",
            text="Other organisations attend the partnership and contribute to its work but are not under "
            "the same statutory duty:",
        ),
        Block("bullets", items=partnership["attending"] or ["None recorded"]),
    ]

    out += [
        heading("Statutory duties"),
        Block(
            "paragraph",
            text="The table below lists each statutory duty on the partnership's register and how partners "
            "implement it.",
        ),
        Block(
            "table",
            caption="Statutory duties and their implementation",
            header=["Duty", "Implementation", "Status", "Next due"],
            widths=[20, 54, 12, 14],
            rows=[
                [
                    duty["title"]
                    + (f"\nDelivered by {duty['delivered_by']}" if duty["delivered_by"] else ""),
                    duty["implementation"] or "No implementation narrative recorded.",
                    duty["status_label"],
                    (long_date(duty["next_due_on"]) or "Not set") + (" (overdue)" if duty["overdue"] else ""),
                ]
                for duty in content["duties"]
            ],
        ),
    ]

    counts = dict(map(tuple, content["dhr_counts"]))
    out += [
        heading("Domestic Homicide Reviews"),
        Block("paragraph", text=dhr_sentence(counts, content["as_at"])),
        Block(
            "table",
            caption=f"Domestic Homicide Reviews by stage, as at {long_date(content['as_at'])}",
            header=["Stage", "Reviews"],
            widths=[75, 25],
            rows=[[group, str(count)] for group, count in content["dhr_counts"]],
        ),
        Block(
            "paragraph",
            text="Progress against DHR recommendations is monitored by the partnership. Reviews are "
            "reported as counts only: no detail of any case is given in this report.",
        ),
    ]

    out += [heading("Plans and strategies")]
    if plans:
        out.append(
            Block(
                "table",
                caption=f"Plans and strategies and their road to adoption by {council['name']}",
                header=["Plan or strategy", "Period", "Road to adoption", "EqIA"],
                widths=[24, 16, 36, 24],
                rows=[
                    [
                        f"{plan['title']}\n{plan['kind']}",
                        period_text(plan["starts_on"], plan["ends_on"]),
                        route_text(plan),
                        eqia_text(plan),
                    ]
                    for plan in plans
                ],
            )
        )
    else:
        out.append(Block("paragraph", text="No plan or strategy is in force in the period."))

    out += [heading("Performance indicators")]
    for table in content["indicators"]:
        out.append(
            Block(
                "table",
                caption=f"Performance indicators, {table['year']}",
                header=["Indicator", "Baseline", "Q1", "Q2", "Q3", "Q4", "Full year", "Status"],
                widths=[27, 13, 8, 8, 8, 8, 11, 17],
                rows=[
                    [row["name"], row["baseline"], *row["quarters"], row["full_year"], row["status"]]
                    for row in table["rows"]
                ],
            )
        )
    if not content["indicators"]:
        out.append(Block("paragraph", text="No performance indicator has figures for the period."))

    actions = content["actions"]
    out += [
        heading("Actions and progress"),
        Block(
            "paragraph",
            text=f"Actions done in the period: {actions['done']}. Still open: {actions['open']}, "
            f"{actions['overdue']} of them overdue.",
        ),
    ]
    if actions["rows"]:
        out.append(
            Block(
                "table",
                caption="Actions in the period",
                header=["Action", "Owners", "Due", "Status"],
                widths=[50, 22, 14, 14],
                rows=[
                    [
                        row["text"],
                        row["owners"],
                        long_date(row["due_on"]),
                        row["status"] + (" (overdue)" if row["overdue"] else ""),
                    ]
                    for row in actions["rows"]
                ],
            )
        )
    if actions["from_reviews"]:
        out.append(
            Block(
                "paragraph",
                text=f"Actions from Domestic Homicide Review action plans: {actions['from_reviews']}. They "
                "are counted above but not listed.",
            )
        )

    since = content.get("since") or {}
    out += [heading("What has changed since the last pack")]
    if not since.get("title"):
        out.append(
            Block(
                "paragraph",
                text=f"No earlier pack has been issued for the {partnership['name']} to {council['name']}.",
            )
        )
    else:
        out.append(
            Block("paragraph", text=f"Since {since['title']}, issued on {long_date(since['issued_on'])}:")
        )
        for section in since["sections"]:
            out.append(heading(section["section"], 3))
            if section["changes"]:
                out.append(Block("bullets", items=section["changes"]))
            else:
                out.append(Block("paragraph", text="No change."))
    return out


# --- HTML and PDF ---


def html_body(pack) -> str:
    return render_to_string("scrutiny/_blocks.html", {"blocks": blocks(pack)})


def pdf_html(pack) -> str:
    return render_to_string("scrutiny/document.html", {"pack": pack, "blocks": blocks(pack)})


def pdf(pack) -> tuple[bytes, int]:
    """The PDF and its page count. Imported here: WeasyPrint takes a moment to load, which
    only the build should pay."""
    from weasyprint import HTML

    document = HTML(string=pdf_html(pack)).render()
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)


# --- Word ---


def _repeat_header_row(row):
    """Mark a Word table row as a header row, repeated at the top of every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _cell_text(cell, text, *, bold=False):
    lines = str(text).split("\n")
    paragraph = cell.paragraphs[0]
    for index, line in enumerate(lines):
        if index:
            paragraph = cell.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = bold or None


def _page_number_footer(section):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.add_run("Page ")
    for instruction, after in (("PAGE", " of "), ("NUMPAGES", "")):
        field_element = OxmlElement("w:fldSimple")
        field_element.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field_element.append(run)
        paragraph._p.append(field_element)
        if after:
            paragraph.add_run(after)


def docx(pack) -> bytes:
    from docx import Document
    from docx.shared import Mm, Pt

    document = Document()
    document.core_properties.title = pack.title
    document.core_properties.author = pack.report_author or pack.content["partnership"]["name"]
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    usable = section.page_width - section.left_margin - section.right_margin
    _page_number_footer(section)

    for block in blocks(pack):
        if block.kind == "heading":
            document.add_heading(block.text, level=block.level)
        elif block.kind == "paragraph":
            document.add_paragraph(block.text)
        elif block.kind in ("bullets", "numbered"):
            style = "List Bullet" if block.kind == "bullets" else "List Number"
            for item in block.items:
                document.add_paragraph(item, style=style)
        elif block.kind == "facts":
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for label, value in block.items:
                cells = table.add_row().cells
                _cell_text(cells[0], label, bold=True)
                _cell_text(cells[1], value)
                cells[0].width, cells[1].width = int(usable * 0.3), int(usable * 0.7)
            document.add_paragraph()
        elif block.kind == "table":
            caption = document.add_paragraph(block.caption, style="Caption")
            caption.paragraph_format.keep_with_next = True
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                _cell_text(cell, text, bold=True)
            _repeat_header_row(table.rows[0])
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    _cell_text(cell, text)
            for column, width in zip(table.columns, block.widths, strict=True):
                for cell in column.cells:
                    cell.width = int(usable * width / 100)
            document.add_paragraph()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
