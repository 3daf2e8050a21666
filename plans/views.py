from itertools import groupby
from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from csp_tracker.audit import StaleEdit, history_events
from csp_tracker.forms import kept_after_stale_edit
from duties.evidence import private_download
from meetings.minutes import concerning
from partnerships.access import partnership_for
from partnerships.models import Council, Partnership
from partnerships.rules import EDITORS
from plans import adoption
from plans.access import condition_for, plan_for, route_for, version_for
from plans.forms import (
    BoardFilterForm,
    ConditionMetForm,
    EditPlanVersionForm,
    PlanForm,
    PlanVersionForm,
    RecordStepForm,
)
from plans.models import AdoptionStep, Condition, Plan, PlanVersion, Route

BOARD_PAGE_SIZE = 50


def _plan_state(plan, today):
    """The plan's state; its successors are fetched only once its latest period has ended,
    because only then can one of them make it superseded rather than expired."""
    versions = plan.versions.all()
    successors = ()
    if versions and versions[len(versions) - 1].ends_on < today:
        successors = Plan.objects.filter(kind=plan.kind, lead_partnership=plan.lead_partnership).for_board()
    return adoption.plan_state(plan, today=today, successors=successors)


def _route_states(version, today):
    return [
        (route, adoption.route_state(route.steps.all(), adopted_by=route.council.adopted_by, today=today))
        for route in version.routes.all()
    ]


def _step_words(step):
    """ "Full Council: adopted on 21 November 2019", for a step or its historical record."""
    return f"{step.get_kind_display()}: {step.get_outcome_display().lower()} on {step.decided_on:%-d %B %Y}"


def _board(request, *, printable):
    today = timezone.localdate()
    visible = Plan.objects.visible_to(request.user)
    councils = list(
        Council.objects.filter(routes__version__plan__in=visible)
        .order_by("name")
        .values_list("slug", "name")
        .distinct()
    )
    filters = BoardFilterForm(request.GET or None, councils=councils)
    narrowed = filters.narrow(visible)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "today": today,
        "filters": filters,
        "filtered": filters.filtered,
        "query_string": params.urlencode(),
    }
    if printable or filters.wants_flag:
        # A flag is worked out from each plan's steps, so every plan must be judged.
        rows = filters.apply(adoption.plan_states(narrowed.for_board(), today=today))
        if printable:
            return render(
                request,
                "plans/board_print.html",
                {**context, "rows": rows, "count": len(rows), "nav_items": []},
            )
        page_obj = Paginator(rows, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    else:
        # Page in the database, then judge only the page's plans and their families (the
        # plans that could supersede them), so the board costs the same with 5 or 1,500.
        listed = narrowed.order_by("title", "pk").values_list("pk", "kind", "lead_partnership_id")
        page_obj = Paginator(listed, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
        keys = list(page_obj.object_list)
        families = Q(pk__in=[pk for pk, _, _ in keys])
        for _, kind, lead in keys:
            families |= Q(kind=kind, lead_partnership_id=lead)
        plans = visible.filter(families).for_board() if keys else Plan.objects.none()
        states = {state.plan.pk: state for state in adoption.plan_states(plans, today=today)}
        page_obj.object_list = [states[pk] for pk, _, _ in keys if pk in states]
    editable = Partnership.objects.filter(roles__user=request.user, roles__kind__in=EDITORS).distinct()
    return render(
        request,
        "plans/board.html",
        {
            **context,
            "count": page_obj.paginator.count,
            "rows": page_obj,
            "page_obj": page_obj,
            "editable_partnerships": editable,
        },
    )


@login_required
def board(request):
    """Where each plan stands on its way to adoption: what councillors come to ask."""
    return _board(request, printable=False)


@login_required
def board_print(request):
    """The same board, with the same filters, laid out for paper."""
    return _board(request, printable=True)


@login_required
def plan_detail(request, pk):
    plan = plan_for(request.user, pk)
    today = timezone.localdate()
    versions = [(version, _route_states(version, today)) for version in reversed(plan.versions.all())]
    return render(
        request,
        "plans/plan.html",
        {
            "plan": plan,
            "state": _plan_state(plan, today),
            "versions": versions,
            "can_edit": request.user.has_perm("plans.edit_plan", plan),
            **concerning(request.user, plan=plan, today=today),
        },
    )


@login_required
def version_detail(request, pk):
    plan, version = version_for(request.user, pk)
    today = timezone.localdate()
    state = _plan_state(plan, today)
    return render(
        request,
        "plans/version.html",
        {
            "plan": plan,
            "version": version,
            "is_latest": version == state.latest,
            "state": state,
            "routes": _route_states(version, today),
            "can_edit": request.user.has_perm("plans.edit_plan", plan),
        },
    )


@login_required
def version_document(request, pk):
    """A version's document leaves only through here, after the plan check."""
    _, version = version_for(request.user, pk)
    if not version.document:
        raise Http404("This version's document is a link, not a file")
    return private_download(version.document, version.document_type)


@login_required
@require_http_methods(["GET", "POST"])
def record_step(request, pk):
    plan, version, route = route_for(request.user, pk, perm="plans.edit_plan")
    form = RecordStepForm(request.POST or None, route=route, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            step = adoption.record_step(
                route, by=request.user, today=timezone.localdate(), **form.step_fields()
            )
        except adoption.StepOutOfOrder as refusal:
            form.add_error("decided_on", str(refusal))
        else:
            messages.success(request, f"Decision recorded for {route.council.name}: {_step_words(step)}")
            return redirect(version)
    return render(
        request, "plans/record_step.html", {"plan": plan, "version": version, "route": route, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def condition_met(request, pk):
    plan, condition = condition_for(request.user, pk, perm="plans.edit_plan")
    version = condition.step.route.version
    form = ConditionMetForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            adoption.mark_condition_met(
                condition, by=request.user, met_on=form.cleaned_data["met_on"], today=timezone.localdate()
            )
        except adoption.StepOutOfOrder as refusal:
            form.add_error("met_on", str(refusal))
        else:
            messages.success(request, f"Condition met: {condition.text}")
            return redirect(version)
    return render(
        request,
        "plans/condition_met.html",
        {"plan": plan, "version": version, "condition": condition, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_version(request, pk):
    plan = plan_for(request.user, pk, perm="plans.edit_plan")
    form = PlanVersionForm(request.POST or None, request.FILES or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        version = adoption.add_version(
            plan, by=request.user, today=timezone.localdate(), **form.version_fields()
        )
        messages.success(request, f"{version.title} added")
        return redirect(version)
    return render(request, "plans/add_version.html", {"plan": plan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def edit_version(request, pk):
    plan, version = version_for(request.user, pk, perm="plans.edit_plan")
    initial = {name: getattr(version, name) for name in adoption.TYPED_VERSION_FIELDS} | {
        "revision": version.revision
    }
    form = EditPlanVersionForm(
        request.POST or None, request.FILES or None, action=request.path, initial=initial
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        fields = form.version_fields()
        try:
            adoption.update_version(
                version,
                by=request.user,
                expected_revision=form.cleaned_data["revision"],
                today=timezone.localdate(),
                **fields,
            )
        except StaleEdit as refusal:
            stale = refusal
            form = kept_after_stale_edit(
                lambda data: EditPlanVersionForm(
                    data, request.FILES or None, action=request.path, initial=initial
                ),
                request.POST,
                refusal,
                counter="revision",
                what="version",
            )
        else:
            messages.success(request, f"{version.title}: changes saved")
            return redirect(version)
    return render(
        request,
        "plans/edit_version.html",
        {"plan": plan, "version": version, "form": form, "stale": stale},
        status=409 if stale else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_plan(request, slug):
    partnership = partnership_for(request.user, slug, perm="partnerships.edit_register")
    others = (
        Partnership.objects.filter(roles__user=request.user, roles__kind__in=EDITORS)
        .exclude(pk=partnership.pk)
        .distinct()
    )
    form = PlanForm(request.POST or None, others=others, action=request.path)
    if request.method == "POST" and form.is_valid():
        plan = adoption.create_plan(partnership, by=request.user, **form.plan_fields())
        messages.success(request, f"{plan.title} added. Now add its first version")
        return redirect("plans:add_version", plan.pk)
    return render(request, "plans/add_plan.html", {"partnership": partnership, "form": form})


@login_required
def version_history(request, pk):
    """Who changed what, and when: the version, its routes, their decisions and conditions."""
    plan, version = version_for(request.user, pk)
    newest_first = ("-history_date", "-history_id")
    councils = {route.pk: route.council.name for route in version.routes.all()}
    events = history_events(
        version.history.select_related("history_user").order_by(*newest_first),
        PlanVersion,
        subject=f"Version: {version.title}",
    )
    for record in Route.history.filter(version_id=version.pk).select_related("history_user"):
        if record.history_type in "+-":
            subject = f"Route for {councils.get(record.council_id, 'a council')}"
            events += history_events([record], Route, subject=subject)
    steps = list(
        AdoptionStep.history.filter(route_id__in=councils)
        .select_related("history_user")
        .order_by("id", *newest_first)
    )
    for _, group in groupby(steps, key=attrgetter("id")):
        records = list(group)
        subject = f"{councils.get(records[0].route_id, 'A council')}: {_step_words(records[0])}"
        events += history_events(records, AdoptionStep, subject=subject)
    conditions = (
        Condition.history.filter(step_id__in={record.id for record in steps})
        .select_related("history_user")
        .order_by("id", *newest_first)
    )
    for _, group in groupby(conditions, key=attrgetter("id")):
        records = list(group)
        events += history_events(records, Condition, subject=f"Condition: {records[0].text}")
    events.sort(key=lambda event: event.when, reverse=True)
    return render(request, "plans/version_history.html", {"plan": plan, "version": version, "events": events})
