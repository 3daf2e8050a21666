"""BCP's key performance indicators as its annual report to scrutiny prints them (seed 001,
12 December 2022): the police-recorded ASB table (paragraph 17), the ASB indicators
(paragraph 68) and the domestic abuse indicators (paragraph 55). Loading twice changes nothing.

The figures are copied exactly, including where two tables disagree: the police-recorded
total for 2021/22 is 12,438 in paragraph 17 and the baseline for total ASB reports is 12,440
in paragraph 68. Dorset's papers (seeds 000, 003, 004) give no KPI figures, so Dorset has none.

"Increase in the reporting of personal ASB to the police" is judged with higher as better,
as its name asks, although the report calls its fall in 2022/23 part of a downward trend.
"""

from datetime import date
from decimal import Decimal

from indicators.models import Indicator, IndicatorValue
from plans.models import Plan

FULL_YEAR = IndicatorValue.FULL_YEAR
STANDARD = "Standard CSP data set"
ASB_PRIORITY = (
    "Work with communities to deal with antisocial behaviour (ASB) and crime hotspots, "
    "including ASB linked to substance misuse"
)
VIOLENCE_PRIORITY = "Tackle violent crime in all its forms"
STRATEGY = "BCP Community Safety Strategy 2022-2025"
POLICE_TABLE = "Police recorded ASB, year to date (April to March): BCP annual report 2022, paragraph 17"

DOWN, UP = Indicator.Direction.DOWN, Indicator.Direction.UP

# name, definition, direction, source, priority, baseline (year, value) or None,
# {(year, quarter): value}
BCP_INDICATORS = [
    (
        "The total number of ASB reports to the police",
        "",
        DOWN,
        STANDARD,
        ASB_PRIORITY,
        (2021, 12440),
        {(2022, 1): 3399, (2022, 2): 3310},
    ),
    (
        "Increase in the reporting of personal ASB to the police",
        "",
        UP,
        STANDARD,
        ASB_PRIORITY,
        (2021, 1672),
        {(2022, 1): 416, (2022, 2): 394},
    ),
    (
        "Domestic Abuse – Violent Crimes",
        "DV Violent Crime includes Assault, Sexual Assault, and Harassment offences, within the "
        "context of Domestic Abuse.",
        DOWN,
        "",
        VIOLENCE_PRIORITY,
        (2021, 4708),
        {
            (2021, 1): 1353,
            (2021, 2): 1241,
            (2021, 3): 1106,
            (2021, 4): 1008,
            (2022, 1): 1104,
            (2022, 2): 964,
        },
    ),
    (
        "Domestic Abuse - Incidents",
        "Incident classed as Domestic Abuse, recorded by Police, but which does not constitute a "
        "criminal offence.",
        DOWN,
        "",
        VIOLENCE_PRIORITY,
        (2021, 6554),
        {
            (2021, 1): 1786,
            (2021, 2): 1759,
            (2021, 3): 1619,
            (2021, 4): 1390,
            (2022, 1): 1439,
            (2022, 2): 1365,
        },
    ),
] + [
    (
        f"Police recorded ASB – {kind}",
        "",
        DOWN,
        POLICE_TABLE,
        ASB_PRIORITY,
        None,
        {(year, FULL_YEAR): value for year, value in zip((2018, 2019, 2020, 2021), values, strict=True)},
    )
    for kind, values in (
        ("Environmental", (1363, 997, 2502, 1411)),
        ("Nuisance", (11931, 10617, 13010, 9357)),
        ("Personal", (1934, 1400, 1859, 1670)),
        ("Total", (15228, 13014, 17371, 12438)),
    )
]


def load(*, partnerships, organisations, people, today: date):
    """Add BCP's indicators and figures where they are missing; never overwrite an edit."""
    bcp = partnerships["bcp"]
    police = organisations.get("Dorset Police")
    officer = people.get("chris.baker")
    plan = Plan.objects.filter(title=STRATEGY, lead_partnership=bcp).first()
    loaded = []
    for name, definition, direction, source, priority, baseline, figures in BCP_INDICATORS:
        indicator, _ = Indicator.objects.get_or_create(
            partnership=bcp,
            name=name,
            defaults={
                "definition": definition,
                "good_direction": direction,
                "source": source,
                "unit": "reports" if "ASB" in name else ("crimes" if "Crimes" in name else "incidents"),
                "priority": priority,
                "plan": plan,
                "owner": officer,
                "owner_organisation": police,
                "baseline_year": baseline[0] if baseline else None,
                "baseline_value": Decimal(baseline[1]) if baseline else None,
            },
        )
        for (year, quarter), value in figures.items():
            IndicatorValue.objects.get_or_create(
                indicator=indicator,
                year=year,
                quarter=quarter,
                defaults={"value": Decimal(value), "recorded_by": officer},
            )
        loaded.append(indicator)
    return loaded
