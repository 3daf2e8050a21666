from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Nation(models.TextChoices):
    ENGLAND = "england", "England"
    WALES = "wales", "Wales"


class Council(models.Model):
    """A local authority and the decision bodies a plan passes through on its way to adoption."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    nation = models.CharField(max_length=10, choices=Nation.choices, default=Nation.ENGLAND)
    crime_and_disorder_committee = models.CharField(
        "Crime & Disorder Committee",
        max_length=200,
        blank=True,
        help_text="The committee that carries the crime and disorder scrutiny role, "
        "whatever the council calls it (for example, Place Scrutiny Committee).",
    )
    adopted_by = models.CharField(
        "Crime and disorder strategy adopted by",
        max_length=20,
        choices=[("full_council", "Full Council"), ("cabinet", "Cabinet")],
        default="full_council",
        help_text="Who the council's constitution says adopts the plans and strategies. In England "
        "Schedule 3 of SI 2000/2853 puts the Crime and Disorder Reduction Strategy with Full Council.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    """A responsible authority, a co-operating body or a pan-area board.

    Shared between partnerships: one police force or fire and rescue authority
    usually serves several CSPs.
    """

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        FIRE_AND_RESCUE_AUTHORITY = "fire_and_rescue_authority", "Fire and rescue authority"
        PROBATION = "probation", "Probation"
        HEALTH = "health", "Health (integrated care board or local health board)"
        POLICE_AND_CRIME_COMMISSIONER = "pcc", "Police and Crime Commissioner or their office"
        YOUTH_JUSTICE = "youth_justice", "Youth justice or youth offending service"
        PUBLIC_HEALTH = "public_health", "Public health"
        FIRE_AND_RESCUE_SERVICE = "fire_and_rescue_service", "Fire and rescue service"
        PARISH_COUNCILS = "parish_councils", "Parish and town councils"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        BOARD = "board", "Pan-area board"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PartnershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Partnerships in which the user holds any role; every partnership for superusers."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(roles__user=user).distinct()


class Partnership(models.Model):
    """A Community Safety Partnership (CSP): the responsible authorities of an area."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    brand = models.CharField(
        max_length=100, blank=True, help_text="The name the public knows, such as Safer BCP."
    )
    nation = models.CharField(max_length=10, choices=Nation.choices, default=Nation.ENGLAND)
    councils = models.ManyToManyField(Council, related_name="partnerships", blank=True)
    organisations = models.ManyToManyField(
        Organisation, through="Membership", related_name="partnerships", blank=True
    )
    history = HistoricalRecords(m2m_fields=[councils])

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:dashboard", args=[self.slug])


class Membership(models.Model):
    """An organisation's place in a partnership: a responsible authority or an attendee."""

    class Standing(models.TextChoices):
        STATUTORY = "statutory", "Responsible authority"
        ATTENDING = "attending", "Attends (co-operating or invited body)"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships")
    standing = models.CharField(max_length=10, choices=Standing.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="one_membership_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} in {self.partnership} ({self.get_standing_display()})"


class Role(models.Model):
    """What a person may do in one partnership. A person may hold several, in several CSPs."""

    class Kind(models.TextChoices):
        OFFICER = "officer", "Community safety officer"
        CLERK = "clerk", "Committee clerk"
        COUNCILLOR = "councillor", "Councillor"
        DHR_CLEARED = "dhr_cleared", "DHR-cleared officer"
        ADMIN = "admin", "Partnership admin"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="csp_roles")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "partnership", "kind"], name="one_role_of_a_kind")
        ]

    def __str__(self):
        return f"{self.user} – {self.get_kind_display()}, {self.partnership}"
