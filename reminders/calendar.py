"""A person's deadlines as an iCalendar feed, for Outlook's "Subscribe from web".

Outlook fetches the feed itself, every few hours, with no one signed in, so the secret
address (`Preferences.calendar_token`) is the only key: it is long, random and revocable.
The feed lists what the sweep tells the person about (`Deadline.objects.told_to`) while it
is open. A review's deadline is an event that says a review needs attention, never what it
is, since a calendar is often shared with colleagues or assistants.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

from reminders.models import Deadline, Preferences
from reminders.sending import absolute

CONFIDENTIAL_SUMMARY = "Domestic Homicide Review needs attention ({partnership})"


def owner_of(token: str):
    """The active person whose feed this address is, or None (unknown, renewed, turned off)."""
    if not token:
        return None
    preferences = (
        Preferences.objects.filter(calendar_token=token, user__is_active=True).select_related("user").first()
    )
    return preferences.user if preferences else None


def summary(deadline) -> str:
    if deadline.is_confidential:
        return CONFIDENTIAL_SUMMARY.format(partnership=deadline.partnership.name)
    return deadline.title


def feed(user) -> bytes:
    """The person's open deadlines, one all-day event each, in one query."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    calendar = Calendar()
    calendar.add("prodid", "-//CSP Tracker//Deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "CSP Tracker deadlines")
    # Outlook and Apple Calendar ask again after this long; Outlook may take longer.
    calendar.add("refresh-interval", timedelta(hours=4), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vText("PT4H"))
    now = timezone.now()
    deadlines = (
        Deadline.objects.told_to(user)
        .open()
        .select_related("partnership")
        .only("pk", "title", "due_on", "link", "is_confidential", "updated_at", "partnership__name")
        .order_by("due_on", "pk")
    )
    for deadline in deadlines:
        link = absolute(deadline.link)
        event = Event()
        event.add("uid", f"deadline-{deadline.pk}@{host}")
        event.add("dtstamp", deadline.updated_at or now)
        event.add("dtstart", deadline.due_on)
        event.add("dtend", deadline.due_on + timedelta(days=1))
        event.add("summary", summary(deadline))
        event.add("url", link)
        event.add("description", f"{deadline.partnership.name}. Open it in CSP Tracker: {link}")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
