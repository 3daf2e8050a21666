from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from dhr import stages as dhr_stages
from dhr.models import DhrCase
from duties.models import RegisterEntry
from partnerships.access import partnership_for
from partnerships.models import Membership, Partnership, Role
from partnerships.rules import roles_in
from reminders.models import Deadline

DUE_SOON_DAYS = 90


@login_required
def partnership_list(request):
    partnerships = Partnership.objects.visible_to(request.user).prefetch_related("councils")
    return render(request, "partnerships/list.html", {"partnerships": partnerships})


@login_required
def dashboard(request, slug):
    """Opens on what is overdue and what falls due in the next 90 days."""
    partnership = partnership_for(request.user, slug)
    today = timezone.localdate()
    deadlines = (
        Deadline.objects.filter(partnership=partnership).visible_to(request.user).select_related("owner")
    )
    counts = dict(
        RegisterEntry.objects.filter(partnership=partnership)
        .with_current_status(today)
        .order_by()
        .values_list("current_status")
        .annotate(n=Count("pk"))
        .values_list("current_status", "n")
    )
    return render(
        request,
        "partnerships/dashboard.html",
        {
            "partnership": partnership,
            "today": today,
            "overdue": deadlines.overdue(today),
            "due_soon": deadlines.due_within(today, days=DUE_SOON_DAYS),
            "due_soon_caption": f"Due in the next {DUE_SOON_DAYS} days",
            "due_soon_empty": f"Nothing falls due in the next {DUE_SOON_DAYS} days.",
            # Counts only: a review's detail is for DHR-cleared members, on the DHR pages.
            "dhr_counts": dhr_stages.counts(
                DhrCase.objects.filter(partnership=partnership).only("pk", "kind").prefetch_related("stages")
            ),
            "dhr_cleared": Role.Kind.DHR_CLEARED in roles_in(request.user, partnership),
            "status_counts": [
                (value, label, counts.get(value, 0)) for value, label in RegisterEntry.Status.choices
            ],
        },
    )


@login_required
def partnership_detail(request, slug):
    """The partnership: its councils, responsible authorities and the bodies that attend."""
    partnership = partnership_for(request.user, slug)
    memberships = list(partnership.memberships.select_related("organisation"))
    return render(
        request,
        "partnerships/detail.html",
        {
            "partnership": partnership,
            "councils": partnership.councils.all(),
            "statutory": [m for m in memberships if m.standing == Membership.Standing.STATUTORY],
            "attending": [m for m in memberships if m.standing == Membership.Standing.ATTENDING],
            "people": partnership.roles.select_related("user").order_by("user__first_name", "kind"),
        },
    )
