"""The forms of a review. Each collects what one write function of dhr.review needs; the
rules themselves (stage order, dates, reasons) live there and in dhr.stages."""

from crispy_forms_gds.layout import Field, Hidden, Submit
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from csp_tracker.forms import GovukDateField, form_helper
from dhr.models import Cost, DhrCase, Document, Pause, Recommendation, StageRecord
from dhr.review import CASE_FIELDS
from dhr.stages import OUTCOMES
from duties import evidence as evidence_rules
from partnerships.models import Organisation

Stage = StageRecord.Stage


def agencies():
    """The organisations an IMR, a recommendation or a cost can name: any, since agencies
    that had contact with the victim are often not members of the partnership."""
    return Organisation.objects.order_by("name")


def _document_field(label="Upload a document", required=False):
    return forms.FileField(
        label=label,
        required=required,
        help_text=f"{evidence_rules.ACCEPTED_DESCRIPTION}, smaller than "
        f"{filesizeformat(settings.EVIDENCE_MAX_BYTES)}",
        error_messages={"required": "Select the file to upload"},
    )


def _checked_upload(upload):
    return evidence_rules.check_upload(upload) if upload else upload


class OpenCaseForm(forms.Form):
    reference = forms.CharField(
        max_length=40,
        help_text="For example, DHR 2026/01",
        error_messages={"required": "Enter the review's reference"},
    )
    pseudonym = forms.CharField(
        max_length=60,
        help_text="As agreed with the family, for example Adult B. Never a real name",
        error_messages={"required": "Enter the pseudonym agreed with the family"},
    )
    kind = forms.ChoiceField(
        label="What kind of review is it?",
        choices=DhrCase.Kind.choices,
        widget=forms.RadioSelect,
        initial=DhrCase.Kind.FULL_REVIEW,
        error_messages={"required": "Select what kind of review this is"},
    )
    lead_csp = forms.CharField(
        label="Lead CSP", max_length=200, required=False, help_text="For a review led by another CSP"
    )
    uses_dardr_name = forms.BooleanField(
        label="Call it a DHR/DARDR (Domestic Abuse Related Death Review)", required=False
    )
    notified_on = GovukDateField(label="Date the CSP was notified", help_text="For example, 3 11 2026")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["notified_on"].error_messages["required"] = "Enter the date the CSP was notified"
        self.helper = form_helper(
            action,
            Field.text("reference", field_width=20),
            Field.text("pseudonym", field_width=20),
            Field.radios("kind"),
            Field.text("lead_csp"),
            Field.checkbox("uses_dardr_name"),
            Field("notified_on"),
            Submit("open", "Open the review"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == DhrCase.Kind.LED_BY_ANOTHER_CSP and not cleaned.get("lead_csp", "").strip():
            self.add_error("lead_csp", "Enter the CSP that leads the review")
        return cleaned


class CaseForm(forms.ModelForm):
    """A review's details, carrying the revision it started from."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = DhrCase
        fields = list(CASE_FIELDS)
        widgets = {
            "decision_reasons": forms.Textarea(attrs={"rows": 3}),
            "learning": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {"pseudonym": {"required": "Enter the pseudonym agreed with the family"}}

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["uses_dardr_name"].label = "Call it a DHR/DARDR (Domestic Abuse Related Death Review)"
        if not self.is_bound:
            self.initial["revision"] = self.instance.revision
        self.helper = form_helper(
            action,
            Field.text("pseudonym", field_width=20),
            Field.text("chair_name"),
            Field.checkbox("uses_dardr_name"),
            Field.text("lead_csp"),
            Field.textarea("decision_reasons"),
            Field.textarea("learning"),
            Hidden("revision", self["revision"].value()),
            Submit("save", "Save changes"),
        )

    def case_fields(self):
        return {name: self.cleaned_data[name] for name in CASE_FIELDS}


def _outcome_choices():
    choices = [("", "No outcome")]
    for stage, outcomes in OUTCOMES.items():
        for outcome in StageRecord.Outcome:
            if outcome in outcomes:
                choices.append((outcome.value, f"{Stage(stage).label}: {outcome.label.lower()}"))
    return choices


class StageForm(forms.Form):
    stage = forms.ChoiceField(
        label="Which stage has the review reached?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the stage the review has reached"},
    )
    reached_on = GovukDateField(label="Date", help_text="For example, 14 3 2023")
    outcome = forms.ChoiceField(
        choices=_outcome_choices(),
        required=False,
        help_text="For the decision whether to commission, the CSP sign-off (the publication stance) "
        "and the Quality Assurance Panel's letter",
    )
    notes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="The reasons for a decision, or for not publishing, go here",
    )

    def __init__(self, *args, stages, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [(stage, Stage(stage).label) for stage in stages]
        self.fields["reached_on"].error_messages["required"] = "Enter the date the stage was reached"
        self.helper = form_helper(
            action,
            Field.radios("stage"),
            Field("reached_on"),
            Field.select("outcome"),
            Field.textarea("notes"),
            Submit("record", "Record the stage"),
        )


class CorrectStageForm(forms.Form):
    reached_on = GovukDateField(label="Date", help_text="For example, 14 3 2023")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reached_on"].error_messages["required"] = "Enter the date the stage was reached"
        self.helper = form_helper(
            action, Field("reached_on"), Field.textarea("notes"), Submit("correct", "Save the correction")
        )


class PauseForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why is the review paused?",
        choices=Pause.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select why the review is paused"},
    )
    starts_on = GovukDateField(label="Pause starts", help_text="For example, 2 6 2026")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            action,
            Field.radios("reason"),
            Field("starts_on"),
            Field.textarea("notes"),
            Submit("pause", "Pause the review"),
        )


class ResumeForm(forms.Form):
    ends_on = GovukDateField(label="Pause ends", help_text="For example, 9 9 2026")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(action, Field("ends_on"), Submit("resume", "End the pause"))


class ImrForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        empty_label="Choose the agency",
        error_messages={"required": "Select the agency asked for the IMR"},
    )
    chronology_only = forms.BooleanField(
        label="A chronology only (the agency had little contact)", required=False
    )
    requested_on = GovukDateField(label="Requested", help_text="For example, 6 1 2026")
    due_on = GovukDateField(label="Due", help_text="Often 6 to 8 weeks after the request")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies()
        self.fields["requested_on"].error_messages["required"] = "Enter the date the IMR was requested"
        self.fields["due_on"].error_messages["required"] = "Enter the date the IMR is due"
        self.helper = form_helper(
            action,
            Field.select("agency"),
            Field.checkbox("chronology_only"),
            Field("requested_on"),
            Field("due_on"),
            Submit("request", "Request the IMR"),
        )

    def clean(self):
        cleaned = super().clean()
        requested, due = cleaned.get("requested_on"), cleaned.get("due_on")
        if requested and due and due < requested:
            self.add_error("due_on", "Due must be on or after the date the IMR was requested")
        return cleaned


class ReceiveImrForm(forms.Form):
    received_on = GovukDateField(label="Received", help_text="For example, 20 2 2026")
    summary = forms.CharField(
        label="What the IMR found", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    document = _document_field("Upload the IMR")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"].error_messages["required"] = "Enter the date the IMR was received"
        self.helper = form_helper(
            action,
            Field("received_on"),
            Field.textarea("summary"),
            Field("document"),
            Submit("receive", "Record the IMR as received"),
        )

    def clean_document(self):
        return _checked_upload(self.cleaned_data.get("document"))


class RecommendationForm(forms.Form):
    text = forms.CharField(
        label="Recommendation",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the recommendation"},
    )
    owner = forms.ModelChoiceField(
        label="Owner organisation",
        queryset=Organisation.objects.none(),
        empty_label="Choose the organisation",
        error_messages={"required": "Select the organisation that owns the recommendation"},
    )
    due_on = GovukDateField(label="Due", help_text="For example, 31 3 2027")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = agencies()
        self.fields["due_on"].error_messages["required"] = "Enter the date the recommendation is due"
        self.helper = form_helper(
            action,
            Field.textarea("text"),
            Field.select("owner"),
            Field("due_on"),
            Submit("add", "Add the recommendation"),
        )


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        choices=Recommendation.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the recommendation's status"},
    )
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What was done, and where the proof is. Needed to mark it complete",
    )
    reviewed_on = GovukDateField(label="Date of the progress review", help_text="For example, 12 9 2026")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].error_messages["required"] = "Enter the date of the progress review"
        self.helper = form_helper(
            action,
            Field.radios("status"),
            Field.textarea("evidence"),
            Field("reviewed_on"),
            Submit("save", "Save progress"),
        )


class CostForm(forms.Form):
    description = forms.CharField(
        max_length=Cost._meta.get_field("description").max_length,
        help_text="For example, independent chair's fees",
        error_messages={"required": "Enter what the cost is for"},
    )
    amount = forms.DecimalField(
        label="Amount in pounds",
        min_value=0,
        max_digits=10,
        decimal_places=2,
        error_messages={
            "required": "Enter the amount",
            "invalid": "The amount must be a sum of money, e.g. 1250.00",
            "min_value": "The amount must not be negative",
            "max_digits": "The amount must be under £100,000,000",
            "max_decimal_places": "The amount must be in pounds and pence, e.g. 1250.00",
            "max_whole_digits": "The amount must be under £100,000,000",
        },
    )
    incurred_on = GovukDateField(label="Date incurred", help_text="For example, 30 6 2026")
    paid_by = forms.ModelChoiceField(
        label="Paid by",
        queryset=Organisation.objects.none(),
        empty_label="Choose the partner",
        help_text="Under the partners' funding agreement",
        error_messages={"required": "Select the partner who pays"},
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paid_by"].queryset = agencies()
        self.fields["incurred_on"].error_messages["required"] = "Enter the date the cost was incurred"
        self.helper = form_helper(
            action,
            Field.text("description"),
            Field.text("amount", field_width=10),
            Field("incurred_on"),
            Field.select("paid_by"),
            Submit("add", "Add the cost"),
        )


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is it?",
        choices=Document.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the document is"},
    )
    title = forms.CharField(max_length=200, required=False, help_text="Leave empty to use the file's name")
    document = _document_field(required=True)

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            action,
            Field.radios("kind"),
            Field.text("title"),
            Field("document"),
            Submit("upload", "Upload the document"),
        )

    def clean_document(self):
        return _checked_upload(self.cleaned_data.get("document"))
