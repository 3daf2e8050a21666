from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Hidden, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from csp_tracker.forms import GovukDateField, form_helper
from duties import evidence as evidence_rules
from plans import adoption
from plans.models import AdoptionStep, Condition, Plan, PlanVersion

Kind = AdoptionStep.Kind
Outcome = AdoptionStep.Outcome


def _required_date(field, message):
    """GovukDateField says "Enter the <label> date"; some labels read better said whole."""
    field.error_messages["required"] = message
    return field


class BoardFilterForm(forms.Form):
    """The board's filters, read from the query string. Councils are those on the routes of
    the plans the person may see, so the list never names a council they have no plan with."""

    council = forms.ChoiceField(required=False)
    kind = forms.ChoiceField(
        label="Kind of plan", choices=[("", "Any kind")] + Plan.Kind.choices, required=False
    )
    flag = forms.ChoiceField(
        label="Needs attention",
        choices=[("", "Any plan")] + list(adoption.FLAG_LABELS.items()),
        required=False,
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].choices = [("", "Any council"), *councils]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.select("council"),
            Field.select("kind"),
            Field.select("flag"),
            Submit("filter", "Apply filters", css_class="govuk-button--secondary"),
        )

    @property
    def filtered(self):
        return self.is_bound and any(self.data.get(name) for name in self.fields)

    def description(self):
        """The filters in words, for the printed board: ["Council: Dorset Council", ...]."""
        if not self.is_valid():
            return []
        return [
            f"{self.fields[name].label or name.title()}: {dict(self.fields[name].choices)[value]}"
            for name, value in self.cleaned_data.items()
            if value
        ]

    @property
    def wants_flag(self):
        return self.is_valid() and bool(self.cleaned_data["flag"])

    def narrow(self, plans):
        """The filters the database can apply: kind, and a council with a route for the plan."""
        if not self.is_valid():
            return plans
        if self.cleaned_data["kind"]:
            plans = plans.filter(kind=self.cleaned_data["kind"])
        if self.cleaned_data["council"]:
            plans = plans.filter(
                pk__in=Plan.objects.filter(versions__routes__council__slug=self.cleaned_data["council"])
            )
        return plans

    def apply(self, states):
        if not self.is_valid():
            return states
        council, kind, flag = (self.cleaned_data[name] for name in ("council", "kind", "flag"))
        return [
            state
            for state in states
            if (not kind or state.plan.kind == kind)
            and (not council or any(route.council.slug == council for route, _ in state.routes))
            and (not flag or flag in state.flag_codes)
        ]


# Only an "Adopted" decision by the body the council's constitution names adopts a plan
# (adoption.route_state), so the words that look alike are told apart.
OUTCOME_HINTS = {
    Outcome.AGREED_SUBJECT_TO_CONDITIONS: "For example, subject to the EqIA. Enter the conditions below",
    Outcome.RECOMMENDED: "The committee or Cabinet recommends it to the council",
    Outcome.ADOPTED: "Cabinet or Full Council adopts the plan",
}


class RecordStepForm(forms.Form):
    """A decision on one council's route, as the minutes record it."""

    kind = forms.ChoiceField(
        label="Which decision is it?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select which body made the decision"},
    )
    decided_on = GovukDateField(label="Date of the decision", help_text="For example, 21 11 2019")
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[
            Choice(value, label, hint=OUTCOME_HINTS[value])
            if value in OUTCOME_HINTS
            else Choice(value, label)
            for value, label in Outcome.choices
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the outcome of the decision"},
    )
    meeting = forms.CharField(label="Meeting", max_length=200, required=False)
    reference = forms.CharField(
        label="Minute or report reference",
        max_length=100,
        required=False,
        help_text="For example, minute 45 or report CAB/2019/112",
    )
    conditions = forms.CharField(
        label="Conditions",
        required=False,
        widget=forms.Textarea,
        help_text="Only for an agreement made subject to conditions. One condition per line, "
        "for example: subject to the EqIA",
    )

    def __init__(self, *args, route, action, **kwargs):
        super().__init__(*args, **kwargs)
        council = route.council
        deciding = adoption.final_step(council.adopted_by)
        hints = {
            Kind.CRIME_AND_DISORDER_COMMITTEE: (
                f"At {council.name}: {council.crime_and_disorder_committee}"
                if council.crime_and_disorder_committee
                else "The committee that acts as the Crime & Disorder Committee"
            ),
            deciding: f"Adopts the plan at {council.name}",
        }
        self.fields["kind"].choices = [
            Choice(value, label, hint=hints[value]) if value in hints else Choice(value, label)
            for value, label in Kind.choices
        ]
        _required_date(self.fields["decided_on"], "Enter the date of the decision")
        self.fields["meeting"].help_text = (
            f"For example, {council.crime_and_disorder_committee}, {council.name}'s Crime & Disorder Committee"
            if council.crime_and_disorder_committee
            else "For example, Cabinet, 5 November 2019"
        )
        self.helper = form_helper(
            action,
            Field.radios("kind"),
            Field("decided_on"),
            Field.radios("outcome"),
            Field.text("meeting"),
            Field.text("reference", field_width=20),
            Field.textarea("conditions", rows=3),
            Submit("record", "Record the decision"),
        )

    def clean_conditions(self):
        lines = [line.strip() for line in self.cleaned_data["conditions"].splitlines()]
        conditions = [line for line in lines if line]
        limit = Condition._meta.get_field("text").max_length
        if any(len(text) > limit for text in conditions):
            raise forms.ValidationError(f"Each condition must be {limit} characters or fewer")
        return conditions

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") and cleaned.get("outcome"):
            problem = adoption.outcome_problem(cleaned["kind"], cleaned["outcome"])
            if problem:
                self.add_error("outcome", problem)
        if "conditions" in self.errors or not cleaned.get("outcome"):
            return cleaned
        subject_to = cleaned["outcome"] == Outcome.AGREED_SUBJECT_TO_CONDITIONS
        if subject_to and not cleaned["conditions"]:
            self.add_error(
                "conditions", "Enter the conditions the agreement was made subject to, one per line"
            )
        elif cleaned["conditions"] and not subject_to:
            self.add_error(
                "conditions",
                "Conditions are only for an agreement made subject to conditions: "
                "choose that outcome or remove the conditions",
            )
        return cleaned

    def step_fields(self):
        return {
            name: self.cleaned_data[name]
            for name in ("kind", "decided_on", "outcome", "meeting", "reference", "conditions")
        }


class ConditionMetForm(forms.Form):
    met_on = GovukDateField(label="Date the condition was met", help_text="For example, 2 5 2024")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        _required_date(self.fields["met_on"], "Enter the date the condition was met")
        self.helper = form_helper(action, Field("met_on"), Submit("save", "Mark as met"))


class PlanVersionForm(forms.Form):
    """A new version or annual refresh. The document is a file, checked by its content as
    duty evidence is, or a link."""

    title = forms.CharField(
        max_length=PlanVersion._meta.get_field("title").max_length,
        error_messages={"required": "Enter the title of the version"},
        help_text="As the council writes it, for example Community Safety Plan 2023-2026 (2024-25 refresh)",
    )
    starts_on = GovukDateField(label="Period starts", help_text="For example, 1 4 2023")
    ends_on = GovukDateField(label="Period ends", help_text="For example, 31 3 2026")
    refresh_year = forms.CharField(
        label="Refresh year",
        max_length=20,
        required=False,
        help_text="For example, 2024-25. Leave empty for the first version",
    )
    eqia = forms.ChoiceField(
        label="Equality Impact Assessment (EqIA)",
        choices=PlanVersion.Eqia.choices,
        widget=forms.RadioSelect,
        initial=PlanVersion.Eqia.NOT_STARTED,
        error_messages={"required": "Select where the EqIA stands"},
    )
    eqia_on = GovukDateField(
        label="EqIA date", required=False, help_text="When it was screened or signed off, if it has been"
    )
    eqia_note = forms.CharField(
        label="EqIA note",
        max_length=300,
        required=False,
        help_text="For example, the plan's EqIA reused for the serious violence strategy",
    )
    published_on = GovukDateField(label="Published", required=False, help_text="For example, 30 1 2024")
    document = forms.FileField(
        required=False,
        label="Upload the document",
        help_text=f"{evidence_rules.ACCEPTED_DESCRIPTION}, smaller than "
        f"{filesizeformat(settings.EVIDENCE_MAX_BYTES)}",
    )
    document_link = forms.URLField(
        required=False,
        max_length=500,
        label="Or give a link to it",
        help_text="For example, the published plan on the council's website",
        error_messages={"invalid": "Enter a link in the correct format, like https://www.example.gov.uk"},
        assume_scheme="https",
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        _required_date(self.fields["starts_on"], "Enter the date the period starts")
        _required_date(self.fields["ends_on"], "Enter the date the period ends")
        self.helper = form_helper(
            action,
            Field.text("title"),
            Fieldset(
                Field("starts_on"),
                Field("ends_on"),
                Field.text("refresh_year", field_width=10),
                legend="Period",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.radios("eqia"),
                Field("eqia_on"),
                Field.text("eqia_note"),
                legend="Equality Impact Assessment",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field("published_on"),
                Field("document"),
                Field.text("document_link"),
                legend="Publication",
                legend_size=Size.MEDIUM,
            ),
            Submit("add", "Add the version"),
        )

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        return evidence_rules.check_upload(upload) if upload else upload

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", "Period ends must be after period starts")
        if cleaned.get("document") and cleaned.get("document_link"):
            self.add_error("document_link", "Give a file or a link, not both")
        return cleaned

    def version_fields(self):
        fields = {name: self.cleaned_data[name] for name in adoption.TYPED_VERSION_FIELDS}
        upload = self.cleaned_data["document"]
        if upload:
            fields.update(document=upload, document_type=upload.detected_content_type)
        return fields


class EditPlanVersionForm(PlanVersionForm):
    """A change to a version, carrying the revision it started from."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].label = "Replace the document"
        self.fields["document"].help_text += ". Leave empty to keep the one it has"
        self.helper.layout.fields[-1] = Hidden("revision", self["revision"].value())
        self.helper.layout.append(Submit("save", "Save changes"))


class PartnershipChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class PlanForm(forms.Form):
    """A new plan for a partnership; a pan-area plan is shared with other partnerships the
    officer also keeps."""

    title = forms.CharField(
        max_length=Plan._meta.get_field("title").max_length,
        error_messages={"required": "Enter the title of the plan"},
        help_text="As the council writes it, for example Community Safety Plan 2023-2026",
    )
    kind = forms.ChoiceField(
        label="Kind of plan",
        choices=Plan.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of plan"},
    )
    partnerships = PartnershipChoiceField(
        label="Other partnerships that share this plan",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Only for a pan-area plan that several partnerships agree. Select all that apply",
    )

    def __init__(self, *args, others, action, **kwargs):
        super().__init__(*args, **kwargs)
        layout = [Field.text("title"), Field.radios("kind")]
        if others.exists():
            self.fields["partnerships"].queryset = others
            layout.append(Field.checkboxes("partnerships"))
        else:
            del self.fields["partnerships"]
        self.helper = form_helper(action, *layout, Submit("add", "Add the plan"))

    def plan_fields(self):
        return {
            "title": self.cleaned_data["title"],
            "kind": self.cleaned_data["kind"],
            "partnerships": list(self.cleaned_data.get("partnerships") or ()),
        }
