"""The pages: who may record, who may only read, who sees nothing; and the forms' errors."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from meetings import minutes
from meetings.models import Action, Attendance, Meeting
from tests.conftest import signed_in
from tests.factories import plan_with_version
from tests.meetings.conftest import TODAY, an_action

pytestmark = pytest.mark.django_db


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def edit_pages(meeting, item, action):
    return [
        reverse("meetings:add", args=["dorset"]),
        reverse("meetings:attendance", args=[meeting.pk]),
        reverse("meetings:add_item", args=[meeting.pk]),
        reverse("meetings:add_action", args=["dorset"]),
        reverse("meetings:add_item_action", args=[item.pk]),
        reverse("meetings:edit_action", args=[action.pk]),
        reverse("meetings:add_forward_plan_item", args=["dorset"]),
    ]


def read_pages(meeting, action):
    return [
        reverse("meetings:list", args=["dorset"]),
        reverse("meetings:meeting", args=[meeting.pk]),
        reverse("meetings:actions", args=["dorset"]),
        reverse("meetings:action", args=[action.pk]),
        reverse("meetings:forward_plan", args=["dorset"]),
    ]


@pytest.fixture
def action(dorset, clerk, officer, item):
    return an_action(dorset, by=clerk, owners=[officer], agenda_item=item, today=TODAY)


@pytest.mark.parametrize("persona", ["officer", "clerk"])
def test_officers_and_clerks_may_record(client, request, persona, meeting, item, action):
    signed_in(client, request.getfixturevalue(persona))
    for url in edit_pages(meeting, item, action):
        assert client.get(url).status_code == 200, url


def test_councillors_read_but_may_not_record(client, councillor, meeting, item, action):
    signed_in(client, councillor)
    for url in read_pages(meeting, action):
        assert client.get(url).status_code == 200, url
    for url in edit_pages(meeting, item, action):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {}).status_code == 403, url
    assert "Record a meeting" not in client.get(reverse("meetings:list", args=["dorset"])).content.decode()


@pytest.mark.parametrize("persona", ["bcp_officer", "stranger"])
def test_other_partnerships_people_see_nothing(client, request, persona, meeting, item, action):
    signed_in(client, request.getfixturevalue(persona))
    for url in [*read_pages(meeting, action), *edit_pages(meeting, item, action)]:
        assert client.get(url).status_code == 404, url
    page = client.get(reverse("meetings:my_actions")).content.decode()
    assert "Circulate the delivery plan" not in page


def test_signed_out_people_are_sent_to_sign_in(client, meeting):
    response = client.get(reverse("meetings:meeting", args=[meeting.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_clerk_records_a_meeting_then_its_attendance(client, clerk, dorset):
    signed_in(client, clerk)
    response = client.post(
        reverse("meetings:add", args=["dorset"]),
        {
            "title": "Dorset Community Safety Partnership",
            "kind": "csp_board",
            **date_fields("held_on", date(2023, 3, 14)),
        },
    )
    meeting = Meeting.objects.get()
    assert response.url == reverse("meetings:attendance", args=[meeting.pk])
    response = client.post(
        response.url,
        {
            "core": "Jan West, NHS Dorset\nJoe Ennis, Probation Services",
            "apologies": "• Lisa Reid, Dorset Council",
        },
    )
    assert response.status_code == 302
    assert sorted(meeting.attendance.values_list("group", "name")) == [
        (Attendance.Group.APOLOGIES, "Lisa Reid"),
        (Attendance.Group.CORE, "Jan West"),
        (Attendance.Group.CORE, "Joe Ennis"),
    ]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Joe Ennis, Probation Services" in page


def test_the_meeting_form_says_what_is_missing(client, clerk):
    signed_in(client, clerk)
    response = client.post(reverse("meetings:add", args=["dorset"]), {"kind": "sub_group"})
    page = response.content.decode()
    assert "<title>Error:" in page
    assert "Enter the title of the meeting" in page
    assert "Enter the date of the meeting" in page
    assert "Enter the name of the sub-group" in page


def test_attendance_errors_name_the_line(client, clerk, meeting):
    signed_in(client, clerk)
    response = client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {"support": "John Newcombe, Dorset Council\nIan Grant"},
    )
    assert "Line 2: write the name, a comma, then the organisation" in response.content.decode()
    assert not meeting.attendance.exists()


def test_an_action_is_added_at_an_item_with_its_owners(client, clerk, officer, item):
    signed_in(client, clerk)
    response = client.post(
        reverse("meetings:add_item_action", args=[item.pk]),
        {
            "text": "Report back on CSAS funding",
            "owners": [officer.pk],
            "status": "not_started",
            **date_fields("due_on", date(2023, 6, 30)),
        },
    )
    assert response.url == item.meeting.get_absolute_url()
    action = Action.objects.get()
    assert (action.agenda_item, list(action.owners.all())) == (item, [officer])


def test_an_action_form_refuses_a_due_date_before_the_meeting_and_no_owner(client, clerk, item):
    signed_in(client, clerk)
    url = reverse("meetings:add_item_action", args=[item.pk])
    page = client.post(url, {"text": "x", "status": "not_started"}).content.decode()
    assert "Choose at least one owner for the action" in page
    assert "Enter the due date" in page
    response = client.post(
        url,
        {
            "text": "x",
            "owners": [clerk.pk],
            "status": "not_started",
            **date_fields("due_on", date(2023, 1, 1)),
        },
    )
    assert "The due date must be on or after 14 March 2023" in response.content.decode()
    assert not Action.objects.exists()


def test_a_stale_action_edit_is_refused_with_409(client, clerk, officer, action):
    signed_in(client, officer)
    url = reverse("meetings:edit_action", args=[action.pk])
    minutes.update_action(action, by=clerk, expected_revision=1, today=TODAY, update_notes="Clerk's note")
    response = client.post(
        url,
        {
            "text": action.text,
            "owners": [officer.pk],
            "status": "in_progress",
            "update_notes": "Mine",
            "revision": 1,
            **date_fields("due_on", action.due_on),
        },
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this action after you opened it" in page
    assert "Clerk&#x27;s note" in page or "Clerk's note" in page
    action.refresh_from_db()
    assert action.update_notes == "Clerk's note"
    response = client.post(
        url,
        {
            "text": action.text,
            "owners": [officer.pk],
            "status": "in_progress",
            "update_notes": "Mine",
            "revision": 2,
            **date_fields("due_on", action.due_on),
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.update_notes, action.status) == ("Mine", "in_progress")


def test_my_actions_lists_what_i_own_across_partnerships_overdue_first(client, dorset, bcp, officer, clerk):
    from partnerships.models import Role
    from tests.factories import RoleFactory

    RoleFactory(user=officer, partnership=bcp, kind=Role.Kind.OFFICER)
    an_action(dorset, by=clerk, owners=[officer], due_in=20, text="Due later")
    an_action(bcp, by=officer, owners=[officer], due_in=-3, text="Late in BCP")
    an_action(dorset, by=clerk, owners=[clerk], due_in=-9, text="The clerk's own")
    signed_in(client, officer)
    actions = list(client.get(reverse("meetings:my_actions")).context["actions"])
    assert [a.text for a in actions] == ["Late in BCP", "Due later"]


def test_the_actions_list_filters_by_status_owner_and_overdue(client, dorset, officer, clerk):
    an_action(dorset, by=clerk, owners=[officer], due_in=-3, text="Late")
    an_action(dorset, by=clerk, owners=[clerk], due_in=5, text="Clerk's")
    done = an_action(dorset, by=clerk, owners=[officer], due_in=-8, text="Done")
    minutes.update_action(done, by=officer, expected_revision=1, today=TODAY, status="done")
    signed_in(client, councillor_or(client, officer))
    url = reverse("meetings:actions", args=["dorset"])

    def texts(**params):
        return [a.text for a in client.get(url, params).context["actions"]]

    assert texts() == ["Late", "Clerk's", "Done"]
    assert texts(overdue="yes") == ["Late"]
    assert texts(owner=clerk.pk) == ["Clerk's"]
    assert texts(status="done") == ["Done"]


def councillor_or(client, user):
    return user


def test_dhr_actions_do_not_reveal_the_review_to_the_uncleared(client, dorset, officer, dhr_officer, clerk):
    from dhr.models import DhrCase, Recommendation
    from tests.factories import OrganisationFactory

    case = DhrCase.objects.create(partnership=dorset, reference="DHR Omega", pseudonym="Hidden Name")
    recommendation = Recommendation.objects.create(
        case=case, text="Secret recommendation text", owner=OrganisationFactory(), due_on=TODAY
    )
    action = an_action(dorset, by=dhr_officer, owners=[officer], recommendation=recommendation)
    for user, sees in ((officer, False), (clerk, False), (dhr_officer, True)):
        signed_in(client, user)
        for url in (
            reverse("meetings:action", args=[action.pk]),
            reverse("meetings:actions", args=["dorset"]),
        ):
            page = client.get(url).content.decode()
            assert "From a Domestic Homicide Review" in page
            for secret in ("Secret recommendation text", "DHR Omega"):
                assert (secret in page) == (sees and "actions/" in url and url.endswith(f"{action.pk}/")), (
                    user,
                    url,
                )
            assert "Hidden Name" not in page
    signed_in(client, officer)
    form_page = client.get(reverse("meetings:add_action", args=["dorset"])).content.decode()
    assert "Secret recommendation text" not in form_page
    signed_in(client, dhr_officer)
    assert "DHR Omega" in client.get(reverse("meetings:add_action", args=["dorset"])).content.decode()


def test_a_plan_and_a_duty_page_show_the_resolutions_and_actions_about_them(
    client, dorset, officer, clerk, meeting, entry
):
    version = plan_with_version(dorset, starts_on=date(2023, 4, 1), ends_on=date(2026, 3, 31))
    plan = version.plan
    minutes.add_agenda_item(
        meeting,
        by=clerk,
        number=5,
        title="Community Safety Plan",
        resolutions="1. The CSP agreed the plan",
        plan=plan,
        register_entry=entry,
    )
    an_action(dorset, by=clerk, owners=[officer], plan=plan, register_entry=entry, text="Publish the plan")
    signed_in(client, officer)
    for url in (reverse("plans:plan", args=[plan.pk]), entry.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "1. The CSP agreed the plan" in page
        assert "Publish the plan" in page


def test_the_meeting_page_shows_the_previous_meetings_actions_with_their_status(
    client, dorset, officer, clerk, item
):
    an_action(
        dorset, by=clerk, owners=[officer], agenda_item=item, today=TODAY, due_in=-1, text="Earlier action"
    )
    later = minutes.record_meeting(dorset, by=clerk, held_on=TODAY, title="Next meeting")
    signed_in(client, officer)
    page = client.get(later.get_absolute_url()).content.decode()
    assert "Earlier action" in page and "Overdue" in page


def test_the_forward_plan_lists_what_is_coming(client, clerk, dorset):
    signed_in(client, clerk)
    response = client.post(
        reverse("meetings:add_forward_plan_item", args=["dorset"]),
        {"title": "Annual PSA", "month_only": "on", **date_fields("planned_for", TODAY + timedelta(days=40))},
    )
    assert response.status_code == 302
    page = client.get(reverse("meetings:forward_plan", args=["dorset"])).content.decode()
    assert "Annual PSA" in page


def test_a_meeting_s_history_names_who_recorded_each_part(
    client, meeting, item, clerk, councillor, bcp_officer
):
    minutes.record_attendance(
        meeting, by=clerk, groups={Attendance.Group.APOLOGIES: [("Joe Ennis", "Probation Services")]}
    )
    url = reverse("meetings:history", args=[meeting.pk])
    signed_in(client, councillor)
    page = client.get(url).content.decode()
    assert "Attendance: Joe Ennis (apologies)" in page
    assert f"Item {item.number}: {item.title}" in page
    assert page.count(f"By {clerk.get_full_name() or clerk.username}") >= 3
    signed_in(client, bcp_officer)
    assert client.get(url).status_code == 404
