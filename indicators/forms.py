from crispy_forms_gds.layout import Field, Hidden, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from csp_tracker.forms import form_helper
from duties.evidence import check_upload
from indicators.figures import FigureRefused, parse_value, parse_year
from indicators.importing import IMPORT_TYPES
from indicators.models import Indicator, IndicatorValue
from partnerships.models import Organisation
from plans.models import Plan


def _parsed(parse, raw, *, required=True):
    if not required and not (raw or "").strip():
        return None
    try:
        return parse(raw)
    except FigureRefused as refusal:
        raise ValidationError(str(refusal)) from None


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class IndicatorForm(forms.Form):
    """An indicator as the strategy sets it: name, what it counts, which way is good, baseline."""

    name = forms.CharField(
        max_length=Indicator._meta.get_field("name").max_length,
        error_messages={"required": "Enter the indicator's name"},
        help_text="As the strategy names it, for example The total number of ASB reports to the police",
    )
    definition = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="What is counted, and what is not"
    )
    unit = forms.CharField(required=False, max_length=60, help_text="For example, reports, crimes or %")
    good_direction = forms.ChoiceField(
        label="Which way is good?",
        choices=Indicator.Direction.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether lower or higher figures are better"},
    )
    source = forms.CharField(
        required=False,
        max_length=200,
        help_text="Where the figures come from, for example Standard CSP data set",
    )
    owner = PersonChoiceField(
        label="Owner (person)", queryset=None, required=False, empty_label="No one named"
    )
    owner_organisation = forms.ModelChoiceField(
        label="Owner (organisation)", queryset=None, required=False, empty_label="No organisation named"
    )
    priority = forms.CharField(
        label="Plan priority",
        required=False,
        max_length=300,
        help_text="The strategic priority it measures, for example Tackle violent crime in all its forms",
    )
    plan = forms.ModelChoiceField(
        label="Plan", queryset=None, required=False, empty_label="Not linked to a plan"
    )
    baseline_year = forms.CharField(
        label="Baseline year",
        required=False,
        help_text="The financial year of the baseline, for example 2021/22",
    )
    baseline_value = forms.CharField(
        label="Baseline",
        required=False,
        help_text="The figure for the whole baseline year, for example 12440",
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, partnership, action, submit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            get_user_model()
            .objects.filter(csp_roles__partnership=partnership)
            .distinct()
            .order_by("first_name")
        )
        self.fields["owner_organisation"].queryset = Organisation.objects.filter(partnerships=partnership)
        self.fields["plan"].queryset = Plan.objects.filter(partnerships=partnership).distinct()
        self.helper = form_helper(
            action,
            Field.text("name"),
            Field.textarea("definition"),
            Field.text("unit", field_width=10),
            Field.radios("good_direction"),
            Field.text("source"),
            Field.select("owner"),
            Field.select("owner_organisation"),
            Field.text("priority"),
            Field.select("plan"),
            Field.text("baseline_year", field_width=5),
            Field.text("baseline_value", field_width=10),
            Hidden("revision", self["revision"].value() or ""),
            Submit("save", submit),
        )

    def clean_baseline_year(self):
        return _parsed(parse_year, self.cleaned_data["baseline_year"], required=False)

    def clean_baseline_value(self):
        return _parsed(parse_value, self.cleaned_data["baseline_value"], required=False)

    def clean(self):
        cleaned = super().clean()
        year, value = cleaned.get("baseline_year"), cleaned.get("baseline_value")
        if year is None and value is not None and "baseline_year" not in self.errors:
            self.add_error("baseline_year", "Enter the baseline year, or leave the baseline empty")
        if value is None and year is not None and "baseline_value" not in self.errors:
            self.add_error("baseline_value", "Enter the baseline, or leave the baseline year empty")
        return cleaned

    def indicator_fields(self):
        return {name: self.cleaned_data[name] for name in self.fields if name != "revision"}


class RecordValueForm(forms.Form):
    """One quarter's figure, typed in."""

    year = forms.CharField(
        label="Financial year",
        help_text="For example, 2022/23",
        error_messages={"required": "Enter the financial year, for example 2022/23"},
    )
    quarter = forms.TypedChoiceField(
        label="Quarter",
        choices=IndicatorValue.Quarter.choices[1:] + IndicatorValue.Quarter.choices[:1],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the quarter, or Full year"},
    )
    value = forms.CharField(
        label="Value", help_text="A number, for example 3399", error_messages={"required": "Enter the value"}
    )
    note = forms.CharField(label="Note (optional)", required=False, max_length=300)
    replace = forms.BooleanField(
        label="Replace the figure if this quarter is already recorded (a correction)", required=False
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            action,
            Field.text("year", field_width=5),
            Field.radios("quarter"),
            Field.text("value", field_width=10),
            Field.text("note"),
            Field.checkbox("replace"),
            Submit("record", "Record the figure"),
        )

    def clean_year(self):
        return _parsed(parse_year, self.cleaned_data["year"])

    def clean_value(self):
        return _parsed(parse_value, self.cleaned_data["value"])


class TargetForm(forms.Form):
    year = forms.CharField(
        label="Financial year",
        help_text="For example, 2023/24",
        error_messages={"required": "Enter the financial year, for example 2023/24"},
    )
    value = forms.CharField(
        label="Target for the whole year",
        required=False,
        help_text="A number. Leave it empty to remove the year's target",
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            action,
            Field.text("year", field_width=5),
            Field.text("value", field_width=10),
            Submit("save", "Save the target"),
        )

    def clean_year(self):
        return _parsed(parse_year, self.cleaned_data["year"])

    def clean_value(self):
        return _parsed(parse_value, self.cleaned_data["value"], required=False)


class ImportForm(forms.Form):
    """The file of figures to check. Its type is read from its content (check_upload), and
    only CSV and Excel .xlsx files are read."""

    file = forms.FileField(
        label="File of figures",
        help_text="A CSV or Excel (.xlsx) file with the columns indicator, year, quarter, value and "
        "optionally note",
        error_messages={"required": "Select a CSV or Excel file of figures"},
    )
    replace = forms.BooleanField(
        label="Replace figures already recorded for the same quarter (corrections)", required=False
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            action, Field("file"), Field.checkbox("replace"), Submit("check", "Check the file")
        )

    def clean_file(self):
        upload = check_upload(self.cleaned_data["file"])
        if upload.detected_content_type not in IMPORT_TYPES:
            raise ValidationError(
                "The selected file must be a CSV or Excel (.xlsx) file. "
                f"Its content is {upload.detected_content_type}, whatever its name says"
            )
        return upload
