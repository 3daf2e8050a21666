from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Duty(models.Model):
    """A statutory duty in the catalogue (domain.md sections 2, 3 and 5)."""

    class Cadence(models.TextChoices):
        STANDING = "standing", "Kept in place"
        ANNUAL = "annual", "Every year"
        THREE_YEARLY = "three_yearly", "Every three years"
        QUARTERLY = "quarterly", "Every quarter"
        AFTER_EACH_PLAN = "after_each_plan", "After each plan or refresh"
        AS_CASES_ARISE = "as_cases_arise", "As cases arise"

    code = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=200)
    legal_source = models.CharField(max_length=300)
    cadence = models.CharField(max_length=20, choices=Cadence.choices)
    what_must_be_done = models.TextField()
    # Months between one completion and the next due date, where the law sets a cycle.
    cycle_months = models.PositiveSmallIntegerField(null=True, blank=True)
    england_only = models.BooleanField(default=False)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "title"]
        verbose_name_plural = "duties"

    def __str__(self):
        return self.title


class RegisterEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        from partnerships.models import Partnership

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(partnership__in=Partnership.objects.visible_to(user))

    def with_current_status(self, today: date):
        """Annotate `current_status`: an entry past its due date is overdue, whatever it says."""
        return self.annotate(
            current_status=Case(
                When(next_due_on__lt=today, then=Value(RegisterEntry.Status.OVERDUE)),
                default=F("status"),
                output_field=models.CharField(),
            )
        )

    def for_register(self, today: date):
        return (
            self.with_current_status(today)
            .select_related("duty", "owner", "delivered_by", "partnership")
            .order_by("duty__order", "duty__title")
        )


class RegisterEntry(models.Model):
    """A partnership's record of how it meets one duty: the row of the scrutiny pack's duty table."""

    class Status(models.TextChoices):
        ON_TRACK = "on_track", "On track"
        AT_RISK = "at_risk", "At risk"
        OVERDUE = "overdue", "Overdue"
        MET = "met", "Met"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="register_entries"
    )
    duty = models.ForeignKey(Duty, on_delete=models.PROTECT, related_name="register_entries")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ON_TRACK)
    implementation = models.TextField(
        "Implementation narrative",
        blank=True,
        help_text="How the partnership meets this duty, in the words that go in the annual report.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_register_entries",
    )
    delivered_by = models.ForeignKey(
        "partnerships.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delivered_register_entries",
        help_text="Leave empty when the partnership delivers the duty itself.",
    )
    next_due_on = models.DateField("Next due", null=True, blank=True)
    last_completed_on = models.DateField("Last completed", null=True, blank=True)
    # Optimistic locking: a save carries the version it started from.
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = RegisterEntryQuerySet.as_manager()

    class Meta:
        ordering = ["partnership__name", "duty__order"]
        verbose_name_plural = "register entries"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "duty"], name="one_entry_per_duty"),
            models.CheckConstraint(
                condition=Q(next_due_on__isnull=True)
                | Q(last_completed_on__isnull=True)
                | Q(next_due_on__gt=F("last_completed_on")),
                name="next_due_after_last_completed",
            ),
        ]

    def __str__(self):
        return f"{self.duty} – {self.partnership}"

    def get_absolute_url(self):
        return reverse("duties:entry", args=[self.partnership.slug, self.duty.code])


def evidence_path(evidence, filename):
    return f"evidence/{evidence.entry.partnership_id}/{evidence.entry_id}/{filename}"


class Evidence(models.Model):
    """A file or a link that shows a duty is met. Files are served only through a view
    that checks the reader belongs to the partnership."""

    entry = models.ForeignKey(RegisterEntry, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=evidence_path, blank=True, max_length=300)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveBigIntegerField(null=True, blank=True)
    link = models.URLField(max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-added_at"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(link="")) | (~Q(file="") & Q(link="")),
                name="evidence_is_a_file_or_a_link",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_file(self):
        return bool(self.file)
