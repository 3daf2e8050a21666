"""Sending one recorded reminder, once.

The row is locked while it is sent and marked sent in the same transaction, so the same
task delivered twice, or a sweep that queues a reminder already queued, sends it once. A
worker killed before the commit leaves the row waiting, and the next sweep sends it.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from partnerships.models import Role
from reminders.models import Deadline, Preferences, Reminder


class SendFailed(Exception):
    """The mail server or Notify refused or did not answer; the task tries again later."""


def absolute(link: str) -> str:
    return settings.SITE_URL.rstrip("/") + link


def outstanding_for(user, today: date):
    """What the weekly digest lists: the person's open deadlines, overdue or due soon,
    most urgent first."""
    until = today + timedelta(days=settings.REMINDER_DIGEST_DAYS)
    return list(
        Deadline.objects.told_to(user)
        .open()
        .filter(due_on__lte=until)
        .select_related("partnership")
        .order_by("due_on", "title")
    )


def _why_not(reminder: Reminder, today: date) -> str:
    """Why a recorded reminder is no longer worth sending, or "" if it still is."""
    deadline, person = reminder.deadline, reminder.recipient
    if not person.is_active:
        return "The person's account is closed."
    if reminder.kind == Reminder.Kind.DIGEST:
        muted = Preferences.objects.filter(user=person, weekly_digest=False).exists()
        return "The person has turned the weekly digest off." if muted else ""
    if deadline.met_on is not None:
        return "The deadline was met before this was sent."
    if deadline.due_on != reminder.due_on:
        return "The due date moved; reminders follow the new date."
    if (
        deadline.is_confidential
        and not Role.objects.filter(
            user=person, partnership_id=deadline.partnership_id, kind=Role.Kind.DHR_CLEARED
        ).exists()
    ):
        return "The person is no longer DHR-cleared in this partnership."
    if reminder.kind == Reminder.Kind.REMINDER and deadline.due_on < today:
        return "It became overdue before it could be sent; the partnership lead is told instead."
    later = Reminder.objects.filter(
        kind=reminder.kind, deadline=deadline, due_on=reminder.due_on, recipient=person
    ).exclude(pk=reminder.pk)
    if reminder.kind == Reminder.Kind.REMINDER:
        later = later.filter(occasion__lt=reminder.occasion)
    else:
        later = later.filter(occasion__gt=reminder.occasion)
    if later.exists():
        return "A more urgent reminder about the same deadline replaced it."
    return ""


def compose(reminder: Reminder, today: date) -> EmailMultiAlternatives:
    """The email, in plain text and HTML. A review's deadline is never named: the message
    says a review needs attention, and the link asks the reader to sign in."""
    deadline = reminder.deadline
    context = {
        "reminder": reminder,
        "person": reminder.recipient,
        "deadline": deadline,
        "today": today,
        "site_url": settings.SITE_URL.rstrip("/"),
        "reminders_url": absolute("/reminders/"),
    }
    if reminder.kind == Reminder.Kind.DIGEST:
        items = outstanding_for(reminder.recipient, today)
        context["items"] = [(item, absolute(item.link)) for item in items]
        context["overdue"] = sum(item.due_on < today for item in items)
        subject = f"Your deadlines this week: {len(items)} outstanding"
        if context["overdue"]:
            subject += f", {context['overdue']} overdue"
        template = "digest"
    else:
        days = (deadline.due_on - today).days
        context.update(days=days, days_overdue=-days, link=absolute(deadline.link))
        template = reminder.kind
        if deadline.is_confidential:
            subject = (
                "Overdue: a Domestic Homicide Review needs attention"
                if reminder.kind == Reminder.Kind.ESCALATION
                else "A Domestic Homicide Review needs attention"
            )
            template += "_confidential"
        elif reminder.kind == Reminder.Kind.ESCALATION:
            subject = f"Overdue by {-days} day{'s' if -days != 1 else ''}: {deadline.title}"
        elif days == 0:
            subject = f"Due today: {deadline.title}"
        else:
            subject = f"Due in {days} day{'s' if days != 1 else ''}: {deadline.title}"
    context["subject"] = subject = subject[:300]
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"reminders/email/{template}.txt", context),
        to=[reminder.recipient.email],
    )
    message.attach_alternative(render_to_string(f"reminders/email/{template}.html", context), "text/html")
    return message


def send(reminder_id: int, *, today: date | None = None) -> str | None:
    """Send a recorded reminder if it is still waiting and still worth sending. Returns
    its state afterwards, or None if another worker has it or it was already dealt with.
    Raises SendFailed when the mail server fails and another try is due."""
    today = today or timezone.localdate()
    with transaction.atomic():
        reminder = (
            Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("deadline", "recipient")
            .filter(pk=reminder_id, state=Reminder.State.PENDING)
            .first()
        )
        if reminder is None:
            return None
        reason = _why_not(reminder, today)
        if reason:
            reminder.state, reminder.note = Reminder.State.CANCELLED, reason
            reminder.save(update_fields=["state", "note"])
            return reminder.state
        if not reminder.recipient.email:
            reminder.state, reminder.note = Reminder.State.FAILED, "The person has no email address."
            reminder.save(update_fields=["state", "note"])
            return reminder.state
        message = compose(reminder, today)
        reminder.to_address, reminder.subject = reminder.recipient.email, message.subject
        reminder.attempts += 1
        try:
            message.send()
        except Exception as error:  # SMTP, Notify or the network: recorded, then retried
            reminder.note = f"{type(error).__name__}: {error}"[:2000]
            out_of_tries = reminder.attempts >= settings.REMINDER_SEND_ATTEMPTS
            reminder.state = Reminder.State.FAILED if out_of_tries else Reminder.State.PENDING
        else:
            reminder.state, reminder.note, reminder.sent_at = Reminder.State.SENT, "", timezone.now()
        reminder.save(update_fields=["to_address", "subject", "attempts", "state", "note", "sent_at"])
    if reminder.state == Reminder.State.PENDING:
        raise SendFailed(reminder.note)
    return reminder.state


def send_again(reminder: Reminder, *, today: date | None = None) -> str | None:
    """For the failed-sends page: give a failed reminder a fresh set of tries and send it
    now, in the request, so a retry works even while the broker is down."""
    Reminder.objects.filter(pk=reminder.pk, state=Reminder.State.FAILED).update(
        state=Reminder.State.PENDING, attempts=0
    )
    try:
        return send(reminder.pk, today=today)
    except SendFailed:
        return Reminder.State.PENDING
