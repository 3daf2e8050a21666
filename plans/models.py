from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Plans shared with any partnership the user belongs to; all of them for superusers."""
        from partnerships.models import Partnership

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(partnerships__in=Partnership.objects.visible_to(user)).distinct()

    def for_board(self):
        """Everything the board and the rules need, in a fixed number of queries."""
        return self.select_related("lead_partnership").prefetch_related(
            "partnerships",
            models.Prefetch(
                "versions",
                queryset=PlanVersion.objects.order_by("starts_on", "pk").prefetch_related(
                    models.Prefetch(
                        "routes",
                        queryset=Route.objects.select_related("council", "partnership").prefetch_related(
                            models.Prefetch(
                                "steps",
                                queryset=AdoptionStep.objects.order_by("decided_on", "pk").prefetch_related(
                                    "conditions"
                                ),
                            )
                        ),
                    )
                ),
            ),
        )


class Plan(models.Model):
    """A plan or strategy the partnership must have (domain.md sections 2 and 3).

    Its versions are the three-year document and its annual refreshes; a pan-area plan is
    shared by several partnerships and adopted by each council on its own route.
    """

    class Kind(models.TextChoices):
        COMMUNITY_SAFETY_PLAN = "community_safety_plan", "Community safety plan"
        REDUCING_REOFFENDING = "reducing_reoffending", "Reducing reoffending strategy"
        SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse (alcohol and drugs) strategy"
        SERIOUS_VIOLENCE = "serious_violence", "Serious violence strategy"
        DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse safe accommodation strategy"
        OTHER = "other", "Other plan or strategy"

    title = models.CharField(
        max_length=200, help_text="As the council writes it, e.g. Community Safety Plan 2023-2026."
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    lead_partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="led_plans"
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        related_name="plans",
        help_text="Every partnership that agrees this plan: more than one for a pan-area plan.",
    )
    history = HistoricalRecords(m2m_fields=[partnerships])

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan", args=[self.pk])

    @property
    def is_pan_area(self):
        return len(self.partnerships.all()) > 1


class PlanVersion(models.Model):
    """One version of a plan: the first three-year document or an annual refresh."""

    class Eqia(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        SCREENING_ONLY = "screening_only", "Screening only"
        IN_PROGRESS = "in_progress", "In progress"
        SIGNED_OFF = "signed_off", "Signed off"
        NOT_NEEDED = "not_needed", "Not needed"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    title = models.CharField(
        max_length=250, help_text="e.g. Community Safety Plan 2023-2026 (2024-25 refresh)"
    )
    starts_on = models.DateField("Period starts")
    ends_on = models.DateField(
        "Period ends", help_text="The end of the plan's period; a refresh ends when the plan does."
    )
    refresh_year = models.CharField(
        max_length=20, blank=True, help_text="e.g. 2024-25; empty for the first version"
    )
    eqia = models.CharField("EqIA", max_length=20, choices=Eqia.choices, default=Eqia.NOT_STARTED)
    eqia_on = models.DateField("EqIA date", null=True, blank=True)
    eqia_note = models.CharField("EqIA note", max_length=300, blank=True)
    published_on = models.DateField("Published", null=True, blank=True)
    document = models.FileField(upload_to="plans/%Y/", blank=True, max_length=300)
    document_type = models.CharField(max_length=120, blank=True)
    document_link = models.URLField(max_length=500, blank=True)
    # Optimistic locking: an edit carries the revision it started from.
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="version_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:version", args=[self.pk])


class Route(models.Model):
    """The road one council's adoption takes: from its CSP's agreement to its decision."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="routes")
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        related_name="routes",
        help_text="The CSP that agrees it",
    )
    council = models.ForeignKey("partnerships.Council", on_delete=models.PROTECT, related_name="routes")
    history = HistoricalRecords()

    class Meta:
        ordering = ["council__name"]
        constraints = [models.UniqueConstraint(fields=["version", "council"], name="one_route_per_council")]

    def __str__(self):
        return f"{self.version} – {self.council}"


class AdoptionStep(models.Model):
    """A decision on the road to adoption, as the minutes record it."""

    class Kind(models.TextChoices):
        AGREED_BY_CSP = "csp", "Agreed by the CSP"
        CRIME_AND_DISORDER_COMMITTEE = "committee", "Crime & Disorder Committee"
        CABINET = "cabinet", "Cabinet"
        FULL_COUNCIL = "full_council", "Full Council"

    class Outcome(models.TextChoices):
        AGREED = "agreed", "Agreed"
        AGREED_SUBJECT_TO_CONDITIONS = "agreed_subject_to", "Agreed subject to conditions"
        RECOMMENDED = "recommended", "Recommended"
        NOTED = "noted", "Noted"
        ADOPTED = "adopted", "Adopted"
        DEFERRED = "deferred", "Deferred"
        REJECTED = "rejected", "Rejected"

    route = models.ForeignKey(Route, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    decided_on = models.DateField("Date of the decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    meeting = models.CharField(
        max_length=200, blank=True, help_text="e.g. People & Health Overview Committee"
    )
    reference = models.CharField("Minute or report reference", max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_outcome_display()} on {self.decided_on:%-d %B %Y}"


class Condition(models.Model):
    """What an agreement was made subject to ("subject to the EqIA"), and when it was met."""

    step = models.ForeignKey(AdoptionStep, on_delete=models.CASCADE, related_name="conditions")
    text = models.CharField(max_length=300)
    met_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.text
