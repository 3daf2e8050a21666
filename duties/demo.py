"""Demo duty registers: Dorset's from seed 000's duty table (with the 2023 minutes), BCP's
from seed 001's list of statutory obligations. Due dates are set from the day the demo is
loaded, so the dashboard always has something overdue and something coming up."""

from datetime import timedelta

from duties.models import Duty, RegisterEntry
from duties.register import write_entry_deadlines

S = RegisterEntry.Status
CSCJB = "Pan-Dorset Community Safety & Criminal Justice Board"

# duty code: (status, owner, delivered by, days to next due, days since last completed, narrative)
DORSET = {
    "strategy-group": (
        S.MET,
        "officer",
        None,
        200,
        165,
        "The Dorset CSP is the strategy group. Its terms of reference describe its role, working practices and "
        "the duties the partnership carries out; partners amended them in 2023 to lead their work on the Serious "
        "Violence Duty through the partnership.",
    ),
    "strategic-assessment": (
        S.ON_TRACK,
        "officer",
        CSCJB,
        65,
        300,
        "Completed for 2018/19 and signed off by the CSCJB in February 2019. Priorities have been used to update "
        "partners' Community Safety Plan. The next PSA will be undertaken towards the end of the 2019 calendar "
        "year and will be used to inform the new Community Safety Plan covering 2020-2023.",
    ),
    "partnership-plan": (
        S.AT_RISK,
        "officer",
        None,
        40,
        325,
        "Partners' current Community Safety Plan runs from 2017-2020 and is updated annually. The most recent "
        "update (for 2019/2020) was agreed by the Dorset CSP at its meeting on 17 June 2019. It is included in "
        "this paper for the committee to recommend to the Council for adoption.",
    ),
    "community-engagement": (
        S.ON_TRACK,
        "rob.ellis",
        None,
        150,
        215,
        "Partners sought to incorporate the views of the public in the development of the most recent PSA and "
        "refreshed Community Safety Plan, including through the findings of consultations undertaken locally and "
        "nationally. The CSP has agreed to further develop its community consultation work to inform the next "
        "version of its community safety plan.",
    ),
    "information-sharing": (
        S.MET,
        "rob.ellis",
        None,
        120,
        245,
        "The CSP works under the Dorset Information Sharing Charter (DISC). In addition to this, the Partnership "
        "has Personal Information Sharing Agreements (PISAs) in place for specific pieces of work.",
    ),
    "depersonalised-data": (
        S.ON_TRACK,
        "rob.ellis",
        None,
        37,
        55,
        "Dorset Police, the council, NHS Dorset and the fire and rescue authority share the prescribed "
        "depersonalised data every quarter for the partnership's performance reports.",
    ),
    "plan-summary-published": (
        S.MET,
        "officer",
        None,
        None,
        120,
        "A summary of the Community Safety Plan is published on the Dorset CSP web pages.",
    ),
    "plan-sent-to-pcc": (
        S.MET,
        "officer",
        None,
        None,
        118,
        "The Police and Crime Commissioner's Police & Crime Plan was considered when writing the plan, and a copy "
        "of the plan was sent to the Office of the Police and Crime Commissioner.",
    ),
    "reducing-reoffending": (
        S.ON_TRACK,
        "officer",
        CSCJB,
        -12,
        353,
        "Partners' current Reducing Reoffending Strategy runs from 2018-2021. It has been updated for 2019/2020 "
        "and is included within this paper for the committee to recommend to the Council for adoption.",
    ),
    "substance-misuse": (
        S.AT_RISK,
        None,
        "Public Health Dorset",
        20,
        345,
        "There is a requirement to have a strategy in place to tackle substance misuse. In Dorset, this work is "
        "led by Public Health: the Bournemouth, Poole and Dorset 2016-2020 Alcohol and Drugs Strategy. A full "
        "review and consultation will support the development of a new strategy.",
    ),
    "serious-violence": (
        S.ON_TRACK,
        "officer",
        None,
        75,
        290,
        "Partners across Dorset and BCP agreed to lead their response to the Serious Violence Duty through their "
        "CSPs, using each partnership's annual PSA and Community Safety Plan to fulfil the duty's functions.",
    ),
    "domestic-homicide-reviews": (
        S.ON_TRACK,
        "dhr",
        None,
        None,
        None,
        "In line with statutory guidance, the CSP has completed four DHRs (two of which have been closed because "
        "all actions associated with the recommendations from the reviews have been completed), is in the "
        "process of conducting two reviews and is undertaking scoping work for a further review. The Partnership "
        "has also engaged in two reviews led by other CSPs. Progress against DHR recommendations is formally "
        "monitored by the CSP at its quarterly meetings.",
    ),
    "domestic-abuse-safe-accommodation": (
        S.ON_TRACK,
        None,
        "Dorset Council",
        400,
        695,
        "Dorset Council, as the tier-one authority, publishes the safe accommodation strategy; the CSP oversees it.",
    ),
    "crime-and-disorder-scrutiny": (
        S.ON_TRACK,
        "officer",
        None,
        55,
        310,
        "The council's Crime & Disorder Committee receives the CSP's annual report at least once a year, setting "
        "out progress with community safety work and the statutory plans for adoption.",
    ),
}

BCP = {
    "strategy-group": (
        S.MET,
        "chris.baker",
        None,
        180,
        185,
        "The CSP Executive Board directs the partnership's work and has agreed a delivery structure of strategic "
        "sub-groups made up of senior officers across partner agencies.",
    ),
    "information-sharing": (
        S.AT_RISK,
        "chris.baker",
        None,
        30,
        335,
        "Information sharing and data analysis run across all priorities, as there are gaps in some baseline "
        "information. A task and finish group of information governance leads across agencies is improving the "
        "sharing of research, surveys and assessments, and raw data where required.",
    ),
    "strategic-assessment": (
        S.ON_TRACK,
        "chris.baker",
        None,
        85,
        280,
        "The Community Safety Strategic Assessment of crime, ASB, substance misuse and reoffending in 2020/21 "
        "informed the CSP's strategic priorities for 2022-2025. It will be refreshed annually and used to update "
        "the annual plans.",
    ),
    "community-engagement": (
        S.ON_TRACK,
        "chris.baker",
        None,
        140,
        225,
        "The strategy involved consultation with partners, including voluntary and community sector partners. "
        "Residents are included in developing local solutions through a strength-based approach.",
    ),
    "partnership-plan": (
        S.ON_TRACK,
        "chris.baker",
        None,
        110,
        255,
        "The three-year Community Safety Strategy 2022-25 was adopted by BCP Cabinet in September 2022 and is "
        "delivered through annual Community Safety Plans. Performance is reported to the CSP Executive Board "
        "through quarterly performance reports.",
    ),
    "plan-summary-published": (
        S.MET,
        "chris.baker",
        None,
        None,
        250,
        "The CSP Action Plan Summary 2022/23 is published on the Safer BCP website.",
    ),
    "reducing-reoffending": (
        S.ON_TRACK,
        "chris.baker",
        CSCJB,
        160,
        205,
        "A pan-Dorset Reducing Reoffending Strategy is developed with the Dorset CSP through the Reducing "
        "Reoffending Strategy Group.",
    ),
    "substance-misuse": (
        S.AT_RISK,
        "chris.baker",
        None,
        -30,
        395,
        "Work on substance misuse continues through pre-existing groups and collaboratives under the CSP remit.",
    ),
    "serious-violence": (
        S.ON_TRACK,
        "chris.baker",
        None,
        95,
        270,
        "BCP CSP works with the Dorset CSP to develop costed implementation plans for the Serious Violence Duty, "
        "with labour costs split equally between the two local authorities.",
    ),
    "domestic-homicide-reviews": (
        S.ON_TRACK,
        "chris.baker",
        None,
        None,
        None,
        "All Domestic Homicide Reviews from recent years have been completed and recommendations added to the "
        "CSP's DHR Action Plan. Four reviews are going through the Home Office's quality assurance process.",
    ),
    "domestic-abuse-safe-accommodation": (
        S.ON_TRACK,
        None,
        "BCP Council",
        300,
        795,
        "BCP Council commissioned its safe accommodation needs assessment in 2021; the CSP oversees the strategy.",
    ),
    "crime-and-disorder-scrutiny": (
        S.MET,
        "chris.baker",
        None,
        20,
        345,
        "The Corporate and Community Overview & Scrutiny Board, designated as the Crime and Disorder Scrutiny "
        "Committee, meets at least once every 12-month period; it received the CSP's annual report on "
        "12 December 2022.",
    ),
}


def load(partnerships, organisations, people, today):
    for slug, register in (("dorset", DORSET), ("bcp", BCP)):
        partnership = partnerships[slug]
        for code, (status, owner, delivered_by, due_in, completed_ago, narrative) in register.items():
            entry, _ = RegisterEntry.objects.update_or_create(
                partnership=partnership,
                duty=Duty.objects.get(code=code),
                defaults={
                    "status": status,
                    "owner": people.get(owner),
                    "delivered_by": organisations.get(delivered_by),
                    "next_due_on": None if due_in is None else today + timedelta(days=due_in),
                    "last_completed_on": None
                    if completed_ago is None
                    else today - timedelta(days=completed_ago),
                    "implementation": narrative,
                },
            )
            write_entry_deadlines(entry)
