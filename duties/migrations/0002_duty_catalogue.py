"""The catalogue of statutory duties a CSP keeps in its register (domain.md sections 2, 3 and 9)."""

from django.db import migrations

CATALOGUE = [
    (
        "strategy-group",
        "Strategy group",
        "Crime and Disorder (Formulation and Implementation of Strategy) Regulations 2007, reg 3 (as substituted 2011)",
        "standing",
        None,
        False,
        "The responsible authorities appoint a strategy group that prepares the strategic "
        "assessments and prepares and implements the partnership plan, with arrangements for its own procedure.",
    ),
    (
        "strategic-assessment",
        "Annual Partnership Strategic Assessment (PSA)",
        "Crime and Disorder Act 1998 s6; 2007 Regulations regs 5-7",
        "annual",
        12,
        False,
        "Analyse the levels and patterns of crime and disorder, substance misuse, re-offending and "
        "serious violence in the area, and set the priorities the partnership should adopt.",
    ),
    (
        "partnership-plan",
        "Community Safety Plan (partnership plan)",
        "2007 Regulations regs 10-11",
        "annual",
        12,
        False,
        "A three-year plan for meeting the strategic assessment's priorities, refreshed every year "
        "in the light of the latest assessment.",
    ),
    (
        "community-engagement",
        "Community engagement and consultation",
        "Crime and Disorder Act 1998 s6; 2007 Regulations (engagement provisions)",
        "annual",
        12,
        False,
        "Obtain the views of people and bodies in the area on crime and disorder and substance "
        "misuse, and take them into account in the strategic assessment and the plan.",
    ),
    (
        "information-sharing",
        "Information sharing protocol",
        "2007 Regulations (information-sharing provisions); Crime and Disorder Act 1998 s115",
        "standing",
        12,
        False,
        "A protocol governing how the responsible authorities share information, reviewed locally.",
    ),
    (
        "depersonalised-data",
        "Depersonalised information shared every quarter",
        "Crime and Disorder Act 1998 s17A; Crime and Disorder (Prescribed Information) Regulations 2007",
        "quarterly",
        3,
        False,
        "Each responsible authority discloses the prescribed depersonalised information to the others "
        "by the end of the quarter after the one it covers.",
    ),
    (
        "plan-summary-published",
        "Summary of the partnership plan published",
        "2007 Regulations (publication provision)",
        "after_each_plan",
        None,
        False,
        "Publish a summary of the partnership plan and bring it to the attention of as many people "
        "and groups in the area as possible.",
    ),
    (
        "plan-sent-to-pcc",
        "Partnership plan sent to the Police and Crime Commissioner",
        "2007 Regulations reg 13A",
        "after_each_plan",
        None,
        False,
        "The strategy group sends a copy of the partnership plan to the Police and Crime Commissioner.",
    ),
    (
        "reducing-reoffending",
        "Reducing Reoffending Strategy",
        "Crime and Disorder Act 1998 s6(1)(c), added by the Policing and Crime Act 2009",
        "annual",
        12,
        False,
        "A strategy to reduce re-offending by people living in the area.",
    ),
    (
        "substance-misuse",
        "Substance Misuse Strategy",
        "Crime and Disorder Act 1998 s6(1)(b)",
        "annual",
        12,
        False,
        "A strategy to combat the misuse of drugs, alcohol and other substances in the area.",
    ),
    (
        "serious-violence",
        "Serious Violence Duty: strategic needs assessment and strategy",
        "Police, Crime, Sentencing and Courts Act 2022 Part 2 Chapter 1; Crime and Disorder Act 1998 s6(1)(d)",
        "annual",
        12,
        False,
        "An evidence-based strategic needs assessment of serious violence and a published strategy "
        "to prevent and reduce it, reviewed every year.",
    ),
    (
        "domestic-homicide-reviews",
        "Domestic Homicide Reviews (DHRs)",
        "Domestic Violence, Crime and Victims Act 2004 s9; Multi-agency Statutory Guidance for the Conduct of DHRs (2016)",
        "as_cases_arise",
        None,
        False,
        "Decide within a month of being told of a death whether to commission a review, and carry "
        "out, publish and follow up the reviews commissioned.",
    ),
    (
        "domestic-abuse-safe-accommodation",
        "Domestic abuse safe accommodation strategy",
        "Domestic Abuse Act 2021 s57; SI 2021/990 regs 3-4",
        "three_yearly",
        36,
        True,
        "The tier-one council assesses the need for support in safe accommodation and publishes a "
        "strategy, reviewed within every three-year period. A council duty the partnership oversees.",
    ),
    (
        "crime-and-disorder-scrutiny",
        "Crime & Disorder Committee scrutiny",
        "Police and Justice Act 2006 ss19-20; Crime and Disorder (Overview and Scrutiny) Regulations 2009",
        "annual",
        12,
        False,
        "The council's Crime & Disorder Committee reviews the responsible authorities' work at least "
        "once in every 12-month period.",
    ),
]


def load(apps, schema_editor):
    Duty = apps.get_model("duties", "Duty")
    for order, (code, title, source, cadence, months, england_only, what) in enumerate(CATALOGUE, start=1):
        Duty.objects.update_or_create(
            code=code,
            defaults={
                "title": title,
                "legal_source": source,
                "cadence": cadence,
                "cycle_months": months,
                "england_only": england_only,
                "what_must_be_done": what,
                "order": order,
            },
        )


def unload(apps, schema_editor):
    apps.get_model("duties", "Duty").objects.filter(code__in=[row[0] for row in CATALOGUE]).delete()


class Migration(migrations.Migration):
    dependencies = [("duties", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
