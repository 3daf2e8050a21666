"""The demo meeting from seed 003 (the Dorset CSP's first meeting of 2023) and a few actions
dated from `today`, so "My actions" has something overdue and something due soon.

Everything goes through the write functions in meetings.minutes, so the demo has history
rows and deadlines just as a clerk's entries would. Loading twice adds nothing: the meeting
is found by its partnership, date and title, and each action by its text.

Di Evans (Diane Evans in the minutes' support list) is played by the demo's DHR-cleared
login `dhr`, Dee Evans: she owns the action the minutes give to "John Newcombe, Ian Grant,
and Di Evans". John Newcombe and Ian Grant are people without logins (partnerships.demo).
"""

from datetime import date, timedelta

from duties.models import RegisterEntry
from meetings import minutes
from meetings.models import Action, Attendance, ForwardPlanItem, Meeting
from plans.demo import DORSET_CSP_EARLY_2023
from plans.models import Plan

Group = Attendance.Group
TITLE = "Dorset Community Safety Partnership"

ATTENDANCE = {
    Group.CORE: [
        ("Cllr Graham Carr-Jones", "Dorset Council, Chair"),
        ("Superintendent Dean O'Connor", "Dorset Police"),
        ("Jan West", "NHS Dorset"),
        ("Cllr Peter Barrow", "Dorset and Wiltshire Fire and Rescue Authority"),
        ("Joe Ennis", "Probation Services"),
    ],
    Group.ATTENDEE: [
        ("David Sidwick", "Police and Crime Commissioner"),
        ("Lewis Gool", "Office of the Police and Crime Commissioner"),
        ("Adam Harrold", "Office of the Police and Crime Commissioner"),
        ("Antony Bholah", "Dorset and Wiltshire Fire and Rescue Service"),
        ("David Webb", "Youth Justice Service"),
        ("Cllr Molly Rennie", "Dorset Domestic Abuse Forum"),
    ],
    Group.SUPPORT: [
        ("John Newcombe", "Dorset Council, Community Safety, Place"),
        ("Graham Duggan", "Dorset Council, Place Services"),
        ("Andy Frost", "Dorset Council, Community Safety, Adults and Housing"),
        ("Ian Denness", "Dorset Council, Community Safety, Adults and Housing"),
        ("Diane Evans", "Dorset Council, Community Safety, Adults and Housing"),
        ("Andrew Billany", "Dorset Council, Housing, Adults and Housing"),
        ("Ian Grant", "Dorset Council, Community Safety, Adults and Housing"),
        ("Neil Wright", "Dorset Police"),
        ("Kelvin Connelly", "Dorset Council, Children's Services"),
    ],
    Group.APOLOGIES: [
        ("Temporary Chief Superintendent Richard Bell", "Dorset Police"),
        ("Andrea Breen", "Dorset Council"),
        ("Stewart Dipple", "Dorset Police"),
        ("Paul Dempsey", "Dorset Council"),
        ("Lisa Reid", "Dorset Council"),
    ],
}

# (number, title, minutes, resolutions, plan title, duty code)
ITEMS = [
    (
        1,
        "Minutes of Meeting Held on 21 December and Matters Arising",
        "1.1 2.6 Crest Advisory single points of contact: Crest had met with partners and there was "
        "an item on today's agenda to discuss further.\n"
        "1.2 7.3 Partner inclusions for the annual scrutiny report: the report was well received by "
        "the Scrutiny Committee.",
        "",
        None,
        None,
    ),
    (
        2,
        "Domestic Homicide Review (DHR)",
        "Di Evans updated the Partnership on referrals that had not resulted in a full review but "
        "where learning was identified, and on two ongoing reviews. Two reviews were agreed for "
        "submission to the Home Office; one should not be published, on the advice of the statutory "
        "guidance. Members were briefed on the last meeting of the DHR Review Group.",
        "The recommendations in the report were agreed.",
        None,
        "domestic-homicide-reviews",
    ),
    (
        3,
        "Update on Local Priorities",
        "John Newcombe updated the group on the local priorities: Anti-Social Behaviour, Violent Crime "
        "and Rural Crime. The Local Priority Delivery Group oversees the six Partnership Co-ordinating "
        "Groups and is developing operating plans using the SARA model. Funding is being explored to "
        "expand the Community Safety Accreditation Scheme (CSAS). Partners agreed it was important to "
        "cover issues like young people carrying knives in the serious violence work.",
        "",
        None,
        None,
    ),
    (
        4,
        "Update on Strategic Priorities",
        "Good progress on the strategic priorities, particularly stalking. Ian Denness presented his "
        "research on domestic abuse; Ian Grant summarised the Dragonfly Project.",
        "",
        None,
        None,
    ),
    (
        5,
        "Partnership Strategic Assessment, Community Safety Plan and Reducing Reoffending Strategy",
        "The current plan expires in March 2023 and a new plan is needed for 2023-26, informed by the "
        "annual Partnership Strategic Assessment. Both the Community Safety Plan and the Reducing "
        "Reoffending Strategy must be formally adopted by Dorset Council, through the People & Health "
        "Overview Committee, Cabinet and Full Council.",
        "1. The Community Safety Partnership agreed the latest Partnership Strategic Assessment\n"
        "2. The Community Safety Partnership agreed the new three year Community Safety Plan subject to "
        "any changes required as a result of the Equality Impact Assessment process\n"
        "3. The Community Safety Partnership agreed the new three year Reducing Reoffending Strategy "
        "subject to any changes proposed by the Bournemouth, Christchurch and Poole Community Safety "
        "Partnership and as a result of the Equality Impact Assessment process",
        "Community Safety Plan 2023-2026",
        "strategic-assessment",
    ),
    (
        6,
        "Serious Violence Duty",
        "The new duty under the Police, Crime, Sentencing and Courts Act 2022 came into effect on "
        "31 January 2023. Partners across Dorset and BCP agreed to lead their response through their "
        "CSPs, using each one's Partnership Strategic Assessment and Community Safety Plan.",
        "1. Members of the Community Safety Partnership noted the latest position relating to the new "
        "serious violence duty\n"
        "2. Members of the Community Safety Partnership agreed to amend the terms of reference for the "
        "Dorset Community Safety Partnership to reflect partners' decision to lead their work on the "
        "serious violence duty through the partnership\n"
        "3. Funding to cover labour costs is split 50/50 between Dorset and Bournemouth Christchurch and "
        "Poole and used by the respective local authorities to complete the evidence base and serious "
        "violence strategy work.\n"
        "4. Dorset and Bournemouth Christchurch and Poole Community Safety Partnership's work together to "
        "develop costed implementation plans for each area and use these to allocate implementation "
        "funding\n"
        "5. Each local authority (Dorset and Bournemouth Christchurch and Poole) holds and administers "
        "their respective implementation funding on behalf of their Community Safety Partnership's",
        None,
        "serious-violence",
    ),
    (
        7,
        "Forward Plan",
        "7.1 Members of the Community Safety Partnership agreed the Forward Plan.",
        "",
        None,
        None,
    ),
    (
        8,
        "Any Other Business",
        "8.1 The Chair had written to the Dorset and Wiltshire Fire and Rescue Authority about concerns "
        "over misconduct and received a detailed set of actions in response.",
        "",
        None,
        None,
    ),
]

# Item 3.9's action. The minutes give no due date and no outcome: 30 June 2023 and done on
# 27 June 2023 are chosen, so the demo's 2023 action is not overdue for ever.
SEED_ACTION = (
    "Cover issues like young people carrying knives in the serious violence work, and use it to "
    "help with the expansion of the Community Safety Accreditation Scheme (CSAS)"
)
SEED_ACTION_DUE = date(2023, 6, 30)
SEED_ACTION_DONE = date(2023, 6, 27)

# (text, owners, days raised before today, days due after today, status)
RECENT_ACTIONS = [
    (
        "Circulate the draft serious violence delivery plan to partners for comment",
        ["officer"],
        45,
        -10,
        Action.Status.IN_PROGRESS,
    ),
    (
        "Send the papers for the next CSP meeting to members a week before it",
        ["clerk", "officer"],
        20,
        7,
        Action.Status.NOT_STARTED,
    ),
    (
        "Add the scrutiny committee's dates for the year to the forward plan",
        ["clerk"],
        30,
        -3,
        Action.Status.NOT_STARTED,
    ),
]


def load(*, partnerships, organisations, people, today):
    """Load the demo meeting and actions; returns the meetings created (none on a second run)."""
    dorset = partnerships["dorset"]
    clerk, officer = people["clerk"], people["officer"]
    created = []
    meeting = Meeting.objects.filter(partnership=dorset, held_on=DORSET_CSP_EARLY_2023, title=TITLE).first()
    if meeting is None:
        meeting = minutes.record_meeting(dorset, by=clerk, held_on=DORSET_CSP_EARLY_2023, title=TITLE)
        minutes.record_attendance(meeting, by=clerk, groups=ATTENDANCE)
        items = {}
        for number, title, text, resolutions, plan_title, duty in ITEMS:
            plan = Plan.objects.filter(title=plan_title, partnerships=dorset).first() if plan_title else None
            entry = (
                RegisterEntry.objects.filter(partnership=dorset, duty__code=duty).first() if duty else None
            )
            items[number] = minutes.add_agenda_item(
                meeting,
                by=clerk,
                number=number,
                title=title,
                minutes=text,
                resolutions=resolutions,
                plan=plan,
                register_entry=entry,
            )
        owners = [people["john.newcombe"], people["ian.grant"], people["dhr"]]
        action = minutes.add_action(
            dorset,
            by=clerk,
            text=SEED_ACTION,
            owners=owners,
            due_on=SEED_ACTION_DUE,
            today=DORSET_CSP_EARLY_2023,
            agenda_item=items[3],
            register_entry=RegisterEntry.objects.filter(
                partnership=dorset, duty__code="serious-violence"
            ).first(),
        )
        minutes.update_action(
            action,
            by=officer,
            expected_revision=action.revision,
            today=SEED_ACTION_DONE,
            status=Action.Status.DONE,
            update_notes="Knife carrying by young people is in the serious violence strategic needs assessment.",
        )
        created.append(meeting)
    for text, usernames, raised_ago, due_in, status in RECENT_ACTIONS:
        if Action.objects.filter(partnership=dorset, text=text).exists():
            continue
        minutes.add_action(
            dorset,
            by=clerk,
            text=text,
            owners=[people[name] for name in usernames],
            due_on=today + timedelta(days=due_in),
            today=today - timedelta(days=raised_ago),
            status=status,
        )
    # An action from a Dorset review's action plan, owned by the DHR-cleared Dee Evans: the
    # pages show everyone else only that it comes from a Domestic Homicide Review.
    from dhr.models import Recommendation

    recommendation = Recommendation.objects.filter(case__partnership=dorset).order_by("pk").first()
    dhr_text = "Brief the partnership's sub-groups on the learning agreed for them"
    if recommendation is not None and not Action.objects.filter(partnership=dorset, text=dhr_text).exists():
        minutes.add_action(
            dorset,
            by=people["dhr"],
            text=dhr_text,
            owners=[people["dhr"]],
            due_on=today + timedelta(days=30),
            today=today,
            recommendation=recommendation,
        )
    next_meeting = "Annual Partnership Strategic Assessment and the plan's annual refresh"
    if not ForwardPlanItem.objects.filter(partnership=dorset, title=next_meeting).exists():
        month = (today.replace(day=1) + timedelta(days=62)).replace(day=1)
        minutes.add_forward_plan_item(
            dorset,
            by=clerk,
            planned_for=month,
            month_only=True,
            title=next_meeting,
            register_entry=RegisterEntry.objects.filter(
                partnership=dorset, duty__code="strategic-assessment"
            ).first(),
        )
    return created
