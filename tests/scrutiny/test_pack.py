"""The rules of the pack: what it gathers from the live data, in the councils' words."""

import json
from datetime import date

import pytest

from scrutiny import pack as pack_rules
from scrutiny import render
from scrutiny.building import date_problems
from tests.scrutiny.helpers import docx_text

pytestmark = pytest.mark.django_db


def test_financial_years_a_period_touches():
    assert pack_rules.financial_years(date(2021, 12, 1), date(2022, 11, 30)) == [2021, 2022]
    assert pack_rules.financial_years(date(2023, 4, 1), date(2024, 3, 31)) == [2023]


def test_dates_out_of_order_are_named_by_the_field_to_correct():
    problems = date_problems(
        period_starts_on=date(2024, 4, 1),
        period_ends_on=date(2024, 3, 31),
        committee_on=date(2024, 7, 23),
        cabinet_on=date(2024, 7, 1),
        full_council_on=date(2024, 6, 1),
    )
    assert problems == {
        "period_ends_on": "The period must end after it starts",
        "cabinet_on": "Cabinet must meet after the committee",
        "full_council_on": "Full Council must meet after Cabinet",
    }
    assert not date_problems(
        period_starts_on=date(2023, 4, 1),
        period_ends_on=date(2024, 3, 31),
        committee_on=date(2024, 7, 23),
        cabinet_on=None,
        full_council_on=date(2024, 10, 17),
    )


def test_plans_awaiting_the_committee_are_recommended_to_cabinet_and_council():
    plans = [
        {"title": "Community Safety Plan 2023-2026 (2024-25 refresh)", "awaits_committee": True},
        {"title": "Serious Violence Strategy 2024-25", "awaits_committee": True},
        {"title": "Alcohol and Drugs Strategy", "awaits_committee": False},
    ]
    made = pack_rules.recommendations(council_name="Dorset Council", adopted_by="full_council", plans=plans)
    assert made[1] == (
        "That the Community Safety Plan 2023-2026 (2024-25 refresh) and Serious Violence Strategy 2024-25 "
        "be recommended to Cabinet and Dorset Council for adoption."
    )
    only_cabinet = pack_rules.recommendations(council_name="BCP Council", adopted_by="cabinet", plans=plans)
    assert only_cabinet[1].endswith("be recommended to Cabinet for adoption.")


def test_the_pack_gathers_the_live_data(draft):
    content = draft.content
    assert content["partnership"]["responsible_authorities"] == ["Dorset Police"]
    assert content["partnership"]["attending"] == ["Public Health Dorset"]
    assert [row["title"] for row in content["duties"]] == [
        "Annual strategic assessment",
        "Reducing reoffending strategy",
    ]
    assert content["as_at"] == "2024-07-23"
    (plan,) = content["plans"]
    assert plan["awaits_committee"] and plan["next_step"] == "Recommended by the Crime & Disorder Committee"
    assert "be recommended to Cabinet and Dorset Council for adoption" in content["recommendations"][1]
    # The review was notified in 2025, after the committee: as at 23 July 2024 it is not counted.
    assert sum(count for _, count in content["dhr_counts"]) == 0


def test_a_pack_holds_dhr_counts_and_nothing_about_a_case(draft):
    draft.committee_on = date(2026, 1, 1)
    content = pack_rules.gather(draft, today=date(2026, 1, 1))
    assert dict(map(tuple, content["dhr_counts"]))["In progress"] == 1
    draft.content = content
    text = json.dumps(content) + render.html_body(draft) + docx_text(render.docx(draft))
    assert "DHR 2023/07" not in text and "Adult Zephyr" not in text


def test_what_changed_since_the_last_pack_in_sentences():
    before = {
        "duties": [{"code": "psa", "title": "PSA", "status_label": "On track", "implementation": "Old"}],
        "dhr_counts": [["Completed", 3], ["Closed", 1]],
        "plans": [{"title": "Plan A", "current_stage": "Agreed by the CSP: agreed", "eqia": "In progress"}],
        "indicators": [],
        "actions": {"done": 1, "open": 2},
    }
    after = {
        "duties": [
            {"code": "psa", "title": "PSA", "status_label": "Met", "implementation": "New"},
            {
                "code": "svd",
                "title": "Serious Violence Duty",
                "status_label": "On track",
                "implementation": "",
            },
        ],
        "dhr_counts": [["Completed", 4], ["Closed", 1]],
        "plans": [{"title": "Plan A", "current_stage": "Adopted by Full Council", "eqia": "Signed off"}],
        "indicators": [
            {"year": "2024/25", "rows": [{"name": "ASB", "quarters": ["1", "", "", ""], "full_year": ""}]}
        ],
        "actions": {"done": 3, "open": 0},
    }
    found = {section["section"]: section["changes"] for section in pack_rules.changes(before, after)}
    assert found["Statutory duties"] == [
        "PSA: On track to Met",
        "PSA: implementation narrative updated",
        "Serious Violence Duty: new on the register (On track)",
    ]
    assert found["Domestic Homicide Reviews"] == ["Completed: 3 to 4"]
    assert found["Plans and strategies"] == ["Plan A: Agreed by the CSP: agreed to Adopted by Full Council"]
    assert found["Performance indicators"] == ["ASB: figures for 2024/25 added"]
    assert found["Actions"] == ["Actions done: 1 to 3", "Actions open: 2 to 0"]
