from itertools import groupby
from operator import attrgetter

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from csp_tracker.audit import StaleEdit, history_events
from csp_tracker.forms import kept_after_stale_edit
from meetings import minutes
from meetings.access import RECORD, action_for, meeting_for
from meetings.forms import (
    ActionFilterForm,
    ActionForm,
    AgendaItemForm,
    AttendanceForm,
    EditActionForm,
    ForwardPlanItemForm,
    MeetingForm,
)
from meetings.models import Action, AgendaItem, Attendance, ForwardPlanItem, Meeting
from partnerships.access import partnership_for

PAGE_SIZE = 50


def _can_record(user, partnership):
    return user.has_perm(RECORD, partnership)


def _page(request, queryset):
    page_obj = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page_obj, params.urlencode()


def _caption(page_obj, words):
    count = page_obj.paginator.count
    return f"{count} action{'' if count == 1 else 's'}{words if count else ''}"


@login_required
def meeting_list(request, slug):
    partnership = partnership_for(request.user, slug)
    meetings = (
        Meeting.objects.visible_to(request.user)
        .filter(partnership=partnership)
        .annotate(
            item_count=Count("items", distinct=True), action_count=Count("items__actions", distinct=True)
        )
        .order_by("-held_on", "-pk")
    )
    page_obj, query_string = _page(request, meetings)
    return render(
        request,
        "meetings/list.html",
        {
            "partnership": partnership,
            "page_obj": page_obj,
            "meetings": page_obj,
            "query_string": query_string,
            "can_record": _can_record(request.user, partnership),
        },
    )


def _action_prefetch(name="actions"):
    return Prefetch(name, queryset=Action.objects.prefetch_related("owners").order_by("due_on", "pk"))


@login_required
def meeting_detail(request, pk):
    meeting = meeting_for(request.user, pk)
    partnership = meeting.partnership
    groups = {group: [] for group in Attendance.Group.values}
    for record in meeting.attendance.all():
        groups[record.group].append(record)
    items = meeting.items.select_related("plan", "register_entry__duty").prefetch_related(
        _action_prefetch(), _action_prefetch("matters_arising")
    )
    previous = minutes.previous_meeting(meeting)
    earlier = (
        Action.objects.filter(agenda_item__meeting=previous)
        .prefetch_related("owners")
        .order_by("due_on", "pk")
        if previous
        else []
    )
    return render(
        request,
        "meetings/meeting.html",
        {
            "partnership": partnership,
            "meeting": meeting,
            "attendance": [(label, groups[group]) for group, label in Attendance.Group.choices],
            "items": items,
            "previous": previous,
            "earlier_actions": earlier,
            "today": timezone.localdate(),
            "can_record": _can_record(request.user, partnership),
        },
    )


@login_required
def meeting_history(request, pk):
    """Who recorded or changed what, and when: the meeting, its attendance and its items."""
    meeting = meeting_for(request.user, pk)
    newest_first = ("-history_date", "-history_id")
    events = history_events(
        meeting.history.select_related("history_user").order_by(*newest_first), Meeting, subject="The meeting"
    )
    parts = [
        (Attendance, lambda r: f"Attendance: {r.name} ({r.get_group_display().lower()})"),
        (AgendaItem, lambda r: f"Item {r.number}: {r.title}"),
    ]
    for model, subject in parts:
        records = (
            model.history.filter(meeting_id=meeting.pk)
            .select_related("history_user")
            .order_by("id", *newest_first)
        )
        for _, group in groupby(records, key=attrgetter("id")):
            group = list(group)
            events += history_events(group, model, subject=subject(group[0]))
    events.sort(key=lambda event: event.when, reverse=True)
    return render(
        request,
        "meetings/history.html",
        {"partnership": meeting.partnership, "meeting": meeting, "events": events},
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_meeting(request, slug):
    partnership = partnership_for(request.user, slug, perm=RECORD)
    form = MeetingForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = minutes.record_meeting(partnership, by=request.user, **form.cleaned_data)
        except minutes.MeetingRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(request, f"Meeting recorded: {meeting}. Now record who attended")
            return redirect("meetings:attendance", meeting.pk)
    return render(request, "meetings/record_meeting.html", {"partnership": partnership, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def record_attendance(request, pk):
    meeting = meeting_for(request.user, pk, perm=RECORD)
    initial = {
        group: minutes.attendance_text(meeting.attendance.filter(group=group))
        for group in Attendance.Group.values
    }
    form = AttendanceForm(request.POST or None, initial=initial, action=request.path)
    if request.method == "POST" and form.is_valid():
        saved = minutes.record_attendance(meeting, by=request.user, groups=form.groups)
        messages.success(
            request, f"Attendance saved: {len(saved)} {'person' if len(saved) == 1 else 'people'}"
        )
        return redirect(meeting)
    return render(
        request,
        "meetings/attendance.html",
        {"partnership": meeting.partnership, "meeting": meeting, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_item(request, pk):
    meeting = meeting_for(request.user, pk, perm=RECORD)
    previous = minutes.previous_meeting(meeting)
    earlier = (
        Action.objects.filter(agenda_item__meeting=previous).order_by("due_on", "pk") if previous else None
    )
    next_number = (meeting.items.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    form = AgendaItemForm(
        request.POST or None,
        meeting=meeting,
        earlier_actions=earlier,
        initial={"number": next_number},
        action=request.path,
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = minutes.add_agenda_item(meeting, by=request.user, **form.item_fields())
        except minutes.MeetingRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(request, f"Item {item.number} added: {item.title}")
            return redirect(meeting)
    return render(
        request,
        "meetings/add_item.html",
        {"partnership": meeting.partnership, "meeting": meeting, "form": form},
    )


def _recommendations_for(user, partnership):
    """The reviews' recommendations, offered only to the DHR-cleared (rules.has_perm, since
    Django's has_perm would let every superuser through)."""
    if not rules.has_perm("dhr.view_reviews", user, partnership):
        return None
    from dhr.models import Recommendation

    return Recommendation.objects.filter(case__partnership=partnership).select_related("case")


def _add_action(request, partnership, item=None):
    form = ActionForm(
        request.POST or None,
        partnership=partnership,
        people=minutes.people_of(partnership),
        recommendations=_recommendations_for(request.user, partnership),
        action=request.path,
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = minutes.add_action(
                partnership,
                by=request.user,
                today=timezone.localdate(),
                agenda_item=item,
                **form.action_fields(),
            )
        except minutes.MeetingRefused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))
        else:
            messages.success(request, f"Action added: {action}")
            return redirect(item.meeting if item else action)
    return render(
        request,
        "meetings/add_action.html",
        {"partnership": partnership, "item": item, "meeting": item.meeting if item else None, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_action(request, slug):
    return _add_action(request, partnership_for(request.user, slug, perm=RECORD))


@login_required
@require_http_methods(["GET", "POST"])
def add_item_action(request, pk):
    item = get_object_or_404(AgendaItem.objects.select_related("meeting"), pk=pk)
    meeting = meeting_for(request.user, item.meeting_id, perm=RECORD)
    item.meeting = meeting
    return _add_action(request, meeting.partnership, item)


@login_required
def action_detail(request, pk):
    action = action_for(request.user, pk)
    partnership = action.partnership
    events = history_events(
        action.history.select_related("history_user").order_by("-history_date", "-history_id"),
        Action,
        subject="Action",
    )
    review = None
    if action.recommendation_id and rules.has_perm("dhr.view_reviews", request.user, partnership):
        review = action.recommendation
    return render(
        request,
        "meetings/action.html",
        {
            "partnership": partnership,
            "action": action,
            "owners": minutes.owners_in_order(action),
            "review_recommendation": review,
            "events": events,
            "today": timezone.localdate(),
            "can_record": _can_record(request.user, partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_action(request, pk):
    action = action_for(request.user, pk, perm=RECORD)
    partnership = action.partnership
    owners = minutes.owners_in_order(action)
    initial = {name: getattr(action, name) for name in minutes.EDITABLE_ACTION_FIELDS} | {
        "owners": [owner.pk for owner in owners],
        "revision": action.revision,
    }
    people = minutes.people_of(partnership)

    def make_form(data):
        return EditActionForm(
            data, partnership=partnership, people=people, initial=initial, action=request.path
        )

    form = make_form(request.POST or None)
    stale = None
    if request.method == "POST" and form.is_valid():
        fields = form.action_fields()
        chosen = list(fields.pop("owners"))
        # Keep the order owners were named in; newly chosen ones go after them.
        ordered = [o for o in owners if o in chosen] + [o for o in chosen if o not in owners]
        try:
            minutes.update_action(
                action,
                by=request.user,
                expected_revision=form.cleaned_data["revision"],
                today=timezone.localdate(),
                owners=ordered,
                **fields,
            )
        except StaleEdit as refusal:
            stale = refusal
            form = kept_after_stale_edit(make_form, request.POST, refusal, counter="revision", what="action")
        except minutes.MeetingRefused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))
        else:
            messages.success(request, "Action: changes saved")
            return redirect(action)
    return render(
        request,
        "meetings/edit_action.html",
        {"partnership": partnership, "action": action, "form": form, "stale": stale},
        status=409 if stale else 200,
    )


@login_required
def action_list(request, slug):
    partnership = partnership_for(request.user, slug)
    today = timezone.localdate()
    owners = [
        (person.pk, person.get_full_name() or person.get_username())
        for person in minutes.people_of(partnership)
    ]
    filters = ActionFilterForm(request.GET or None, owners=owners)
    actions = filters.apply(
        Action.objects.visible_to(request.user).filter(partnership=partnership), today
    ).distinct()
    page_obj, query_string = _page(request, actions.for_list().overdue_first(today))
    return render(
        request,
        "meetings/actions.html",
        {
            "partnership": partnership,
            "filters": filters,
            "filtered": filters.filtered,
            "page_obj": page_obj,
            "actions": page_obj,
            "query_string": query_string,
            "today": today,
            "caption": _caption(
                page_obj, ", matching the filters" if filters.filtered else ", the overdue first"
            ),
            "empty_text": "No actions match these filters." if filters.filtered else "No actions yet.",
            "can_record": _can_record(request.user, partnership),
        },
    )


@login_required
def my_actions(request):
    """The actions the signed-in person owns, in every partnership, the overdue first."""
    today = timezone.localdate()
    actions = Action.objects.visible_to(request.user).owned_by(request.user).for_list().overdue_first(today)
    page_obj, query_string = _page(request, actions)
    return render(
        request,
        "meetings/my_actions.html",
        {
            "page_obj": page_obj,
            "actions": page_obj,
            "query_string": query_string,
            "today": today,
            "caption": _caption(page_obj, ", the overdue first"),
        },
    )


@login_required
def forward_plan(request, slug):
    partnership = partnership_for(request.user, slug)
    items = (
        ForwardPlanItem.objects.visible_to(request.user)
        .filter(partnership=partnership, planned_for__gte=timezone.localdate().replace(day=1))
        .select_related("plan", "register_entry__duty")
    )
    return render(
        request,
        "meetings/forward_plan.html",
        {"partnership": partnership, "items": items, "can_record": _can_record(request.user, partnership)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_forward_plan_item(request, slug):
    partnership = partnership_for(request.user, slug, perm=RECORD)
    form = ForwardPlanItemForm(request.POST or None, partnership=partnership, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            item = minutes.add_forward_plan_item(partnership, by=request.user, **form.item_fields())
        except minutes.MeetingRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            messages.success(request, f"Added to the forward plan: {item.title}")
            return redirect("meetings:forward_plan", partnership.slug)
    return render(request, "meetings/add_forward_plan_item.html", {"partnership": partnership, "form": form})
