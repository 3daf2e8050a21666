"""The DHR pages. Every one answers 404 to anyone not DHR-cleared in the partnership, logs
each look at a case (dhr.access.case_for) and is kept out of browser and proxy caches."""

from functools import wraps
from itertools import groupby
from operator import attrgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from csp_tracker.audit import StaleEdit, history_events
from csp_tracker.forms import kept_after_stale_edit
from dhr import dashboard, review
from dhr import stages as dhr_stages
from dhr.access import (
    case_for,
    cleared_partnership_for,
    document_for,
    imr_for,
    log_partnership_for,
    pause_for,
    recommendation_for,
    stage_for,
)
from dhr.forms import (
    CaseForm,
    CorrectStageForm,
    CostForm,
    DocumentForm,
    ImrForm,
    OpenCaseForm,
    PauseForm,
    ProgressForm,
    ReceiveImrForm,
    RecommendationForm,
    ResumeForm,
    StageForm,
)
from dhr.models import CaseView, Cost, DhrCase, Document, Imr, Pause, Recommendation, StageRecord
from duties.evidence import private_download
from partnerships.models import Role
from partnerships.rules import roles_in

LOG_PAGE_SIZE = 50


def confidential(view):
    """Signed in, GET or POST, and never kept by a browser or proxy."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store, no-cache, max-age=0, must-revalidate"
        return response

    return login_required(never_cache(require_http_methods(["GET", "POST"])(wrapped)))


def _render(request, template, context, **kwargs):
    """Render, with the navigation pointing at the review's partnership."""
    request.partnership_slug = context["partnership"].slug
    return render(request, template, context, **kwargs)


def _cases(partnership):
    return (
        DhrCase.objects.filter(partnership=partnership)
        .select_related("partnership")
        .prefetch_related("stages", "pauses")
        .order_by("-pk")
    )


@confidential
def case_list(request, slug):
    """Every review of the partnership, where it is and what it is waiting for."""
    partnership = cleared_partnership_for(request.user, slug)
    today = timezone.localdate()
    rows = dashboard.review_rows(_cases(partnership), today=today)
    group = request.GET.get("group", "")
    if group in dhr_stages.GROUPS:
        rows = [row for row in rows if row.group == group]
    return _render(
        request,
        "dhr/list.html",
        {
            "partnership": partnership,
            "rows": rows,
            "groups": dhr_stages.GROUPS,
            "group": group,
            "today": today,
            "can_read_log": Role.Kind.ADMIN in roles_in(request.user, partnership),
        },
    )


@confidential
def review_dashboard(request, slug):
    """Which review is stuck, where, and for how long: for DHR-cleared members only."""
    partnership = cleared_partnership_for(request.user, slug)
    today = timezone.localdate()
    cases = list(_cases(partnership))
    rows = [row for row in dashboard.review_rows(cases, today=today) if row.is_open]
    days = dashboard.decision_to_submission_days(cases)
    return _render(
        request,
        "dhr/dashboard.html",
        {
            "partnership": partnership,
            "today": today,
            "by_stage": dashboard.by_stage(rows),
            "rows": sorted(rows, key=lambda row: (not row.overdue, -row.days_in_stage)),
            "paused": [row for row in rows if row.paused],
            "overdue_imrs": Imr.objects.filter(
                case__partnership=partnership, received_on__isnull=True, due_on__lt=today
            ).select_related("case", "agency"),
            "overdue_recommendations": Recommendation.objects.filter(
                case__partnership=partnership, due_on__lt=today
            )
            .exclude(status=Recommendation.Status.COMPLETE)
            .select_related("case", "owner"),
            "median_days": dashboard.median_days(days),
            "median_count": len(days),
        },
    )


@confidential
def open_case(request, slug):
    partnership = cleared_partnership_for(request.user, slug)
    form = OpenCaseForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            case = review.open_case(
                partnership, by=request.user, today=timezone.localdate(), **form.cleaned_data
            )
        except review.ReviewRefused as refusal:
            field = "notified_on" if "date" in str(refusal) else "reference"
            form.add_error(field, str(refusal))
        else:
            messages.success(request, f"{case.name} opened")
            return redirect("dhr:case", case.pk)
    return _render(request, "dhr/open_case.html", {"partnership": partnership, "form": form})


@confidential
def case_detail(request, pk):
    case = case_for(request.user, pk, what="the review")
    today = timezone.localdate()
    records = dhr_stages.in_order(case.stages.all())
    row = dashboard.review_row(case, today=today)
    costs = list(case.costs.all())
    payers = {}
    for cost in costs:
        payers[cost.paid_by.name] = payers.get(cost.paid_by.name, 0) + cost.amount
    return _render(
        request,
        "dhr/case.html",
        {
            "case": case,
            "partnership": case.partnership,
            "row": row,
            "records": records,
            "dues": row.dues,
            "next_stages": dhr_stages.next_stages(records, kind=case.kind),
            "open_pause": row.paused,
            "costs": costs,
            "total_cost": sum(cost.amount for cost in costs),
            "payers": sorted(payers.items()),
            "today": today,
        },
    )


def _form_page(request, case, heading, form, *, lines=()):
    """One form of a review, under its heading, with a few lines of context above it."""
    return _render(
        request,
        "dhr/form.html",
        {"case": case, "partnership": case.partnership, "form": form, "heading": heading, "lines": lines},
    )


def _stage_words(record):
    words = f"{record.get_stage_display()}, {record.reached_on:%-d %B %Y}"
    return f"{words} ({record.get_outcome_display().lower()})" if record.outcome else words


def _done(request, case, message):
    messages.success(request, message)
    return redirect("dhr:case", case.pk)


@confidential
def edit_case(request, pk):
    case = case_for(request.user, pk, what="change the review's details")
    form = CaseForm(request.POST or None, instance=case, action=request.path)
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            review.update_case(
                case,
                by=request.user,
                expected_revision=form.cleaned_data["revision"],
                today=timezone.localdate(),
                **form.case_fields(),
            )
        except StaleEdit as refusal:
            stale = refusal
            form = kept_after_stale_edit(
                lambda data: CaseForm(data, instance=stale.current, action=request.path),
                request.POST,
                refusal,
                counter="revision",
                what="review",
            )
        except review.ReviewRefused as refusal:
            form.add_error("pseudonym", str(refusal))
        else:
            return _done(request, case, "Changes saved")
    return _render(
        request,
        "dhr/edit_case.html",
        {"case": case, "partnership": case.partnership, "form": form, "stale": stale},
        status=409 if stale else 200,
    )


@confidential
def record_stage(request, pk):
    case = case_for(request.user, pk, what="record a stage")
    records = dhr_stages.in_order(case.stages.all())
    form = StageForm(
        request.POST or None, stages=dhr_stages.next_stages(records, kind=case.kind), action=request.path
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = review.record_stage(
                case, by=request.user, today=timezone.localdate(), **form.cleaned_data
            )
        except review.ReviewRefused as refusal:
            message = str(refusal)
            field = (
                "reached_on"
                if "date" in message
                else "outcome"
                if "outcome" in message
                else "notes"
                if "reasons" in message
                else "stage"
            )
            form.add_error(field, message)
        else:
            words = record.get_stage_display()
            if record.outcome:
                words += f": {record.get_outcome_display().lower()}"
            return _done(request, case, f"Stage recorded: {words}, {record.reached_on:%-d %B %Y}")
    return _form_page(
        request,
        case,
        "Record a stage",
        form,
        lines=[f"Stages so far: {len(records)}"]
        + ([f"Latest: {_stage_words(records[-1])}"] if records else []),
    )


@confidential
def correct_stage(request, pk):
    case, record = stage_for(request.user, pk, what="correct a stage")
    form = CorrectStageForm(
        request.POST or None,
        initial={"reached_on": record.reached_on, "notes": record.notes},
        action=request.path,
    )
    if request.method == "POST" and form.is_valid():
        try:
            review.correct_stage(record, by=request.user, today=timezone.localdate(), **form.cleaned_data)
        except review.ReviewRefused as refusal:
            form.add_error("reached_on", str(refusal))
        else:
            return _done(request, case, f"Corrected: {record.get_stage_display()}")
    return _form_page(
        request,
        case,
        f"Correct: {record.get_stage_display()}",
        form,
        lines=[f"Recorded as {_stage_words(record)}"],
    )


@confidential
def pause_case(request, pk):
    case = case_for(request.user, pk, what="pause the review")
    form = PauseForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            made = review.pause(case, by=request.user, today=timezone.localdate(), **form.cleaned_data)
        except review.ReviewRefused as refusal:
            form.add_error(
                "starts_on" if "date" in str(refusal) or "start" in str(refusal) else "reason", str(refusal)
            )
        else:
            return _done(request, case, f"Review paused: {made.get_reason_display().lower()}")
    return _form_page(
        request, case, "Pause the review", form, lines=["The statutory clocks stop while the pause lasts."]
    )


@confidential
def resume_case(request, pk):
    case, pause = pause_for(request.user, pk, what="end a pause")
    form = ResumeForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            review.resume(pause, by=request.user, today=timezone.localdate(), **form.cleaned_data)
        except review.ReviewRefused as refusal:
            form.add_error("ends_on", str(refusal))
        else:
            return _done(request, case, "The pause has ended and the clocks run again")
    return _form_page(request, case, "End the pause", form, lines=[f"Paused: {pause}"])


@confidential
def request_imr(request, pk):
    case = case_for(request.user, pk, what="request an IMR")
    form = ImrForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            imr = review.request_imr(case, by=request.user, today=timezone.localdate(), **form.cleaned_data)
        except review.ReviewRefused as refusal:
            form.add_error("requested_on", str(refusal))
        else:
            return _done(request, case, f"IMR requested from {imr.agency.name}")
    return _form_page(request, case, "Request an IMR or chronology", form)


@confidential
def receive_imr(request, pk):
    case, imr = imr_for(request.user, pk, what="record an IMR received")
    form = ReceiveImrForm(request.POST or None, request.FILES or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        try:
            review.receive_imr(
                imr,
                by=request.user,
                today=timezone.localdate(),
                received_on=form.cleaned_data["received_on"],
                summary=form.cleaned_data["summary"],
            )
            if upload:
                kind = Document.Kind.CHRONOLOGY if imr.chronology_only else Document.Kind.IMR
                review.add_document(
                    case,
                    by=request.user,
                    kind=kind,
                    title=f"IMR from {imr.agency.name}",
                    upload=upload,
                    imr=imr,
                )
        except review.ReviewRefused as refusal:
            form.add_error("received_on", str(refusal))
        else:
            return _done(request, case, f"IMR received from {imr.agency.name}")
    return _form_page(
        request,
        case,
        f"IMR received from {imr.agency.name}",
        form,
        lines=[f"Requested {imr.requested_on:%-d %B %Y}, due {imr.due_on:%-d %B %Y}"],
    )


@confidential
def add_recommendation(request, pk):
    case = case_for(request.user, pk, what="add a recommendation")
    form = RecommendationForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            review.add_recommendation(case, by=request.user, today=timezone.localdate(), **form.cleaned_data)
        except review.ReviewRefused as refusal:
            form.add_error("text", str(refusal))
        else:
            return _done(request, case, "Recommendation added to the action plan")
    return _form_page(request, case, "Add a recommendation to the action plan", form)


@confidential
def recommendation_progress(request, pk):
    case, rec = recommendation_for(request.user, pk, what="record progress on a recommendation")
    form = ProgressForm(
        request.POST or None, initial={"status": rec.status, "evidence": rec.evidence}, action=request.path
    )
    if request.method == "POST" and form.is_valid():
        try:
            review.update_recommendation(
                rec, by=request.user, today=timezone.localdate(), **form.cleaned_data
            )
        except review.ReviewRefused as refusal:
            message = str(refusal)
            form.add_error("evidence" if "evidence" in message else "reviewed_on", message)
        else:
            return _done(request, case, "Progress saved")
    return _form_page(
        request,
        case,
        "Record progress on a recommendation",
        form,
        lines=[rec.text, f"Owner: {rec.owner.name}. Due {rec.due_on:%-d %B %Y}"],
    )


@confidential
def add_cost(request, pk):
    case = case_for(request.user, pk, what="add a cost")
    form = CostForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            cost = review.add_cost(case, by=request.user, **form.cleaned_data)
        except review.ReviewRefused as refusal:
            form.add_error("amount", str(refusal))
        else:
            return _done(request, case, f"Cost added: {cost.description}, £{cost.amount:,.2f}")
    return _form_page(request, case, "Add a cost", form)


@confidential
def add_document(request, pk):
    case = case_for(request.user, pk, what="upload a document")
    form = DocumentForm(request.POST or None, request.FILES or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            document = review.add_document(
                case,
                by=request.user,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["document"],
            )
        except review.ReviewRefused as refusal:
            form.add_error("kind", str(refusal))
        else:
            return _done(request, case, f"Uploaded: {document.title}")
    return _form_page(
        request,
        case,
        "Upload a document",
        form,
        lines=["Documents are served only to DHR-cleared members, and each download is logged."],
    )


@login_required
@never_cache
def download_document(request, pk):
    """A review's document leaves only through here, to a cleared member, and is logged."""
    _, document = document_for(request.user, pk, what=f"download of document {pk}")
    return private_download(document.file, document.content_type)


@confidential
def case_history(request, pk):
    """Who recorded or changed what, and when, across the review and all its parts."""
    case = case_for(request.user, pk, what="the review's history")
    newest_first = ("-history_date", "-history_id")
    events = history_events(
        case.history.select_related("history_user").order_by(*newest_first), DhrCase, subject="The review"
    )
    parts = [
        (StageRecord, lambda r: r.get_stage_display()),
        (Pause, lambda r: f"Pause: {r.get_reason_display().lower()}"),
        (Imr, lambda r: "IMR requested" if r.received_on is None else "IMR"),
        (Recommendation, lambda r: f"Recommendation: {r.text[:60]}"),
        (Cost, lambda r: f"Cost: {r.description}"),
        (Document, lambda r: f"Document: {r.title}"),
    ]
    for model, subject in parts:
        records = (
            model.history.filter(case_id=case.pk).select_related("history_user").order_by("id", *newest_first)
        )
        for _, group in groupby(records, key=attrgetter("id")):
            group = list(group)
            events += history_events(group, model, subject=subject(group[0]))
    events.sort(key=lambda event: event.when, reverse=True)
    return _render(
        request, "dhr/history.html", {"case": case, "partnership": case.partnership, "events": events}
    )


@confidential
def access_log(request, slug):
    """Who looked at which review, and when: for DHR-cleared admins of the partnership."""
    partnership = log_partnership_for(request.user, slug)
    views = CaseView.objects.filter(case__partnership=partnership).select_related("case", "user")
    case = request.GET.get("case", "")
    if case.isdigit():
        views = views.filter(case_id=int(case))
    page_obj = Paginator(views.order_by("-viewed_at", "-pk"), LOG_PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(
        request,
        "dhr/access_log.html",
        {
            "partnership": partnership,
            "page_obj": page_obj,
            "rows": page_obj,
            "query_string": f"case={case}" if case.isdigit() else "",
            "list_url": reverse("dhr:list", args=[partnership.slug]),
        },
    )
