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


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def compose(reminders: list[Reminder], today: date) -> EmailMultiAlternatives:
    """The email, in plain text and HTML, for one reminder, one digest, or a lead's
    escalations sent together. A review's deadline is never named: the message says a
    review needs attention, and the link asks the reader to sign in."""
    first = reminders[0]
    context = {
        "person": first.recipient,
        "today": today,
        "reminders_url": absolute("/reminders/"),
    }
    if first.kind == Reminder.Kind.DIGEST:
        items = outstanding_for(first.recipient, today)
        context["items"] = [(item, absolute(item.link)) for item in items]
        context["overdue"] = sum(item.due_on < today for item in items)
        subject = f"Your deadlines this week: {len(items)} outstanding"
        if context["overdue"]:
            subject += f", {context['overdue']} overdue"
    elif first.kind == Reminder.Kind.ESCALATION:
        deadlines = sorted((r.deadline for r in reminders), key=lambda d: (d.due_on, d.title))
        context["items"] = [(d, absolute(d.link), (today - d.due_on).days) for d in deadlines]
        context["partnerships"] = sorted({d.partnership.name for d in deadlines})
        only = deadlines[0]
        if len(deadlines) > 1:
            subject = f"Overdue: {len(deadlines)} deadlines need attention"
        elif only.is_confidential:
            subject = "Overdue: a Domestic Homicide Review needs attention"
        else:
            subject = f"Overdue by {_plural((today - only.due_on).days, 'day')}: {only.title}"
    else:
        deadline = first.deadline
        days = (deadline.due_on - today).days
        context.update(deadline=deadline, days=days, link=absolute(deadline.link))
        if deadline.is_confidential:
            subject = "A Domestic Homicide Review needs attention"
        elif days == 0:
            subject = f"Due today: {deadline.title}"
        else:
            subject = f"Due in {_plural(days, 'day')}: {deadline.title}"
    context["subject"] = subject = subject[:300]
    template = first.kind
    if first.kind == Reminder.Kind.REMINDER and first.deadline.is_confidential:
        template += "_confidential"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"reminders/email/{template}.txt", context),
        to=[first.recipient.email],
    )
    message.attach_alternative(render_to_string(f"reminders/email/{template}.html", context), "text/html")
    return message


def _claim(reminder_id: int) -> list[Reminder]:
    """Lock the reminder, and with an escalation every other escalation waiting for the
    same lead, so a lead gets one overdue notice listing everything rather than one email
    per deadline. Rows another worker holds are skipped, not waited for."""
    locked = Reminder.objects.select_for_update(skip_locked=True, of=("self",)).select_related(
        "deadline__partnership", "deadline__owner", "recipient"
    )
    first = locked.filter(pk=reminder_id, state=Reminder.State.PENDING).first()
    if first is None:
        return []
    if first.kind != Reminder.Kind.ESCALATION:
        return [first]
    others = locked.filter(
        kind=Reminder.Kind.ESCALATION, recipient_id=first.recipient_id, state=Reminder.State.PENDING
    ).exclude(pk=first.pk)
    return [first, *others.order_by("pk")]


def _save(reminders: list[Reminder], **values):
    for reminder in reminders:
        for name, value in values.items():
            setattr(reminder, name, value)
    Reminder.objects.bulk_update(reminders, list(values))


def send(reminder_id: int, *, today: date | None = None) -> str | None:
    """Send a recorded reminder if it is still waiting and still worth sending. Returns
    its state afterwards, or None if another worker has it or it was already dealt with.
    Raises SendFailed when the mail server fails and another try is due."""
    today = today or timezone.localdate()
    with transaction.atomic():
        claimed = _claim(reminder_id)
        if not claimed:
            return None
        worth = []
        for reminder in claimed:
            reason = _why_not(reminder, today)
            if reason:
                _save([reminder], state=Reminder.State.CANCELLED, note=reason)
            else:
                worth.append(reminder)
        if not worth:
            return claimed[0].state
        person = worth[0].recipient
        if not person.email:
            _save(worth, state=Reminder.State.FAILED, note="The person has no email address.")
            return claimed[0].state
        message = compose(worth, today)
        attempts = max(r.attempts for r in worth) + 1
        try:
            message.send()
        except Exception as error:  # SMTP, Notify or the network: recorded, then retried
            out_of_tries = attempts >= settings.REMINDER_SEND_ATTEMPTS
            state = Reminder.State.FAILED if out_of_tries else Reminder.State.PENDING
            note, sent_at = f"{type(error).__name__}: {error}"[:2000], None
        else:
            state, note, sent_at = Reminder.State.SENT, "", timezone.now()
        _save(
            worth,
            to_address=person.email,
            subject=message.subject,
            attempts=attempts,
            state=state,
            note=note,
            sent_at=sent_at,
        )
    if claimed[0].state == Reminder.State.PENDING:
        raise SendFailed(claimed[0].note)
    return claimed[0].state


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
