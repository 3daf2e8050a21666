from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_POST

from csp_tracker.audit import StaleEdit, history_events
from csp_tracker.forms import kept_after_stale_edit
from duties.evidence import private_download
from partnerships.access import partnership_for
from scrutiny import building
from scrutiny import render as pack_render
from scrutiny.access import PREPARE, pack_for
from scrutiny.forms import BuildPackForm, IssueForm, NarrativeForm
from scrutiny.models import Pack

CARRIED_OVER = (
    "committee",
    "portfolio_holder",
    "director",
    "report_author",
    "officer_contact",
    "officer_phone",
    "officer_email",
)
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _in_nav(request, pack):
    """Pack pages carry no slug in their address; the navigation reads the partnership here."""
    request.partnership_slug = pack.partnership.slug


@login_required
def pack_list(request, slug):
    """Issued packs for everyone in the partnership; drafts for those who prepare them."""
    partnership = partnership_for(request.user, slug)
    packs = list(Pack.objects.visible_to(request.user).filter(partnership=partnership).for_list())
    return render(
        request,
        "scrutiny/list.html",
        {
            "partnership": partnership,
            "issued": [pack for pack in packs if pack.is_issued],
            "drafts": [pack for pack in packs if not pack.is_issued],
            "can_prepare": request.user.has_perm(PREPARE, partnership),
        },
    )


def _starting_values(partnership, today: date) -> dict:
    """The last pack's cover, or last financial year for a first pack."""
    last = Pack.objects.filter(partnership=partnership).order_by("-created_at", "-pk").first()
    year = today.year - 1 if today.month >= 4 else today.year - 2
    initial = {
        "title": f"Community Safety Annual Report {year}/{(year + 1) % 100:02d}",
        "period_starts_on": date(year, 4, 1),
        "period_ends_on": date(year + 1, 3, 31),
    }
    if last is not None:
        # The people and the committee carry over from the last pack; the dates do not.
        initial |= {name: getattr(last, name) for name in CARRIED_OVER}
        initial["council"] = last.council_id
    else:
        council = partnership.councils.order_by("name").first()
        initial["council"] = council.pk if council else None
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def build_pack(request, slug):
    partnership = partnership_for(request.user, slug, perm=PREPARE)
    form = BuildPackForm(
        request.POST or None,
        partnership=partnership,
        action=request.path,
        initial=_starting_values(partnership, timezone.localdate()),
    )
    if request.method == "POST" and form.is_valid():
        pack = building.start_build(partnership, by=request.user, **form.cleaned_data)
        messages.success(request, f"{pack.title}: the draft is being built")
        return redirect(pack)
    return render(request, "scrutiny/build.html", {"partnership": partnership, "form": form})


@login_required
def pack_detail(request, pk):
    pack = pack_for(request.user, pk)
    _in_nav(request, pack)
    return render(
        request,
        "scrutiny/pack.html",
        {
            "pack": pack,
            "partnership": pack.partnership,
            "can_prepare": request.user.has_perm(PREPARE, pack.partnership),
            "missing": building.missing_narrative(pack),
        },
    )


@login_required
def pack_progress(request, pk):
    """What the pack page polls while a build runs."""
    pack = pack_for(request.user, pk)
    response = JsonResponse(
        {
            "state": pack.state,
            "state_label": pack.get_state_display(),
            "progress": pack.progress,
            "note": pack.progress_note,
            "building": pack.is_building,
        }
    )
    add_never_cache_headers(response)
    return response


@login_required
def preview(request, pk):
    pack = pack_for(request.user, pk)
    _in_nav(request, pack)
    if not pack.content:
        messages.info(request, "The pack has not been built yet: preview it when it is ready")
        return redirect(pack)
    return render(
        request,
        "scrutiny/preview.html",
        {"pack": pack, "partnership": pack.partnership, "blocks": pack_render.blocks(pack)},
    )


def _refuse_issued(request, pack):
    return render(
        request, "scrutiny/issued_refusal.html", {"pack": pack, "partnership": pack.partnership}, status=409
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_narrative(request, pk):
    pack = pack_for(request.user, pk, prepare=True)
    _in_nav(request, pack)
    if pack.is_issued:
        return _refuse_issued(request, pack)
    initial = {name: getattr(pack, name) for name in building.NARRATIVE_FIELDS} | {"revision": pack.revision}
    form = NarrativeForm(request.POST or None, action=request.path, initial=initial)
    stale = None
    if request.method == "POST" and form.is_valid():
        narrative = {name: form.cleaned_data[name] for name in building.NARRATIVE_FIELDS}
        try:
            building.update_narrative(
                pack, by=request.user, expected_revision=form.cleaned_data["revision"], **narrative
            )
        except building.PackIssued:
            return _refuse_issued(request, pack)
        except StaleEdit as refusal:
            stale = refusal
            form = kept_after_stale_edit(
                lambda data: NarrativeForm(data, action=request.path),
                request.POST,
                refusal,
                counter="revision",
                what="pack",
            )
        else:
            messages.success(request, f"{pack.title}: draft saved")
            return redirect(pack)
    return render(
        request,
        "scrutiny/edit.html",
        {"pack": pack, "partnership": pack.partnership, "form": form, "stale": stale},
        status=409 if stale else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def issue(request, pk):
    pack = pack_for(request.user, pk, prepare=True)
    _in_nav(request, pack)
    if pack.is_issued:
        return _refuse_issued(request, pack)
    form = IssueForm(request.POST or None, initial={"revision": pack.revision})
    problem = ""
    if request.method == "POST" and form.is_valid():
        try:
            building.issue(pack, by=request.user, expected_revision=form.cleaned_data["revision"])
        except building.PackIssued:
            return _refuse_issued(request, pack)
        except building.NotReady as refusal:
            problem = str(refusal)
        else:
            messages.success(request, f"{pack.title} issued")
            return redirect(pack)
    return render(
        request,
        "scrutiny/issue.html",
        {
            "pack": pack,
            "partnership": pack.partnership,
            "revision": pack.revision,
            "problem": problem,
            "missing": building.missing_narrative(pack),
        },
        status=409 if problem else 200,
    )


@login_required
@require_POST
def build_again(request, pk):
    pack = pack_for(request.user, pk, prepare=True)
    draft = building.build_again(pack, by=request.user)
    if draft.pk == pack.pk:
        messages.success(request, f"{pack.title}: building again from the live data")
    else:
        messages.success(request, f"{pack.title}: a new draft is being built from the live data")
    return redirect(draft)


def _download(request, pk, kind):
    """Pack files leave only through here: an issued pack for every member of the
    partnership, a draft for those who prepare packs."""
    pack = pack_for(request.user, pk)
    stored = getattr(pack, kind)
    if not stored:
        raise Http404("The pack has no file yet")
    return private_download(stored, CONTENT_TYPES[kind])


@login_required
def download_pdf(request, pk):
    return _download(request, pk, "pdf")


@login_required
def download_docx(request, pk):
    return _download(request, pk, "docx")


@login_required
def pack_history(request, pk):
    pack = pack_for(request.user, pk)
    _in_nav(request, pack)
    events = history_events(
        pack.history.select_related("history_user").order_by("-history_date", "-history_id"),
        Pack,
        subject="Scrutiny pack",
    )
    return render(
        request, "scrutiny/history.html", {"pack": pack, "partnership": pack.partnership, "events": events}
    )
