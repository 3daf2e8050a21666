"""The trend chart, drawn on the server as SVG: no script, no CDN, and readable without it.

The SVG is an image with a title and a description that says what it shows (role="img");
the data table beside it carries every figure, so nothing is only in the picture. Years are
told apart by line pattern and marker shape as well as colour, and each line is labelled at
its end, so the chart does not depend on seeing colour.

Quarterly figures are drawn one line per financial year across Q1 to Q4, so this year can be
read against last year's same quarter; the baseline and target (whole-year figures) are drawn
as a quarter of themselves, so they sit on the same scale. An indicator with only whole-year
figures is drawn as one line across the years.
"""

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import mark_safe

from indicators.figures import number
from indicators.models import IndicatorValue, year_label

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 70, 120, 20, 40
# GOV.UK colours, each with its own dash and marker so colour is never the only difference.
STYLES = [
    ("#1d70b8", "", "circle"),  # blue, solid
    ("#d4351c", "8 4", "square"),  # red, dashed
    ("#00703c", "2 3", "diamond"),  # green, dotted
    ("#4c2c92", "12 3 3 3", "triangle"),  # purple, dash-dot
]
MAX_YEARS = 4  # lines in the quarterly chart; the table lists every year


@dataclass
class Line:
    label: str
    points: list[tuple[int, Decimal]]  # (x slot, value)


def _ticks(top: Decimal) -> list[Decimal]:
    """Five round steps from 0 to at least `top`."""
    if top <= 0:
        return [Decimal(0), Decimal(1)]
    raw = float(top) / 4
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [Decimal(str(step * i)) for i in range(5)]


def _marker(shape, x, y, colour):
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "diamond":
        return f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y:.1f}L{x:.1f} {y + 5:.1f}L{x - 5:.1f} {y:.1f}Z" fill="{colour}"/>'
    return (
        f'<path d="M{x:.1f} {y - 5:.1f}L{x + 5:.1f} {y + 4:.1f}L{x - 5:.1f} {y + 4:.1f}Z" fill="{colour}"/>'
    )


def trend_lines(values, *, baseline_year=None, baseline_value=None, targets=None):
    """(slot labels, lines, reference lines) for the figures: pure, so it can be tested alone.

    Reference lines are (label, value) for the baseline and the latest target.
    """
    targets = targets or {}
    quarterly = [(y, q, v) for y, q, v in values if q != IndicatorValue.FULL_YEAR]
    references = []
    if quarterly:
        years = sorted({y for y, _, _ in quarterly})[-MAX_YEARS:]
        slots = ["Q1", "Q2", "Q3", "Q4"]
        lines = [Line(year_label(year), [(q - 1, v) for y, q, v in quarterly if y == year]) for year in years]
        if baseline_value is not None:
            references.append((f"Baseline {year_label(baseline_year)} ÷ 4", Decimal(baseline_value) / 4))
        if targets and years and years[-1] in targets:
            references.append((f"Target {year_label(years[-1])} ÷ 4", Decimal(targets[years[-1]]) / 4))
    else:
        years = sorted({y for y, _, _ in values})
        slots = [year_label(y) for y in years]
        lines = [Line("Full year", [(years.index(y), v) for y, _, v in values])] if values else []
        if baseline_value is not None:
            references.append((f"Baseline {year_label(baseline_year)}", Decimal(baseline_value)))
        if targets and years and years[-1] in targets:
            references.append((f"Target {year_label(years[-1])}", Decimal(targets[years[-1]])))
    return slots, lines, references


def trend_svg(
    *,
    title: str,
    description: str,
    values,
    baseline_year=None,
    baseline_value=None,
    targets=None,
    id_prefix="chart",
):
    """The chart as SVG markup, safe to put in a template. `values` are (year, quarter, value)."""
    slots, lines, references = trend_lines(
        values, baseline_year=baseline_year, baseline_value=baseline_value, targets=targets
    )
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="csp-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-labelledby="{title_id} {desc_id}" focusable="false">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
    ]
    everything = [v for line in lines for _, v in line.points] + [v for _, v in references]
    if not everything:
        parts.append(
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" font-size="16" fill="#0b0c0c">'
            "No figures yet</text></svg>"
        )
        return mark_safe("".join(parts))  # noqa: S308 (every text part is escaped above)
    ticks = _ticks(max(max(everything), Decimal(0)))
    low = min(min(everything), Decimal(0))
    high = ticks[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = (high - low) or Decimal(1)

    def y_of(value):
        return TOP + plot_h - float((Decimal(value) - low) / span) * plot_h

    def x_of(slot):
        if len(slots) == 1:
            return LEFT + plot_w / 2
        return LEFT + plot_w * slot / (len(slots) - 1)

    parts.append(
        '<g font-size="13" font-family="GDS Transport, arial, sans-serif" fill="#0b0c0c" aria-hidden="true">'
    )
    for tick in ticks:
        y = y_of(tick)
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#b1b4b6"/>')
        parts.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(number(tick))}</text>')
    for index, slot in enumerate(slots):
        parts.append(
            f'<text x="{x_of(index):.1f}" y="{HEIGHT - BOTTOM + 22}" text-anchor="middle">{escape(slot)}</text>'
        )
    for label, value in references:
        y = y_of(value)
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#505a5f" '
            f'stroke-width="2" stroke-dasharray="4 4"/>'
        )
        parts.append(f'<text x="{LEFT + 6}" y="{y - 6:.1f}" font-size="12">{escape(label)}</text>')
    for index, line in enumerate(lines):
        colour, dash, shape = STYLES[index % len(STYLES)]
        points = sorted(line.points)
        if len(points) > 1:
            path = " ".join(f"{x_of(x):.1f},{y_of(v):.1f}" for x, v in points)
            dashing = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"{dashing}/>'
            )
        for x, v in points:
            parts.append(_marker(shape, x_of(x), y_of(v), colour))
        if points:
            x, v = points[-1]
            parts.append(
                f'<text x="{x_of(x) + 8:.1f}" y="{y_of(v) - 8:.1f}" font-weight="bold" fill="{colour}">'
                f"{escape(line.label)}</text>"
            )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text part is escaped above)


def describe(indicator, values, judgement) -> str:
    """The chart's description: what a screen reader user hears instead of seeing the lines."""
    if not values:
        return "No figures have been recorded yet."
    years = sorted({year_label(y) for y, _, _ in values})
    latest = max(values, key=lambda item: (item[0], 5 if item[1] == 0 else item[1]))
    period = (
        f"{year_label(latest[0])} full year" if latest[1] == 0 else f"{year_label(latest[0])} Q{latest[1]}"
    )
    words = [f"Figures for {', '.join(years)}.", f"Latest: {period}, {number(latest[2])}."]
    if indicator.baseline_value is not None:
        words.append(f"Baseline {indicator.baseline_label}: {number(indicator.baseline_value)} for the year.")
    words.append(judgement.explanation)
    words.append("Every figure is in the table that follows.")
    return " ".join(words)
