from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Hidden, Layout, Size, Submit
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat

from csp_tracker.forms import GovukDateField
from duties import evidence as evidence_rules
from duties.models import RegisterEntry
from duties.register import dates_in_order
from partnerships.models import Organisation


def people_in(partnership):
    return (
        get_user_model()
        .objects.filter(csp_roles__partnership=partnership)
        .distinct()
        .only("pk", "username", "first_name", "last_name")
        .order_by("first_name", "last_name", "username")
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class RegisterEntryForm(forms.ModelForm):
    """An officer's edit of one duty's register entry."""

    status = forms.ChoiceField(
        choices=RegisterEntry.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the duty's status"},
        help_text="An entry past its next due date shows as overdue whatever status you choose.",
    )
    owner = PersonChoiceField(
        queryset=get_user_model().objects.none(), required=False, empty_label="No owner yet"
    )
    delivered_by = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="The partnership itself",
        label="Delivered by",
    )
    next_due_on = GovukDateField(label="Next due", help_text="For example, 31 3 2027", required=False)
    last_completed_on = GovukDateField(
        label="Last completed", help_text="For example, 17 6 2026", required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = RegisterEntry
        fields = ["status", "implementation", "owner", "delivered_by", "next_due_on", "last_completed_on"]
        widgets = {"implementation": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, partnership, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people_in(partnership)
        self.fields["delivered_by"].queryset = Organisation.objects.filter(
            memberships__partnership=partnership
        ) | Organisation.objects.filter(kind=Organisation.Kind.BOARD)
        self.fields["delivered_by"].queryset = self.fields["delivered_by"].queryset.distinct()
        if not self.is_bound:
            self.initial["version"] = self.instance.version
        self.helper = FormHelper()
        # An explicit action drops any #fragment (such as the skip link's #main-content) from
        # the address, so focus can land on the success banner after the redirect.
        self.helper.form_action = action
        self.helper.label_size = Size.SMALL
        self.helper.legend_size = Size.SMALL
        self.helper.layout = Layout(
            Field.radios("status", legend_size=Size.SMALL),
            Field.textarea("implementation"),
            Field.select("owner"),
            Field.select("delivered_by"),
            Fieldset(
                Field("next_due_on"), Field("last_completed_on"), legend="Dates", legend_size=Size.MEDIUM
            ),
            Hidden("version", self["version"].value()),
            Submit("save", "Save changes"),
        )

    def clean(self):
        cleaned = super().clean()
        next_due_on = cleaned.get("next_due_on")
        last_completed_on = cleaned.get("last_completed_on")
        if not dates_in_order(next_due_on, last_completed_on):
            self.add_error("next_due_on", "Next due must be after the date the duty was last completed")
        return cleaned


class EvidenceForm(forms.Form):
    """Evidence is a file or a link; a file is checked by its content."""

    title = forms.CharField(
        max_length=200,
        error_messages={"required": "Enter a title for the evidence"},
        help_text="For example, Partnership Strategic Assessment 2026 signed off by the CSP",
    )
    file = forms.FileField(
        required=False,
        label="Upload a file",
        help_text=f"{evidence_rules.ACCEPTED_DESCRIPTION}, smaller than "
        f"{filesizeformat(settings.EVIDENCE_MAX_BYTES)}",
    )
    link = forms.URLField(
        required=False,
        max_length=500,
        label="Or give a link",
        help_text="For example, the published plan on the council's website",
        error_messages={"invalid": "Enter a link in the correct format, like https://www.example.gov.uk"},
        assume_scheme="https",
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.text("title"),
            Field("file"),
            Field.text("link"),
            Submit("add", "Add evidence"),
        )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return evidence_rules.check_upload(upload) if upload else upload

    def clean(self):
        cleaned = super().clean()
        has_file = bool(cleaned.get("file"))
        has_link = bool(cleaned.get("link"))
        if not self.errors.get("file") and not self.errors.get("link"):
            if has_file and has_link:
                self.add_error("link", "Give a file or a link, not both")
            elif not has_file and not has_link:
                self.add_error("file", "Choose a file to upload or give a link")
        return cleaned


class RegisterFilterForm(forms.Form):
    """The register's filters, read from the query string."""

    status = forms.ChoiceField(choices=[("", "Any status")] + RegisterEntry.Status.choices, required=False)
    owner = PersonChoiceField(queryset=get_user_model().objects.none(), required=False, empty_label="Anyone")

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people_in(partnership)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.select("status"),
            Field.select("owner"),
            Submit("filter", "Apply filters", css_class="govuk-button--secondary"),
        )

    def apply(self, entries):
        if not self.is_valid():
            return entries
        if self.cleaned_data["status"]:
            entries = entries.filter(current_status=self.cleaned_data["status"])
        if self.cleaned_data["owner"]:
            entries = entries.filter(owner=self.cleaned_data["owner"])
        return entries
