from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q


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
