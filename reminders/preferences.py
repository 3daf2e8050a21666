"""A person's own choices: the weekly digest, and the secret address of their calendar feed.

Each change is saved with its history entry naming who made it; the calendar address itself
is never copied into the history (`Preferences.history` excludes it), so renewing it really
does retire the old one.
"""

import secrets

from django.db import transaction
from django.utils import timezone

from csp_tracker.audit import save_as
from reminders.models import Preferences


def preferences_of(user) -> Preferences:
    """The person's preferences, or the defaults (digest on, no feed) if they have none yet."""
    return Preferences.objects.filter(user=user).first() or Preferences(user=user)


def _locked(user) -> Preferences:
    Preferences.objects.get_or_create(user=user)
    return Preferences.objects.select_for_update().get(user=user)


@transaction.atomic
def set_weekly_digest(user, *, on: bool, by) -> Preferences:
    preferences = _locked(user)
    if preferences.weekly_digest == on:
        return preferences
    preferences.weekly_digest = on
    return save_as(preferences, by)


@transaction.atomic
def make_calendar_address(user, *, by) -> Preferences:
    """A new secret address for the person's calendar feed; any earlier one stops working."""
    preferences = _locked(user)
    preferences.calendar_token = secrets.token_urlsafe(32)
    preferences.calendar_token_made_at = timezone.now()
    return save_as(preferences, by)


@transaction.atomic
def turn_calendar_off(user, *, by) -> Preferences:
    preferences = _locked(user)
    if preferences.calendar_token is None:
        return preferences
    preferences.calendar_token = None
    preferences.calendar_token_made_at = None
    return save_as(preferences, by)
