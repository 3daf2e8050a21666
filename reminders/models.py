from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class DeadlineQuerySet(models.QuerySet):
    def open(self):
        return self.filter(met_on__isnull=True)

    def overdue(self, today):
        return self.open().filter(due_on__lt=today)

    def due_within(self, today, *, days):
        return self.open().filter(due_on__gte=today, due_on__lte=today + timedelta(days=days))

    def visible_to(self, user):
        """Deadlines of the user's partnerships; confidential ones (DHR) only for the cleared."""
        from partnerships.models import Partnership, Role

        if not user.is_authenticated:
            return self.none()
        # Site admins see every partnership, but DHR rows only where they are cleared too.
        visible = (
            self if user.is_superuser else self.filter(partnership__in=Partnership.objects.visible_to(user))
        )
        cleared = Role.objects.filter(user=user, kind=Role.Kind.DHR_CLEARED).values("partnership")
        return visible.filter(Q(is_confidential=False) | Q(partnership__in=cleared))

    def told_to(self, user):
        """The deadlines the sweep tells this person about (see `reminders.sweep`): those
        they own or share; those with no owner where they are an officer; a review's, where they are
        DHR-cleared."""
        from partnerships.models import Role

        if not user.is_authenticated:
            return self.none()
        mine = Role.objects.filter(user=user)
        officer_in = mine.filter(kind=Role.Kind.OFFICER).values("partnership")
        cleared_in = mine.filter(kind=Role.Kind.DHR_CLEARED).values("partnership")
        co_owned = Deadline.co_owners.through.objects.filter(user=user).values("deadline")
        return self.filter(
            Q(is_confidential=False, owner=user)
            | Q(is_confidential=False, pk__in=co_owned)
            | Q(is_confidential=False, owner__isnull=True, partnership__in=officer_in)
            | Q(is_confidential=True, partnership__in=cleared_in)
        )


class Deadline(models.Model):
    """One dated obligation, from whichever app made it: the table every reminder,
    dashboard and calendar feed reads, so none of them reaches into another app.

    Rows are written only through `reminders.deadlines.write_deadlines`, keyed by
    (source record, rule), so rewriting a record's deadlines is an upsert.
    """

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="deadlines"
    )
    title = models.CharField(max_length=300)
    due_on = models.DateField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="deadlines"
    )
    # Others who share the obligation (an action's second and third owners): reminded as the
    # owner is.
    co_owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="co_owned_deadlines"
    )
    rule = models.CharField(max_length=60, help_text="The rule that made this deadline, e.g. duty-due.")
    rule_version = models.CharField(max_length=40, blank=True)
    legal_source = models.CharField(max_length=300, blank=True)
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    link = models.CharField(max_length=300, help_text="Where the record that owns this deadline lives.")
    # DHR deadlines: their titles may be seen only by DHR-cleared people.
    is_confidential = models.BooleanField(default=False)
    met_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "rule"], name="one_deadline_per_source_and_rule"
            )
        ]
        indexes = [
            # The sweep and the dashboards ask for open deadlines by date.
            models.Index(fields=["due_on"], condition=Q(met_on__isnull=True), name="open_deadline_due_on"),
            models.Index(fields=["partnership", "due_on"], name="deadline_partnership_due_on"),
        ]

    def __str__(self):
        return f"{self.title} ({self.due_on:%d %B %Y})"


class Heartbeat(models.Model):
    """Written by a periodic task, so the status page can prove the worker and scheduler run."""

    name = models.CharField(max_length=60, unique=True)
    beat_at = models.DateTimeField()
    count = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"{self.name} at {self.beat_at:%Y-%m-%d %H:%M:%S}"


DEFAULT_DAYS_BEFORE = [60, 30, 7, 1, 0]


def default_days_before():
    return list(DEFAULT_DAYS_BEFORE)


class ReminderSettings(models.Model):
    """How a partnership wants to be reminded: how many days before a deadline, and who is
    told when one is overdue (the partnership lead)."""

    partnership = models.OneToOneField(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="reminder_settings"
    )
    days_before = models.JSONField(
        default=default_days_before,
        help_text="Days before a deadline to remind its owner; 0 is the day itself.",
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Partnership lead",
        help_text="Told every week while a deadline stays overdue. Without one, the partnership admins are.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "reminder settings"
        verbose_name_plural = "reminder settings"

    def __str__(self):
        return f"Reminders for {self.partnership}"


class Preferences(models.Model):
    """One person's choices: the weekly digest, and the secret address of their calendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preferences"
    )
    weekly_digest = models.BooleanField(default=True)
    calendar_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    calendar_token_made_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["calendar_token"])

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self):
        return f"Reminder preferences of {self.user}"


class ReminderQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reminders about deadlines the user may see, and their own digests."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(deadline__in=Deadline.objects.visible_to(user)) | Q(deadline__isnull=True, recipient=user)
        )


class Reminder(models.Model):
    """One message to one person: recorded before it is sent, under a unique key, so a
    sweep run twice, a task delivered twice or a worker restarted mid-sweep sends it once."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", "Reminder"
        ESCALATION = "escalation", "Overdue: escalated to the partnership lead"
        DIGEST = "digest", "Weekly digest"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Not sent"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    deadline = models.ForeignKey(
        Deadline, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    # The deadline's due date when the reminder was made, so a deadline that moves on (a
    # duty done and due again next year) is reminded afresh. For a digest: its week's Monday.
    due_on = models.DateField()
    # Days before the due date (reminder), weeks overdue (escalation), 0 (digest).
    occasion = models.SmallIntegerField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders_received"
    )
    to_address = models.EmailField(blank=True)
    subject = models.CharField(max_length=300, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    note = models.TextField(blank=True, help_text="Why it failed or was not sent.")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "due_on", "kind", "occasion", "recipient"],
                condition=Q(deadline__isnull=False),
                name="one_reminder_per_deadline_occasion_recipient",
            ),
            models.UniqueConstraint(
                fields=["recipient", "due_on"],
                condition=Q(kind="digest"),
                name="one_digest_per_person_per_week",
            ),
        ]
        indexes = [
            models.Index(
                fields=["state"], condition=Q(state__in=["pending", "failed"]), name="reminder_unsent"
            ),
            models.Index(fields=["recipient", "created_at"], name="reminder_recipient_created"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.recipient} ({self.get_state_display()})"

    @property
    def is_confidential(self):
        return self.deadline is not None and self.deadline.is_confidential
