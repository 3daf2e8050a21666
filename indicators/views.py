import csv
from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from csp_tracker.audit import StaleEdit, history_events
from csp_tracker.forms import kept_after_stale_edit
from indicators import figures, importing
from indicators.access import EDIT, indicator_for
from indicators.charts import describe, trend_svg
from indicators.forms import ImportForm, IndicatorForm, RecordValueForm, TargetForm
from indicators.models import Indicator, IndicatorValue, Target, year_label
from partnerships.access import partnership_for


def _figures(indicator):
    return [(v.year, v.quarter, v.value) for v in indicator.values.all()]


def _table(indicator):
    """The data table: one row per financial year, a column per quarter and the full year."""
    rows = []
    for year, group in groupby(indicator.values.all(), key=lambda v: v.year):
        by_quarter = {v.quarter: v for v in group}
        rows.append(
            {
                "year": year_label(year),
                "cells": [by_quarter.get(q) for q in (1, 2, 3, 4, IndicatorValue.FULL_YEAR)],
            }
        )
    return rows


@login_required
def indicator_list(request, slug):
    """The partnership's indicators, each with its latest figure, baseline and status."""
    partnership = partnership_for(request.user, slug)
    indicators = Indicator.objects.visible_to(request.user).filter(partnership=partnership).with_figures()
    rows = [
        {"indicator": i, "latest": figures.latest_value(i), "judgement": figures.judge_indicator(i)}
        for i in indicators
    ]
    return render(
        request,
        "indicators/indicator_list.html",
        {"partnership": partnership, "rows": rows, "can_edit": request.user.has_perm(EDIT, partnership)},
    )


@login_required
def indicator_detail(request, pk):
    indicator = indicator_for(request.user, pk)
    judgement = figures.judge_indicator(indicator)
    values = _figures(indicator)
    targets = {t.year: t.value for t in indicator.targets.all()}
    chart = trend_svg(
        title=f"{indicator.name}: figures by quarter",
        description=describe(indicator, values, judgement),
        values=values,
        baseline_year=indicator.baseline_year,
        baseline_value=indicator.baseline_value,
        targets=targets,
        id_prefix=f"indicator-{indicator.pk}-chart",
    )
    return render(
        request,
        "indicators/indicator.html",
        {
            "indicator": indicator,
            "partnership": indicator.partnership,
            "judgement": judgement,
            "latest": figures.latest_value(indicator),
            "chart": chart,
            "table": _table(indicator),
            "targets": [(year_label(t.year), t.value) for t in indicator.targets.all()],
            "can_edit": request.user.has_perm(EDIT, indicator.partnership),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_indicator(request, slug):
    partnership = partnership_for(request.user, slug, perm=EDIT)
    form = IndicatorForm(
        request.POST or None, partnership=partnership, action=request.path, submit="Add the indicator"
    )
    if request.method == "POST" and form.is_valid():
        fields = form.indicator_fields()
        if Indicator.objects.filter(partnership=partnership, name__iexact=fields["name"]).exists():
            form.add_error("name", f"{partnership.name} already has an indicator with this name")
        else:
            indicator = figures.create_indicator(partnership, by=request.user, **fields)
            messages.success(request, f"{indicator.name} added")
            return redirect(indicator)
    return render(request, "indicators/indicator_form.html", {"partnership": partnership, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def edit_indicator(request, pk):
    indicator = indicator_for(request.user, pk, perm=EDIT)
    initial = {name: getattr(indicator, name) for name in figures.INDICATOR_FIELDS} | {
        "revision": indicator.revision,
        "baseline_year": indicator.baseline_label,
        "baseline_value": figures.number(indicator.baseline_value).replace(",", ""),
    }
    form = IndicatorForm(
        request.POST or None,
        partnership=indicator.partnership,
        action=request.path,
        submit="Save the changes",
        initial=initial,
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        fields = form.indicator_fields()
        clash = (
            Indicator.objects.filter(partnership=indicator.partnership, name__iexact=fields["name"])
            .exclude(pk=indicator.pk)
            .exists()
        )
        if clash:
            form.add_error("name", f"{indicator.partnership.name} already has an indicator with this name")
        else:
            try:
                figures.update_indicator(
                    indicator,
                    by=request.user,
                    expected_revision=form.cleaned_data["revision"] or indicator.revision,
                    **fields,
                )
            except StaleEdit as refusal:
                stale = refusal
                form = kept_after_stale_edit(
                    lambda data: IndicatorForm(
                        data,
                        partnership=indicator.partnership,
                        action=request.path,
                        submit="Save the changes",
                        initial=initial,
                    ),
                    request.POST,
                    refusal,
                    counter="revision",
                    what=None,
                )
            else:
                messages.success(request, f"{fields['name']} saved")
                return redirect(indicator)
    return render(
        request,
        "indicators/indicator_form.html",
        {"partnership": indicator.partnership, "indicator": indicator, "form": form, "stale": stale},
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_value(request, pk):
    indicator = indicator_for(request.user, pk, perm=EDIT)
    form = RecordValueForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            figure = figures.record_value(
                indicator,
                year=data["year"],
                quarter=data["quarter"],
                value=data["value"],
                note=data["note"],
                replace=data["replace"],
                by=request.user,
            )
        except figures.FigureRefused as refusal:
            form.add_error(refusal.column if refusal.column in form.fields else None, str(refusal))
        else:
            messages.success(request, f"{figure.period}: {figures.number(figure.value)} recorded")
            return redirect(indicator)
    return render(request, "indicators/record_value.html", {"indicator": indicator, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def set_target(request, pk):
    indicator = indicator_for(request.user, pk, perm=EDIT)
    form = TargetForm(request.POST or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        year, value = form.cleaned_data["year"], form.cleaned_data["value"]
        figures.set_target(indicator, year=year, value=value, by=request.user)
        if value is None:
            messages.success(request, f"Target for {year_label(year)} removed")
        else:
            messages.success(request, f"Target for {year_label(year)}: {figures.number(value)}")
        return redirect(indicator)
    return render(request, "indicators/set_target.html", {"indicator": indicator, "form": form})


@login_required
def indicator_history(request, pk):
    """Who changed what, and when: the indicator, its targets and every figure."""
    indicator = indicator_for(request.user, pk)
    newest_first = ("-history_date", "-history_id")
    events = history_events(
        indicator.history.select_related("history_user").order_by(*newest_first),
        Indicator,
        subject=f"Indicator: {indicator.name}",
    )
    for model, words in (
        (IndicatorValue, lambda r: f"Figure for {_period(r)}"),
        (Target, lambda r: f"Target for {year_label(r.year)}"),
    ):
        records = model.history.filter(indicator_id=indicator.pk).select_related("history_user")
        for _, group in groupby(records.order_by("id", *newest_first), key=lambda r: r.id):
            group = list(group)
            events += history_events(group, model, subject=words(group[0]))
    events.sort(key=lambda event: event.when, reverse=True)
    return render(request, "indicators/history.html", {"indicator": indicator, "events": events})


def _period(record):
    if record.quarter == IndicatorValue.FULL_YEAR:
        return f"{year_label(record.year)} full year"
    return f"{year_label(record.year)} Q{record.quarter}"


@login_required
@require_http_methods(["GET", "POST"])
def import_figures(request, slug):
    """Step one: upload a file and see what each row would do. Nothing is saved here."""
    partnership = partnership_for(request.user, slug, perm=EDIT)
    form = ImportForm(request.POST or None, request.FILES or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            preview = importing.preview_upload(
                partnership, form.cleaned_data["file"], replace=form.cleaned_data["replace"]
            )
        except importing.FileRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            if preview.ok:
                request.session[importing.SESSION_KEY] = importing.to_session(preview, partnership)
            else:
                request.session.pop(importing.SESSION_KEY, None)
            return render(
                request,
                "indicators/import_preview.html",
                {"partnership": partnership, "preview": preview, "filename": form.cleaned_data["file"].name},
            )
    return render(request, "indicators/import.html", {"partnership": partnership, "form": form})


@login_required
@require_POST
def confirm_import(request, slug):
    """Step two: save every checked row, or none of them."""
    partnership = partnership_for(request.user, slug, perm=EDIT)
    pending = request.session.get(importing.SESSION_KEY)
    preview = importing.from_session(pending, partnership, digest=request.POST.get("digest", ""))
    if preview is None:
        messages.error(request, "There are no checked figures waiting to be saved. Upload the file again")
        return redirect("indicators:import", partnership.slug)
    try:
        saved = importing.import_figures(partnership, preview, by=request.user)
    except importing.ImportRefused as refusal:
        request.session.pop(importing.SESSION_KEY, None)
        return render(
            request,
            "indicators/import_preview.html",
            {"partnership": partnership, "preview": refusal.preview, "changed_since": True},
        )
    request.session.pop(importing.SESSION_KEY, None)
    messages.success(
        request,
        f"{len(saved.rows)} figure{'s' if len(saved.rows) != 1 else ''} saved: "
        f"{saved.adding} added, {saved.replacing} replaced",
    )
    return redirect("indicators:list", partnership.slug)


@login_required
def import_template(request, slug):
    """A CSV with the right columns and the partnership's indicator names, ready to fill in."""
    partnership = partnership_for(request.user, slug, perm=EDIT)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{partnership.slug}-figures.csv"'
    writer = csv.writer(response)
    writer.writerow([*importing.REQUIRED_COLUMNS, "note"])
    for name in Indicator.objects.filter(partnership=partnership).values_list("name", flat=True):
        writer.writerow([name, "", "", "", ""])
    return response
