from crispy_forms_gds.layout import Field, Fieldset, Hidden, Size, Submit
from django import forms

from csp_tracker.forms import GovukDateField, form_helper
from scrutiny.building import date_problems
from scrutiny.models import Pack


class CouncilChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def _text(name, **kwargs):
    model_field = Pack._meta.get_field(name)
    kwargs.setdefault("required", False)
    kwargs.setdefault("label", str(model_field.verbose_name).capitalize())
    kwargs.setdefault("help_text", model_field.help_text)
    return forms.CharField(max_length=model_field.max_length, **kwargs)


class BuildPackForm(forms.Form):
    """What the clerk chooses before CSP Tracker builds a draft from the live data."""

    council = CouncilChoiceField(
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the council the report goes to"},
    )
    title = _text("title", required=True, error_messages={"required": "Enter the title of the report"})
    period_starts_on = GovukDateField(label="Period starts", help_text="For example, 1 4 2023")
    period_ends_on = GovukDateField(label="Period ends", help_text="For example, 31 3 2024")
    committee = _text(
        "committee",
        help_text="As the council names it, for example People & Health Overview Committee. Leave empty "
        "to use the council's Crime & Disorder Committee",
    )
    committee_on = GovukDateField(label="Committee date", help_text="For example, 23 7 2024")
    cabinet_on = GovukDateField(
        label="Cabinet date", required=False, help_text="If the report goes on to Cabinet"
    )
    full_council_on = GovukDateField(
        label="Full Council date", required=False, help_text="If the report goes on to Full Council"
    )
    portfolio_holder = _text("portfolio_holder", help_text="For example, Cllr G Taylor, Health and Housing")
    director = _text("director")
    report_author = _text("report_author")
    officer_contact = _text("officer_contact")
    officer_phone = _text("officer_phone")
    officer_email = forms.EmailField(
        label="Officer's email",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format, like name@example.gov.uk"},
    )

    def __init__(self, *args, partnership, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = partnership.councils.order_by("name")
        self.helper = form_helper(
            action,
            Field.radios("council", legend_size=Size.SMALL),
            Field.text("title"),
            Fieldset(
                Field("period_starts_on"), Field("period_ends_on"), legend="Period", legend_size=Size.MEDIUM
            ),
            Fieldset(
                Field.text("committee"),
                Field("committee_on"),
                Field("cabinet_on"),
                Field("full_council_on"),
                legend="Meetings",
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.text("portfolio_holder"),
                Field.text("director"),
                Field.text("report_author"),
                Field.text("officer_contact"),
                Field.text("officer_phone"),
                Field.text("officer_email"),
                legend="Cover",
                legend_size=Size.MEDIUM,
            ),
            Submit("build", "Build the draft pack"),
        )

    def clean(self):
        cleaned = super().clean()
        for name, message in date_problems(
            **{
                name: cleaned.get(name)
                for name in (
                    "period_starts_on",
                    "period_ends_on",
                    "committee_on",
                    "cabinet_on",
                    "full_council_on",
                )
            }
        ).items():
            self.add_error(name, message)
        if cleaned.get("council") and not cleaned.get("committee", "").strip():
            cleaned["committee"] = (
                cleaned["council"].crime_and_disorder_committee or "Crime & Disorder Committee"
            )
        return cleaned


class NarrativeForm(forms.Form):
    """The sections the officers write, carrying the revision the editor started from."""

    executive_summary = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Leave a blank line between paragraphs",
    )
    budget = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    risk = forms.CharField(label="Risk assessment", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    climate = forms.CharField(
        label="Climate implications", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    other_implications = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            action,
            Field.textarea("executive_summary"),
            Field.textarea("budget"),
            Field.textarea("risk"),
            Field.textarea("climate"),
            Field.textarea("other_implications"),
            Hidden("revision", self["revision"].value()),
            Submit("save", "Save the draft"),
        )


class IssueForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
