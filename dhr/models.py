"""Domestic Homicide Reviews (domain.md section 6). Confidential: case detail is for
DHR-cleared members of the partnership only; everyone else sees counts at most."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


class DhrCaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Cases of the partnerships in which the user is DHR-cleared. Site admins are not
        cleared by being admins: the existence of a case is itself confidential."""
        from partnerships.models import Role

        if not user.is_authenticated:
            return self.none()
        cleared = Role.objects.filter(user=user, kind=Role.Kind.DHR_CLEARED).values("partnership")
        return self.filter(partnership__in=cleared)


class DhrCase(models.Model):
    class Kind(models.TextChoices):
        FULL_REVIEW = "full_review", "Full review led by this CSP"
        REFERRAL_NOT_PROGRESSED = "referral", "Referral that did not become a full review"
        LED_BY_ANOTHER_CSP = "led_elsewhere", "Review led by another CSP, in which we take part"
        WALES_SUSR = "susr", "Single Unified Safeguarding Review (Wales)"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="dhr_cases"
    )
    reference = models.CharField(max_length=40, help_text="e.g. DHR 2023/02")
    pseudonym = models.CharField(
        max_length=60, help_text="Agreed with the family, e.g. 'Adult B'. Never a real name."
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FULL_REVIEW)
    # Victims and Prisoners Act 2024 s19 renames DHRs; show "DHR/DARDR" where the CSP uses it.
    uses_dardr_name = models.BooleanField("Uses the name DHR/DARDR", default=False)
    lead_csp = models.CharField(
        "Lead CSP", max_length=200, blank=True, help_text="For a review led elsewhere"
    )
    chair_name = models.CharField(
        "Independent chair",
        max_length=200,
        blank=True,
        help_text="Once appointed; also the author if one person",
    )
    decision_reasons = models.TextField(
        "Why it did not become a full review", blank=True, help_text="For a referral that was not progressed"
    )
    learning = models.TextField("Learning captured", blank=True)
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    objects = DhrCaseQuerySet.as_manager()

    class Meta:
        ordering = ["partnership", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "reference"], name="one_case_per_reference"),
        ]

    def __str__(self):
        # Names nothing: a case's str can surface in generic pages (admin deletion lists,
        # error reports) seen by people who are not cleared. Pages show reference and
        # pseudonym explicitly, to the cleared only.
        return f"Domestic Homicide Review {self.pk}"

    @property
    def label(self):
        return "DHR/DARDR" if self.uses_dardr_name else "DHR"

    @property
    def name(self):
        """The reference as people say it, "DHR 2023/02", or "DHR/DARDR 2023/02" where the
        partnership uses the new name. For the cleared only, like the reference itself."""
        rest = self.reference
        if rest.upper().startswith("DHR"):
            rest = rest[3:].lstrip(" /-")
        return f"{self.label} {rest}"


class StageRecord(models.Model):
    """A stage of domain.md 6.2 reached on a date. The QA loop (submitted, outcome,
    resubmitted) may repeat, so a stage can be recorded more than once."""

    class Stage(models.TextChoices):
        NOTIFICATION = "notification", "Notification"
        SCOPING = "scoping", "Scoping"
        DECISION = "decision", "Decision whether to commission"
        HOME_OFFICE_TOLD = "home_office_told", "Home Office told of the decision"
        FAMILY_TOLD = "family_told", "Family told and offered independent advocacy"
        CHAIR_APPOINTED = "chair_appointed", "Independent chair appointed"
        PANEL_AND_TERMS = "panel", "Panel set up and terms of reference agreed"
        IMRS_REQUESTED = "imrs_requested", "IMRs and chronologies requested"
        IMRS_RECEIVED = "imrs_received", "IMRs and chronologies received"
        DRAFT_REPORT = "draft_report", "Draft overview report"
        FAMILY_SEES_REPORT = "family_sees_report", "Family sees the report"
        CSP_SIGN_OFF = "csp_sign_off", "CSP sign-off"
        SUBMITTED = "submitted", "Submitted to the Home Office Quality Assurance Panel"
        QA_OUTCOME = "qa_outcome", "Quality Assurance Panel outcome"
        PUBLISHED = "published", "Published"
        NOT_PUBLISHED = "not_published", "Decided not to publish"
        SENT_TO_COMMISSIONER = "sent_to_commissioner", "Sent to the Domestic Abuse Commissioner"
        ACTION_PLAN_MONITORED = "action_plan", "Action plan monitored"
        CLOSED = "closed", "Closed"

    class Outcome(models.TextChoices):
        COMMISSIONED = "commissioned", "Review commissioned"
        NOT_COMMISSIONED = "not_commissioned", "No review"
        CONTENT_TO_PUBLISH = "content_to_publish", "Content to publish"
        PUBLISH_AFTER_CHANGES = "publish_after_changes", "Publish after changes"
        RESUBMIT = "resubmit", "Revise and resubmit"
        TO_PUBLISH = "to_publish", "To be published"
        NOT_TO_PUBLISH = "not_to_publish", "Not to be published"

    case = models.ForeignKey(DhrCase, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=30, choices=Stage.choices)
    reached_on = models.DateField()
    outcome = models.CharField(max_length=30, choices=Outcome.choices, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["reached_on", "pk"]

    def __str__(self):
        return f"{self.get_stage_display()} on {self.reached_on:%-d %B %Y}"


class Pause(models.Model):
    """A period in which the statutory clocks stop (a trial, an inquest, Home Office QA)."""

    class Reason(models.TextChoices):
        CRIMINAL_TRIAL = "criminal_trial", "Criminal trial"
        INQUEST = "inquest", "Inquest"
        IOPC = "iopc", "IOPC investigation"
        FAMILY = "family", "Family availability"
        HOME_OFFICE_QA = "home_office_qa", "Home Office quality assurance"
        OTHER = "other", "Other"

    case = models.ForeignKey(DhrCase, on_delete=models.CASCADE, related_name="pauses")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="Empty while the pause lasts")
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="pause_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["case"], condition=Q(ends_on__isnull=True), name="one_open_pause_per_case"
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} from {self.starts_on:%-d %B %Y}"


class Imr(models.Model):
    """An agency's Individual Management Review (or chronology), each with its own due date."""

    case = models.ForeignKey(DhrCase, on_delete=models.CASCADE, related_name="imrs")
    agency = models.ForeignKey("partnerships.Organisation", on_delete=models.PROTECT, related_name="imrs")
    chronology_only = models.BooleanField(default=False)
    requested_on = models.DateField()
    due_on = models.DateField()
    received_on = models.DateField(null=True, blank=True)
    summary = models.TextField("What the IMR found", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(due_on__gte=F("requested_on")), name="imr_due_after_request"),
            models.CheckConstraint(
                condition=Q(received_on__isnull=True) | Q(received_on__gte=F("requested_on")),
                name="imr_received_after_request",
            ),
        ]

    def __str__(self):
        return f"IMR from {self.agency}"


class Recommendation(models.Model):
    """A recommendation of the review's action plan, monitored until it is complete."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"

    case = models.ForeignKey(DhrCase, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField()
    owner = models.ForeignKey(
        "partnerships.Organisation", on_delete=models.PROTECT, related_name="dhr_recommendations"
    )
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    evidence = models.TextField(blank=True)
    last_reviewed_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return f"Recommendation due {self.due_on:%-d %B %Y}"


class Cost(models.Model):
    """Chair's fees and other costs, and who pays under the partners' funding agreement."""

    case = models.ForeignKey(DhrCase, on_delete=models.CASCADE, related_name="costs")
    description = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    incurred_on = models.DateField()
    paid_by = models.ForeignKey(
        "partnerships.Organisation", on_delete=models.PROTECT, related_name="dhr_costs"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["incurred_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="cost_not_negative")]

    def __str__(self):
        return f"Cost of £{self.amount:,.2f}"


class Document(models.Model):
    """An IMR, chronology, report or letter of the review. Uploaded under the evidence rules
    (type read from content, size cap) and served only to DHR-cleared members, logged."""

    class Kind(models.TextChoices):
        IMR = "imr", "IMR"
        CHRONOLOGY = "chronology", "Chronology"
        TERMS_OF_REFERENCE = "terms", "Terms of reference"
        DRAFT_REPORT = "draft_report", "Draft overview report"
        OVERVIEW_REPORT = "overview_report", "Overview report"
        EXECUTIVE_SUMMARY = "executive_summary", "Executive summary"
        ACTION_PLAN = "action_plan", "Action plan"
        QA_LETTER = "qa_letter", "Home Office Quality Assurance Panel letter"
        OTHER = "other", "Other"

    case = models.ForeignKey(DhrCase, on_delete=models.CASCADE, related_name="documents")
    imr = models.ForeignKey(Imr, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to="dhr/%Y/%m/")
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk}"


class CaseView(models.Model):
    """Every look at a case's detail or download of its documents: who, when, which case."""

    case = models.ForeignKey(DhrCase, on_delete=models.CASCADE, related_name="views")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    viewed_at = models.DateTimeField(auto_now_add=True)
    what = models.CharField(max_length=100)

    class Meta:
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.user} viewed {self.what} at {self.viewed_at:%Y-%m-%d %H:%M}"
