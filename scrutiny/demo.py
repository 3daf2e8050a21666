"""Demo scrutiny packs: Dorset's annual report for 2023/24, issued, which councillors can
download as PDF and Word; and a draft of BCP's 2022 report for the clerk to finish.

The cover blocks are the councils' own (seed 004 for Dorset, seed 001 for BCP). Seed 004
names the committee (23 July 2024) but not the Cabinet or Full Council dates that followed:
3 September 2024 and 17 October 2024 are chosen dates, not the real ones. Loading twice
adds nothing.
"""

from datetime import date

from django.contrib.auth import get_user_model

from partnerships.models import Council
from scrutiny import building
from scrutiny.models import Pack

DORSET_SUMMARY = (
    "People & Health Overview Committee is the Council's formal Crime & Disorder Committee (as "
    "required under the Police and Justice Act 2006). It scrutinises the work of the Dorset Community "
    "Safety Partnership (CSP) and partners' delivery of their community safety functions.\n\n"
    "Dorset Council is under a legal duty to work with partners through the Dorset CSP to identify and "
    "tackle community safety issues. CSPs are required to produce three-year community safety plans "
    "(that are refreshed annually) and strategies to reduce reoffending, and certain partners must "
    "produce strategies to tackle serious violence. These should be formally adopted by the Council.\n\n"
    "This report sets out the partnership's work against its statutory duties for members to consider, "
    "and presents the Community Safety Plan, the Reducing Reoffending Strategy and the Serious Violence "
    "Strategy for the committee to recommend for adoption."
)
DORSET_NARRATIVE = {
    "executive_summary": DORSET_SUMMARY,
    "budget": "The Dorset CSP does not receive any funding; partners' plans and strategies clarify where "
    "they will focus their time and effort. Central government has made funding available to responsible "
    "authorities to deliver the serious violence duty. A funding agreement is in place with partners to "
    "meet the costs of conducting Domestic Homicide Reviews.",
    "risk": "Having considered the risks associated with this decision, the level of risk has been "
    "identified as: Current Risk: LOW. Residual Risk: LOW.",
    "climate": "It is not anticipated that partners' work to tackle community safety, reoffending and "
    "serious violence will have an adverse effect on the environment or climate change.",
    "other_implications": "Partners work closely with the Adults and Children's Safeguarding Boards on "
    "areas of mutual interest, including joint approaches to learning lessons from safeguarding reviews "
    "and Domestic Homicide Reviews.",
}
DORSET_PACK = {
    "title": "Community Safety Annual Report 2023/24",
    "period_starts_on": date(2023, 4, 1),
    "period_ends_on": date(2024, 3, 31),
    "committee": "People & Health Overview Committee",
    "committee_on": date(2024, 7, 23),
    "cabinet_on": date(2024, 9, 3),
    "full_council_on": date(2024, 10, 17),
    "portfolio_holder": "Cllr G Taylor, Health and Housing",
    "director": "J Price, Executive Director of People - Adults",
    "report_author": "Andy Frost, Service Manager for Community Safety",
    "officer_contact": "Andy Frost, Service Manager for Community Safety",
    "officer_phone": "01305 224331",
    "officer_email": "andy.frost@dorsetcouncil.gov.uk",
}
BCP_PACK = {
    "title": "BCP Community Safety Partnership Annual Report 2022",
    "period_starts_on": date(2021, 12, 1),
    "period_ends_on": date(2022, 11, 30),
    "committee": "Corporate and Community Overview & Scrutiny Board",
    "committee_on": date(2022, 12, 12),
    "portfolio_holder": "Cllr Bobbie Dove, Cabinet Member for Community Safety and Regulatory Services",
    "director": "Jess Gibbons, Chief Operating Officer, Strategy Directorate",
    "report_author": "Kelly Ansell, Director of Communities; Mark Callaghan, Police Chief Superintendent "
    "and CSP Chair",
    "officer_contact": "Kelly Ansell, Director of Communities",
    "executive_summary": "This paper sets out elements of development and delivery by the BCP Community "
    "Safety Partnership (CSP), 'Safer BCP', and its constituent agencies. It provides Members with an "
    "update since the last report to Overview and Scrutiny in December 2021.",
}


def load(partnerships, people, today, **_):
    """Build (and for Dorset, issue) the demo packs, unless the partnership has packs already."""
    clerk = people.get("clerk") or get_user_model().objects.get(username="clerk")
    councils = Council.objects.in_bulk(["dorset-council", "bcp-council"], field_name="slug")
    made = []
    for slug, council_slug, fields, issued in (
        ("dorset", "dorset-council", {**DORSET_PACK, **DORSET_NARRATIVE}, True),
        ("bcp", "bcp-council", BCP_PACK, False),
    ):
        partnership = partnerships[slug]
        if Pack.objects.filter(partnership=partnership).exists():
            continue
        pack = Pack(partnership=partnership, council=councils[council_slug], created_by=clerk, **fields)
        building.save_as(pack, clerk)
        pack = building.build(pack.pk, today=today)
        if issued:
            pack = building.issue(pack, by=clerk, expected_revision=pack.revision)
        made.append(pack)
    return made
