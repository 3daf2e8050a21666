"""Demo reminder settings, and a sweep already run, so the reminder pages have something in
them: Dorset names its CSP manager (Chris Patel) as partnership lead; BCP keeps the default
thresholds and has no lead, so its admins hear about overdue deadlines.

Nothing is emailed: the sweep's messages go to Django's dummy backend, which accepts and
drops them. One send fails, honestly: Dorset has a community safety officer who has just
joined and whose email address is not recorded yet, so her reminder cannot go out and waits
on the failed sends page. Loading twice records nothing new on the same day.
"""

from contextlib import suppress

from django.contrib.auth import get_user_model
from django.test import override_settings

from partnerships.models import Role
from reminders import sending, sweep
from reminders.models import ReminderSettings

NO_EMAIL_YET = ("jordan.hale", "Jordan", "Hale")


def load(*, partnerships, people, today, **_):
    ReminderSettings.objects.update_or_create(
        partnership=partnerships["dorset"], defaults={"lead": people["dhrlead"]}
    )
    ReminderSettings.objects.get_or_create(partnership=partnerships["bcp"])
    username, first, last = NO_EMAIL_YET
    newcomer, created = get_user_model().objects.update_or_create(
        username=username, defaults={"first_name": first, "last_name": last, "email": ""}
    )
    if created:
        newcomer.set_unusable_password()
        newcomer.save()
    Role.objects.get_or_create(user=newcomer, partnership=partnerships["dorset"], kind=Role.Kind.OFFICER)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        for reminder_id in sweep.record(today):
            # SendFailed cannot happen with the dummy backend; the next sweep would retry.
            with suppress(sending.SendFailed):
                sending.send(reminder_id, today=today)
