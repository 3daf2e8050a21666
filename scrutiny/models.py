"""The annual scrutiny pack: the CSP's report to the council's Crime & Disorder Committee
(and on to Cabinet and Full Council), built from what officers keep in CSP Tracker.

A pack holds what the clerk chose (council, meetings, period, cover block), the narrative
the officers write, and `content`: the live data as it stood when the pack was built, so
that the preview, the PDF and the Word file all say the same thing. Issuing freezes it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords


def pack_file_path(pack, filename):
    return f"scrutiny/{pack.partnership_id}/{pack.pk}/{filename}"


class PackQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Issued packs of the user's partnerships; drafts too where they may prepare packs."""
        from partnerships.models import Partnership, Role
        from scrutiny.rules import PREPARERS

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        preparing = Role.objects.filter(user=user, kind__in=PREPARERS).values("partnership")
        return self.filter(partnership__in=Partnership.objects.visible_to(user)).filter(
            Q(state=Pack.State.ISSUED) | Q(partnership__in=preparing)
        )

    def issued(self):
        return self.filter(state=Pack.State.ISSUED)

    def drafts(self):
        return self.exclude(state=Pack.State.ISSUED)

    def for_list(self):
        return self.select_related("council", "issued_by", "created_by").defer(
            "content", "executive_summary", "budget", "risk", "climate", "other_implications"
        )


class Pack(models.Model):
    """One annual scrutiny pack, a draft until the clerk issues it."""

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to build"
        BUILDING = "building", "Building"
        DRAFT = "draft", "Draft"
        FAILED = "failed", "Build failed"
        ISSUED = "issued", "Issued"

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.PROTECT, related_name="scrutiny_packs"
    )
    council = models.ForeignKey(
        "partnerships.Council", on_delete=models.PROTECT, related_name="scrutiny_packs"
    )
    title = models.CharField(max_length=200, help_text="For example, Community Safety Annual Report 2023/24")
    period_starts_on = models.DateField("Period starts")
    period_ends_on = models.DateField("Period ends")
    committee = models.CharField(
        "Crime & Disorder Committee",
        max_length=200,
        help_text="The committee that receives the report, as the council names it",
    )
    committee_on = models.DateField("Committee date")
    cabinet_on = models.DateField("Cabinet date", null=True, blank=True)
    full_council_on = models.DateField("Full Council date", null=True, blank=True)
    portfolio_holder = models.CharField(max_length=200, blank=True)
    director = models.CharField(max_length=200, blank=True)
    report_author = models.CharField(max_length=200, blank=True)
    officer_contact = models.CharField(
        max_length=300, blank=True, help_text="Name and job title of the officer to contact"
    )
    officer_phone = models.CharField("Officer's phone", max_length=40, blank=True)
    officer_email = models.EmailField("Officer's email", blank=True)

    # The narrative the officers write; everything else comes from the live data.
    executive_summary = models.TextField(blank=True)
    budget = models.TextField(blank=True)
    risk = models.TextField("Risk assessment", blank=True)
    climate = models.TextField("Climate implications", blank=True)
    other_implications = models.TextField(blank=True)

    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    # Written by the build as it goes (not history-tracked: it is not a change to the pack).
    progress = models.PositiveSmallIntegerField(default=0)
    progress_note = models.CharField(max_length=200, blank=True)
    build_error = models.CharField(max_length=300, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    content = models.JSONField(default=dict, blank=True)

    pdf = models.FileField(upload_to=pack_file_path, blank=True, max_length=300)
    pdf_sha256 = models.CharField("PDF SHA-256", max_length=64, blank=True)
    docx = models.FileField(upload_to=pack_file_path, blank=True, max_length=300)
    docx_sha256 = models.CharField("Word SHA-256", max_length=64, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    # Optimistic locking: an edit carries the revision it started from.
    revision = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["progress", "progress_note", "content", "created_at"])

    objects = PackQuerySet.as_manager()

    class Meta:
        ordering = ["-committee_on", "-pk"]
        indexes = [models.Index(fields=["partnership", "state"], name="pack_partnership_state")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_ends_on__gt=models.F("period_starts_on")), name="pack_period_in_order"
            ),
            models.CheckConstraint(
                condition=~Q(state="issued")
                | (Q(issued_at__isnull=False) & ~Q(pdf_sha256="") & ~Q(docx_sha256="")),
                name="issued_pack_has_its_files",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.get_state_display().lower()})"

    def get_absolute_url(self):
        return reverse("scrutiny:pack", args=[self.pk])

    @property
    def is_issued(self):
        return self.state == self.State.ISSUED

    @property
    def is_building(self):
        return self.state in (self.State.QUEUED, self.State.BUILDING)

    @property
    def has_files(self):
        return bool(self.pdf and self.docx)

    def meetings(self):
        """(body, date) for each meeting the report goes to, in order."""
        bodies = [(self.committee, self.committee_on), ("Cabinet", self.cabinet_on)]
        bodies.append(("Full Council", self.full_council_on))
        return [(body, on) for body, on in bodies if on]
