from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


def year_label(year: int) -> str:
    """2022 -> "2022/23": the financial year that starts in April 2022, as councils write it."""
    return f"{year}/{(year + 1) % 100:02d}"


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Indicators of any partnership the user belongs to; all of them for superusers."""
        from partnerships.models import Partnership

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(partnership__in=Partnership.objects.visible_to(user))

    def with_figures(self):
        """Everything the list, the status and the chart need, in a fixed number of queries."""
        return self.select_related("owner", "owner_organisation", "plan").prefetch_related(
            models.Prefetch("values", queryset=IndicatorValue.objects.order_by("year", "quarter")),
            models.Prefetch("targets", queryset=Target.objects.order_by("year")),
        )


class Indicator(models.Model):
    """A key performance indicator a partnership's strategy sets, such as "The total number of
    ASB reports to the police" (seed 001), with the baseline it is judged against."""

    class Direction(models.TextChoices):
        DOWN = "down", "Lower is better"
        UP = "up", "Higher is better"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(max_length=200, help_text="As the strategy names it")
    definition = models.TextField(blank=True, help_text="What is counted, and what is not")
    unit = models.CharField(max_length=60, blank=True, help_text="For example, reports, crimes or %")
    good_direction = models.CharField(
        "Which way is good", max_length=4, choices=Direction.choices, default=Direction.DOWN
    )
    source = models.CharField(max_length=200, blank=True, help_text="For example, Standard CSP data set")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_indicators",
        verbose_name="Owner (person)",
    )
    owner_organisation = models.ForeignKey(
        "partnerships.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_indicators",
        verbose_name="Owner (organisation)",
    )
    priority = models.CharField(
        "Plan priority", max_length=300, blank=True, help_text="The strategic priority it measures"
    )
    plan = models.ForeignKey(
        "plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators"
    )
    baseline_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The financial year it starts in: 2021 for 2021/22"
    )
    baseline_value = models.DecimalField("Baseline", max_digits=14, decimal_places=2, null=True, blank=True)
    # Optimistic locking: an edit carries the revision it started from.
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="one_indicator_per_name"),
            models.CheckConstraint(
                condition=Q(baseline_year__isnull=True, baseline_value__isnull=True)
                | Q(baseline_year__isnull=False, baseline_value__isnull=False),
                name="baseline_has_year_and_value",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("indicators:indicator", args=[self.pk])

    @property
    def baseline_label(self):
        return year_label(self.baseline_year) if self.baseline_year is not None else ""

    @property
    def owned_by(self):
        names = [str(o) for o in (self.owner, self.owner_organisation) if o is not None]
        if self.owner is not None:
            names[0] = self.owner.get_full_name() or self.owner.get_username()
        return ", ".join(names)


class Target(models.Model):
    """What the partnership aims for in one financial year, for the whole year."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(help_text="The financial year it starts in: 2022 for 2022/23")
    value = models.DecimalField("Target", max_digits=14, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_year")]

    def __str__(self):
        return f"{self.indicator}: target {self.value} for {year_label(self.year)}"


class IndicatorValue(models.Model):
    """One figure: a quarter of a financial year, or the whole year (quarter 0)."""

    FULL_YEAR = 0

    class Quarter(models.IntegerChoices):
        FULL_YEAR = 0, "Full year"
        Q1 = 1, "Q1 (April to June)"
        Q2 = 2, "Q2 (July to September)"
        Q3 = 3, "Q3 (October to December)"
        Q4 = 4, "Q4 (January to March)"

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(help_text="The financial year it starts in: 2022 for 2022/23")
    quarter = models.PositiveSmallIntegerField(choices=Quarter.choices)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "quarter"], name="one_value_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=0, quarter__lte=4), name="quarter_0_to_4"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.period} {self.value}"

    @property
    def period(self):
        """ "2022/23 Q1" or "2022/23 full year"."""
        if self.quarter == self.FULL_YEAR:
            return f"{year_label(self.year)} full year"
        return f"{year_label(self.year)} Q{self.quarter}"
