"""A partnership's meetings as its minutes record them (seed 003): who attended, the items,
what was resolved, the forward plan, and the actions with their named owners."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


def _in_visible_partnerships(queryset, user, path="partnership"):
    from partnerships.models import Partnership

    if not user.is_authenticated:
        return queryset.none()
    if user.is_superuser:
        return queryset
    return queryset.filter(**{f"{path}__in": Partnership.objects.visible_to(user)})


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _in_visible_partnerships(self, user)


class Meeting(models.Model):
    """One meeting of the partnership, its sub-group or its DHR review group."""

    class Kind(models.TextChoices):
        CSP_BOARD = "csp_board", "CSP board"
        SUB_GROUP = "sub_group", "Sub-group"
        DHR_REVIEW_GROUP = "dhr_review_group", "DHR review group"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CSP_BOARD)
    sub_group = models.CharField(
        "Sub-group", max_length=200, blank=True, help_text="e.g. Local Priority Delivery Group"
    )
    held_on = models.DateField("Date of the meeting")
    title = models.CharField(max_length=200)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["partnership", "held_on"], name="meeting_partnership_held_on")]

    def __str__(self):
        return f"{self.title}, {self.held_on:%-d %B %Y}"

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.pk])


class Attendance(models.Model):
    """A person in one of the four lists the minutes keep."""

    class Group(models.TextChoices):
        CORE = "core", "Core membership"
        ATTENDEE = "attendee", "Attendees"
        SUPPORT = "support", "Support"
        APOLOGIES = "apologies", "Apologies"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    group = models.CharField(max_length=10, choices=Group.choices)
    name = models.CharField(max_length=200)
    organisation_name = models.CharField(
        "Organisation", max_length=200, blank=True, help_text="As the minutes write it"
    )
    organisation = models.ForeignKey(
        "partnerships.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendance",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="attendance"
    )
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return f"{self.name}, {self.organisation_name}" if self.organisation_name else self.name


class AgendaItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _in_visible_partnerships(self, user, "meeting__partnership")


class AgendaItem(models.Model):
    """An item on a meeting's agenda: the minutes of the discussion and what was resolved."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    minutes = models.TextField(blank=True)
    resolutions = models.TextField(
        blank=True, help_text='As the minutes record them: "Resolved: 1. ... 2. ..."'
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    register_entry = models.ForeignKey(
        "duties.RegisterEntry",
        verbose_name="Duty",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    matters_arising = models.ManyToManyField(
        "Action",
        blank=True,
        related_name="arising_at",
        help_text="Actions from the previous meeting reported on under this item",
    )
    history = HistoricalRecords(m2m_fields=[matters_arising])

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "number", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="one_item_per_number")]

    def __str__(self):
        return f"{self.number}. {self.title}"

    @property
    def resolution_lines(self):
        return [line.strip() for line in self.resolutions.splitlines() if line.strip()]


class ForwardPlanItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _in_visible_partnerships(self, user)


class ForwardPlanItem(models.Model):
    """What the partnership plans to take to a future meeting."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="forward_plan"
    )
    planned_for = models.DateField(
        help_text="The meeting date, or the first of the month if only the month is known"
    )
    month_only = models.BooleanField(default=False)
    title = models.CharField(max_length=200)
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="forward_plan_items"
    )
    register_entry = models.ForeignKey(
        "duties.RegisterEntry",
        verbose_name="Duty",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forward_plan_items",
    )
    history = HistoricalRecords()

    objects = ForwardPlanItemQuerySet.as_manager()

    class Meta:
        ordering = ["planned_for", "pk"]

    def __str__(self):
        return self.title


class ActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return _in_visible_partnerships(self, user)

    def owned_by(self, user):
        return self.filter(owners=user)

    def open(self):
        return self.exclude(status=Action.Status.DONE)

    def overdue(self, today):
        return self.open().filter(due_on__lt=today)

    def for_list(self):
        """What a list of actions shows, in a fixed number of queries (two)."""
        return self.select_related("partnership", "agenda_item__meeting").prefetch_related("owners")

    def overdue_first(self, today):
        return self.annotate(
            is_late=models.Case(
                models.When(Q(due_on__lt=today) & ~Q(status=Action.Status.DONE), then=models.Value(0)),
                models.When(status=Action.Status.DONE, then=models.Value(2)),
                default=models.Value(1),
                output_field=models.IntegerField(),
            )
        ).order_by("is_late", "due_on", "pk")


class Action(models.Model):
    """Something a meeting (or a DHR action plan) asked named people to do by a date."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="actions"
    )
    text = models.TextField("Action")
    owners = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="meeting_actions")
    raised_on = models.DateField("Raised on")
    due_on = models.DateField("Due")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField("Done on", null=True, blank=True)
    update_notes = models.TextField("Update", blank=True)
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name="Raised at",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    # Confidential: only the DHR-cleared may learn which review or recommendation this is.
    recommendation = models.ForeignKey(
        "dhr.Recommendation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_actions",
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    register_entry = models.ForeignKey(
        "duties.RegisterEntry",
        verbose_name="Duty",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    # Optimistic locking: an edit carries the revision it started from.
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(m2m_fields=[owners])

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["partnership", "due_on"], name="action_partnership_due_on")]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("raised_on")), name="action_due_after_raised"
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(completed_on__isnull=False), name="done_action_has_a_date"
            ),
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"

    def get_absolute_url(self):
        return reverse("meetings:action", args=[self.pk])

    @property
    def is_done(self):
        return self.status == self.Status.DONE

    def is_overdue(self, today):
        return not self.is_done and self.due_on < today

    @property
    def from_dhr(self):
        return self.recommendation_id is not None
