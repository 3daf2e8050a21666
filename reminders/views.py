from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from csp_tracker.audit import history_events
from partnerships.access import partnership_for
from partnerships.models import Partnership, Role
from partnerships.rules import roles_in
from reminders import calendar, preferences
from reminders.audience import (
    SettingsRefused,
    as_text,
    audience_of,
    change_settings,
    describe_days,
    reminder_days,
)
from reminders.forms import DigestForm, SettingsForm
from reminders.models import Deadline, Reminder, ReminderSettings
from reminders.sending import outstanding_for
from reminders.status import worker_state

MANAGE = "partnerships.manage_partnership"
SENT_TO_YOU_SHOWN = 50
DEADLINE_REMINDERS_SHOWN = 100
PARTNERSHIP_REMINDERS_SHOWN = 100
HISTORY_SHOWN = 20
# What a review's deadline is called wherever its title may not be shown.
CONFIDENTIAL_TITLE = "A Domestic Homicide Review needs attention"


@login_required
def service_status(request):
    """For admins: proof that the background worker and its scheduler are running."""
    if not request.user.is_staff:
        raise PermissionDenied
    return render(request, "reminders/status.html", {"worker": worker_state(), "now": timezone.now()})


@dataclass
class Due:
    """How a deadline stands today, in words and a tag colour, so templates compare no dates."""

    words: str
    colour: str  # a govuk-tag modifier: "red", "yellow", "green", "grey" or "" (blue)
    overdue: bool = False


def due_state(deadline, today) -> Due:
    if deadline.met_on is not None:
        return Due(f"Met on {deadline.met_on:%-d %B %Y}", "green")
    days = (deadline.due_on - today).days
    if days < 0:
        return Due(f"{-days} day{'s' if days != -1 else ''} overdue", "red", overdue=True)
    if days == 0:
        return Due("Due today", "yellow")
    return Due(f"{days} day{'s' if days != 1 else ''} left", "yellow" if days <= 7 else "")


def deadline_title(deadline) -> str:
    return CONFIDENTIAL_TITLE if deadline.is_confidential else deadline.title


def _calendar_url(token):
    return settings.SITE_URL.rstrip("/") + reverse("reminders:calendar_feed", args=[token])


def _my_reminders_page(request, *, digest_form=None, status=200):
    user, today = request.user, timezone.localdate()
    mine = preferences.preferences_of(user)
    upcoming = [(deadline, due_state(deadline, today)) for deadline in outstanding_for(user, today)]
    sent = (
        Reminder.objects.filter(recipient=user)
        .select_related("deadline__partnership")
        .order_by("-created_at", "-pk")[:SENT_TO_YOU_SHOWN]
    )
    digest_form = digest_form or DigestForm(
        initial={"weekly_digest": "yes" if mine.weekly_digest else "no"}, action=reverse("reminders:digest")
    )
    partnerships = Partnership.objects.filter(roles__user=user).distinct().order_by("name")
    response = render(
        request,
        "reminders/mine.html",
        {
            "upcoming": upcoming,
            "digest_days": settings.REMINDER_DIGEST_DAYS,
            "sent": [(reminder, _about(reminder)) for reminder in sent],
            "shown": SENT_TO_YOU_SHOWN,
            "preferences": mine,
            "digest_form": digest_form,
            "calendar_url": _calendar_url(mine.calendar_token) if mine.calendar_token else None,
            "partnerships": partnerships,
        },
        status=status,
    )
    return response


def _about(reminder) -> str:
    """The deadline a reminder was about, in words safe for its recipient's list (a lead's
    overdue notice lists several deadlines: each has its own row)."""
    if reminder.deadline is None:
        return ""
    if reminder.deadline.is_confidential:
        return f"{CONFIDENTIAL_TITLE} ({reminder.deadline.partnership.name})"
    return reminder.deadline.title


@never_cache  # a secret (the calendar address) or a review: never kept by a browser or proxy
@login_required
@require_safe
def my_reminders(request):
    """What is coming up for me, what I have been sent, and my choices."""
    return _my_reminders_page(request)


@never_cache
@login_required
@require_POST
def set_digest(request):
    form = DigestForm(request.POST, action=reverse("reminders:digest"))
    if not form.is_valid():
        return _my_reminders_page(request, digest_form=form, status=400)
    on = form.cleaned_data["weekly_digest"]
    preferences.set_weekly_digest(request.user, on=on, by=request.user)
    messages.success(request, "Weekly digest turned on" if on else "Weekly digest turned off")
    return redirect("reminders:mine")


@login_required
@require_POST
def make_calendar_address(request):
    """Create the calendar address, or renew it: the old one stops working at once."""
    renewing = preferences.preferences_of(request.user).calendar_token is not None
    preferences.make_calendar_address(request.user, by=request.user)
    messages.success(
        request,
        "Calendar address renewed: the old address no longer works"
        if renewing
        else "Calendar address created: copy it into Outlook",
    )
    return redirect(reverse("reminders:mine") + "#calendar")


@login_required
@require_POST
def turn_calendar_off(request):
    preferences.turn_calendar_off(request.user, by=request.user)
    messages.success(request, "Calendar feed turned off: the old address no longer works")
    return redirect(reverse("reminders:mine") + "#calendar")


@require_safe
def calendar_feed(request, token):
    """The person's deadlines for Outlook, which fetches it with no one signed in."""
    user = calendar.owner_of(token)
    if user is None:
        raise Http404("No such calendar")
    response = HttpResponse(calendar.feed(user), content_type="text/calendar; charset=utf-8")
    add_never_cache_headers(response)
    response["Content-Disposition"] = 'inline; filename="csp-tracker-deadlines.ics"'
    return response


@never_cache
@login_required
@require_safe
def deadline_detail(request, pk):
    """One deadline: when, whose, under which rule, who is reminded and what was sent."""
    deadline = get_object_or_404(
        Deadline.objects.visible_to(request.user).select_related("partnership", "owner"), pk=pk
    )
    today = timezone.localdate()
    who = audience_of(deadline.partnership)
    reminders = deadline.reminders.select_related("recipient").order_by("-created_at", "-pk")
    sent = list(reminders[: DEADLINE_REMINDERS_SHOWN + 1])
    request.partnership_slug = deadline.partnership.slug
    return render(
        request,
        "reminders/deadline.html",
        {
            "deadline": deadline,
            "partnership": deadline.partnership,
            "title": deadline_title(deadline),
            "due": due_state(deadline, today),
            "told": who.told(deadline),
            "escalated_to": who.escalated_to(deadline),
            "escalated_as": who.escalated_as(deadline),
            "thresholds": describe_days(who.days_before),
            # The days ahead; once it is overdue, the weekly notices to the lead take over.
            "reminder_days": reminder_days(deadline.due_on, who.days_before)
            if deadline.met_on is None and deadline.due_on >= today
            else [],
            "today": today,
            "reminders": sent[:DEADLINE_REMINDERS_SHOWN],
            "more_reminders": len(sent) > DEADLINE_REMINDERS_SHOWN,
            "shown": DEADLINE_REMINDERS_SHOWN,
        },
    )


def _settings_history(partnership):
    records = (
        ReminderSettings.history.filter(partnership_id=partnership.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: HISTORY_SHOWN + 1]
    )
    events = history_events(records, ReminderSettings, subject="Reminder settings")[:HISTORY_SHOWN]
    for event in events:
        for change in event.changes:
            if change.label == "Days before":  # a JSON list: shown as the form takes it
                change.old, change.new = change.old.strip("[]"), change.new.strip("[]")
    return events


@login_required
@require_http_methods(["GET", "POST"])
def partnership_settings(request, slug):
    """A partnership's thresholds and lead, and the reminders it has sent: members read,
    partnership admins change."""
    user = request.user
    perm = MANAGE if request.method == "POST" else "partnerships.view_partnership"
    partnership = partnership_for(user, slug, perm=perm)
    can_manage = user.has_perm(MANAGE, partnership)
    who = audience_of(partnership)
    stored_lead = who.settings.lead_id if who.settings else None
    people = (
        get_user_model()
        .objects.filter(csp_roles__partnership=partnership, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
    initial = {
        "days_before": who.days_before,
        "lead": stored_lead,
        "started_days": as_text(who.days_before),
        "started_lead": str(stored_lead or ""),
    }

    def make_form(data):
        return SettingsForm(data, people=people, initial=initial, action=request.path)

    form = make_form(request.POST or None) if can_manage else None
    stale = None
    if request.method == "POST" and form.is_valid():
        try:
            change_settings(
                partnership,
                by=user,
                days_before=form.cleaned_data["days_before"],
                lead=form.cleaned_data["lead"],
                started_from=form.started_from,
            )
        except SettingsRefused as refusal:
            stale = refusal
            data = request.POST.copy()
            data["started_days"] = as_text(refusal.current.days_before)
            data["started_lead"] = str(refusal.current.lead_id or "")
            form = make_form(data)
            form.is_valid()
            form.add_error(
                None,
                "Someone else changed these reminder settings after you opened them. Your changes "
                "have not been saved. Check what they changed, then save again to keep your version.",
            )
        else:
            messages.success(request, "Reminder settings saved")
            return redirect("reminders:settings", partnership.slug)
    recorded = Reminder.objects.visible_to(user).filter(deadline__partnership=partnership)
    cleared = Role.Kind.DHR_CLEARED in roles_in(user, partnership)
    hidden = (
        0
        if cleared
        else Reminder.objects.filter(
            deadline__partnership=partnership, deadline__is_confidential=True
        ).count()
    )
    return render(
        request,
        "reminders/settings.html",
        {
            "partnership": partnership,
            "can_manage": can_manage,
            "form": form,
            "stale": stale,
            "thresholds": describe_days(who.days_before),
            "days_before": as_text(who.days_before),
            "lead": who.lead,
            "admins": who.admins,
            "reminders": recorded.select_related("recipient", "deadline").order_by("-created_at", "-pk")[
                :PARTNERSHIP_REMINDERS_SHOWN
            ],
            "recorded_count": recorded.count(),
            "hidden_count": hidden,
            "shown": PARTNERSHIP_REMINDERS_SHOWN,
            "events": _settings_history(partnership),
            "confidential_title": CONFIDENTIAL_TITLE,
        },
        status=409 if stale else 200,
    )
