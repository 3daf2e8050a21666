import re

from crispy_forms_gds.layout import Field, Hidden, Submit
from django import forms

from csp_tracker.audit import person
from csp_tracker.forms import form_helper
from reminders.audience import MAX_DAYS, MAX_THRESHOLDS, as_text


def parse_days(text: str) -> list[int]:
    """ "60, 30, 7, 1, 0" as a list of days, most first; a ValidationError in GOV.UK words
    for anything else. Spaces, semicolons and the word "and" are forgiven."""
    parts = [part for part in re.split(r"\s*(?:,|;|\band\b|\s)\s*", text.strip()) if part]
    if not parts:
        raise forms.ValidationError("Enter the days before a deadline to send reminders", code="required")
    if not all(re.fullmatch(r"-?\d+", part) for part in parts):
        raise forms.ValidationError("Enter whole numbers of days, separated by commas", code="invalid")
    days = [int(part) for part in parts]
    if any(not 0 <= day <= MAX_DAYS for day in days):
        raise forms.ValidationError(f"Days before must be between 0 and {MAX_DAYS}", code="max_value")
    if len(set(days)) != len(days):
        raise forms.ValidationError("Enter each number of days only once", code="repeated")
    if len(days) > MAX_THRESHOLDS:
        raise forms.ValidationError(f"Enter no more than {MAX_THRESHOLDS} numbers of days", code="too_many")
    return sorted(days, reverse=True)


class DaysBeforeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Days before a deadline to send reminders")
        kwargs.setdefault(
            "help_text",
            "Whole numbers of days, separated by commas; 0 is the day itself. For example, 60, 30, 7, 1, 0",
        )
        kwargs.setdefault("max_length", 100)
        super().__init__(**kwargs)
        self.error_messages["required"] = "Enter the days before a deadline to send reminders"
        self.error_messages["max_length"] = "Enter whole numbers of days, separated by commas"

    def prepare_value(self, value):
        return as_text(value) if isinstance(value, list) else value

    def clean(self, value):
        return parse_days(super().clean(value))


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person(obj)


class DigestForm(forms.Form):
    weekly_digest = forms.TypedChoiceField(
        label="Do you want the weekly digest?",
        choices=[("yes", "Yes, send me the weekly digest"), ("no", "No, do not send it")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you want the weekly digest"},
        help_text="One email on the first working day of the week, listing what is overdue or due soon.",
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = form_helper(
            action,
            Field.radios("weekly_digest"),
            Submit("save", "Save digest choice", css_class="govuk-button--secondary"),
        )


class SettingsForm(forms.Form):
    """A partnership's thresholds and lead, carrying the values it was opened with, so a
    save made over someone else's is refused (`reminders.audience.change_settings`)."""

    days_before = DaysBeforeField()
    lead = PersonChoiceField(
        label="Partnership lead",
        queryset=None,
        required=False,
        empty_label="No lead: tell the partnership admins",
        help_text="Told every week while a deadline stays overdue. A review's overdue deadlines "
        "go to the lead only if they are DHR-cleared.",
        error_messages={"invalid_choice": "Select someone who holds a role in the partnership"},
    )
    started_days = forms.CharField(widget=forms.HiddenInput, required=False)
    started_lead = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, people, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = people
        self.helper = form_helper(
            action,
            Field.text("days_before", field_width=20),
            Field.select("lead"),
            Hidden("started_days", self["started_days"].value() or ""),
            Hidden("started_lead", self["started_lead"].value() or ""),
            Submit("save", "Save reminder settings"),
        )

    def clean(self):
        cleaned = super().clean()
        try:
            started_days = parse_days(cleaned.get("started_days") or "")
            started_lead = int(cleaned["started_lead"]) if cleaned.get("started_lead") else None
        except (forms.ValidationError, ValueError):
            # Only a hand-made request gets here; the page always sends what it showed.
            raise forms.ValidationError("Open the settings page again, then make your change") from None
        self.started_from = (started_days, started_lead)
        return cleaned
