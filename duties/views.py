from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from csp_tracker.audit import StaleEdit, history_events
from csp_tracker.forms import kept_after_stale_edit
from duties import register
from duties.evidence import private_download
from duties.forms import EvidenceForm, RegisterEntryForm, RegisterFilterForm
from duties.models import Evidence, RegisterEntry
from meetings.minutes import concerning
from partnerships.access import partnership_for


def _entry(partnership, code, today):
    entries = RegisterEntry.objects.filter(partnership=partnership).for_register(today)
    return get_object_or_404(entries, duty__code=code)


@login_required
def register_list(request, slug):
    partnership = partnership_for(request.user, slug)
    today = timezone.localdate()
    filters = RegisterFilterForm(request.GET or None, partnership=partnership)
    entries = filters.apply(RegisterEntry.objects.filter(partnership=partnership).for_register(today))
    return render(
        request,
        "duties/register.html",
        {
            "partnership": partnership,
            "entries": entries,
            "filters": filters,
            "filtered": filters.is_bound and any(filters.data.get(k) for k in ("status", "owner")),
            "can_edit": request.user.has_perm("partnerships.edit_register", partnership),
        },
    )


@login_required
def entry_detail(request, slug, code):
    partnership = partnership_for(request.user, slug)
    today = timezone.localdate()
    entry = _entry(partnership, code, today)
    return render(
        request,
        "duties/entry.html",
        {
            "partnership": partnership,
            "entry": entry,
            "evidence": entry.evidence.select_related("added_by"),
            "can_edit": request.user.has_perm("partnerships.edit_register", partnership),
            **concerning(request.user, register_entry=entry, today=today),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, slug, code):
    partnership = partnership_for(request.user, slug, perm="partnerships.edit_register")
    entry = _entry(partnership, code, timezone.localdate())
    stale = None
    form = RegisterEntryForm(
        request.POST or None, instance=entry, partnership=partnership, action=request.path
    )
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in register.EDITABLE_FIELDS}
        try:
            register.update_entry(
                entry, by=request.user, expected_version=form.cleaned_data["version"], **changes
            )
        except StaleEdit as refusal:
            stale = refusal
            form = kept_after_stale_edit(
                lambda data: RegisterEntryForm(
                    data, instance=stale.current, partnership=partnership, action=request.path
                ),
                request.POST,
                refusal,
                counter="version",
                what="entry",
            )
        else:
            messages.success(request, f"{entry.duty.title}: changes saved")
            return redirect(entry.get_absolute_url())
    return render(
        request,
        "duties/entry_edit.html",
        {"partnership": partnership, "entry": entry, "form": form, "stale": stale},
        status=409 if stale else 200,
    )


@login_required
def entry_history(request, slug, code):
    partnership = partnership_for(request.user, slug)
    entry = _entry(partnership, code, timezone.localdate())
    events = history_events(
        entry.history.select_related("history_user").order_by("-history_date", "-history_id"),
        RegisterEntry,
        subject="Register entry",
    )
    for item in Evidence.history.filter(entry_id=entry.pk).select_related("history_user"):
        if item.history_type in "+-":
            events += history_events([item], Evidence, subject=f"Evidence: {item.title}")
    events.sort(key=lambda event: event.when, reverse=True)
    return render(
        request, "duties/entry_history.html", {"partnership": partnership, "entry": entry, "events": events}
    )


@login_required
@require_http_methods(["GET", "POST"])
def evidence_add(request, slug, code):
    partnership = partnership_for(request.user, slug, perm="partnerships.edit_register")
    entry = _entry(partnership, code, timezone.localdate())
    form = EvidenceForm(request.POST or None, request.FILES or None, action=request.path)
    if request.method == "POST" and form.is_valid():
        register.add_evidence(
            entry,
            by=request.user,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"] or None,
            link=form.cleaned_data["link"],
        )
        messages.success(request, f"Evidence added to {entry.duty.title}")
        return redirect(entry.get_absolute_url())
    return render(
        request, "duties/evidence_add.html", {"partnership": partnership, "entry": entry, "form": form}
    )


@login_required
def evidence_download(request, pk):
    """Evidence files leave only through here, after the partnership check."""
    evidence = get_object_or_404(Evidence.objects.select_related("entry__partnership"), pk=pk)
    partnership_for(request.user, evidence.entry.partnership.slug)
    if not evidence.file:
        raise Http404("This evidence is a link, not a file")
    return private_download(evidence.file, evidence.content_type)
