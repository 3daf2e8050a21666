from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Hidden, Layout, Size, Submit
from django import forms

from csp_tracker.forms import GovukDateField, form_helper
from meetings import minutes
from meetings.models import Action, AgendaItem, Attendance, Meeting


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class EntryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.duty.title


def _link_fields(form, partnership):
    """The optional plan and duty a record concerns, from the partnership's own."""
    from duties.models import RegisterEntry
    from plans.models import Plan

    form.fields["plan"] = PlanChoiceField(
        label="Plan it concerns (optional)",
        queryset=Plan.objects.filter(partnerships=partnership).order_by("title"),
        required=False,
        empty_label="None",
    )
    form.fields["register_entry"] = EntryChoiceField(
        label="Duty it concerns (optional)",
        queryset=RegisterEntry.objects.filter(partnership=partnership)
        .select_related("duty")
        .order_by("duty__order", "duty__title"),
        required=False,
        empty_label="None",
    )


class MeetingForm(forms.Form):
    title = forms.CharField(
        max_length=Meeting._meta.get_field("title").max_length,
        error_messages={"required": "Enter the title of the meeting"},
        help_text="For example, Dorset Community Safety Partnership",
    )
    kind = forms.ChoiceField(
        label="Kind of meeting",
        choices=Meeting.Kind.choices,
        widget=forms.RadioSelect,
        initial=Meeting.Kind.CSP_BOARD,
        error_messages={"required": "Select the kind of meeting"},
    )
    sub_group = forms.CharField(
        label="Sub-group",
        max_length=200,
        required=False,
        help_text="Only for a sub-group, for example Local Priority Delivery Group",
    )
    held_on = GovukDateField(label="Date of the meeting", help_text="For example, 14 3 2023")

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].error_messages["required"] = "Enter the date of the meeting"
        self.helper = form_helper(
            action,
            Field.text("title"),
            Field.radios("kind"),
            Field.text("sub_group"),
            Field("held_on"),
            Submit("record", "Record the meeting"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Meeting.Kind.SUB_GROUP and not cleaned.get("sub_group"):
            self.add_error("sub_group", "Enter the name of the sub-group")
        return cleaned


class AttendanceForm(forms.Form):
    """The four lists the minutes keep, one textarea each: "Name, Organisation" per line."""

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        for group, label in Attendance.Group.choices:
            self.fields[group] = forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea,
                help_text="One person per line: name, a comma, then their organisation. "
                "For example, Jan West, NHS Dorset",
            )
        self.helper = form_helper(
            action,
            *(Field.textarea(group, rows=6) for group in Attendance.Group.values),
            Submit("save", "Save attendance"),
        )

    def clean(self):
        cleaned = super().clean()
        self.groups = {}
        for group in Attendance.Group.values:
            people, problems = minutes.parse_attendance(cleaned.get(group) or "")
            for problem in problems:
                self.add_error(group, problem)
            self.groups[group] = people
        return cleaned


class AgendaItemForm(forms.Form):
    number = forms.IntegerField(
        label="Item number",
        min_value=1,
        max_value=999,
        error_messages={
            "required": "Enter the item number",
            "invalid": "Item number must be a whole number, like 3",
            "min_value": "Item number must be 1 or more",
            "max_value": "Item number must be 999 or less",
        },
    )
    title = forms.CharField(
        max_length=AgendaItem._meta.get_field("title").max_length,
        error_messages={"required": "Enter the title of the item"},
        help_text="For example, Serious Violence Duty",
    )
    minutes = forms.CharField(label="Minutes", required=False, widget=forms.Textarea)
    resolutions = forms.CharField(
        label="Resolved",
        required=False,
        widget=forms.Textarea,
        help_text="One resolution per line, for example: 1. The Community Safety Partnership agreed the plan",
    )
    matters_arising = forms.ModelMultipleChoiceField(
        label="Matters arising: actions from the previous meeting reported on under this item",
        queryset=Action.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, meeting, earlier_actions, action, **kwargs):
        super().__init__(*args, **kwargs)
        _link_fields(self, meeting.partnership)
        layout = [
            Field.text("number", field_width=3),
            Field.text("title"),
            Field.textarea("minutes", rows=8),
            Field.textarea("resolutions", rows=5),
            Field.select("plan"),
            Field.select("register_entry"),
        ]
        if earlier_actions is not None and earlier_actions.exists():
            self.fields["matters_arising"].queryset = earlier_actions
            layout.append(Field.checkboxes("matters_arising"))
        else:
            del self.fields["matters_arising"]
        self.helper = form_helper(action, *layout, Submit("add", "Add the item"))

    def item_fields(self):
        fields = {
            name: self.cleaned_data[name]
            for name in ("number", "title", "minutes", "resolutions", "plan", "register_entry")
        }
        fields["matters_arising"] = list(self.cleaned_data.get("matters_arising") or ())
        return fields


class ActionForm(forms.Form):
    text = forms.CharField(
        label="Action",
        widget=forms.Textarea,
        error_messages={"required": "Enter what needs to be done"},
        help_text="What needs to be done, as the minutes record it",
    )
    owners = PersonChoiceField(
        label="Owners",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one owner for the action"},
        help_text="Select all that apply. The first one named is reminded when it falls due",
    )
    due_on = GovukDateField(label="Due date", help_text="For example, 30 6 2023")
    status = forms.ChoiceField(
        label="Status",
        choices=Action.Status.choices,
        widget=forms.RadioSelect,
        initial=Action.Status.NOT_STARTED,
        error_messages={"required": "Select the status of the action"},
    )
    update_notes = forms.CharField(
        label="Update",
        required=False,
        widget=forms.Textarea,
        help_text="What has happened since the action was raised",
    )

    def __init__(
        self, *args, partnership, people, action, recommendations=None, submit="Add the action", **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = people
        self.fields["due_on"].error_messages["required"] = "Enter the due date"
        _link_fields(self, partnership)
        layout = [
            Field.textarea("text", rows=4),
            Field.checkboxes("owners"),
            Field("due_on"),
            Field.radios("status"),
            Field.textarea("update_notes", rows=4),
            Field.select("plan"),
            Field.select("register_entry"),
        ]
        # Only the DHR-cleared are offered the reviews' recommendations to link to.
        if recommendations is not None:
            self.fields["recommendation"] = RecommendationChoiceField(
                label="Domestic Homicide Review recommendation it delivers (optional)",
                queryset=recommendations,
                required=False,
                empty_label="None",
            )
            layout.append(Field.select("recommendation"))
        layout.append(Submit("save", submit))
        self.helper = form_helper(action, *layout)

    def action_fields(self):
        names = ["text", "owners", "due_on", "status", "update_notes", "plan", "register_entry"]
        if "recommendation" in self.fields:
            names.append("recommendation")
        return {name: self.cleaned_data[name] for name in names}


class RecommendationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.case.reference}: {obj.text[:80]}"


class EditActionForm(ActionForm):
    """A change to an action, carrying the revision it started from. The link to a review's
    recommendation is made when the action is added and is not changed here."""

    revision = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, recommendations=None, submit="Save changes", **kwargs)
        self.helper.layout.insert(
            len(self.helper.layout.fields) - 1, Hidden("revision", self["revision"].value())
        )


class ActionFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "Any status"), *Action.Status.choices], required=False)
    owner = forms.ChoiceField(required=False)
    overdue = forms.ChoiceField(
        label="Overdue", choices=[("", "Overdue or not"), ("yes", "Overdue only")], required=False
    )

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", "Anyone"), *((str(pk), name) for pk, name in owners)]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.select("status"),
            Field.select("owner"),
            Field.select("overdue"),
            Submit("filter", "Apply filters", css_class="govuk-button--secondary"),
        )

    @property
    def filtered(self):
        return self.is_bound and any(self.data.get(name) for name in self.fields)

    def apply(self, actions, today):
        if not self.is_valid():
            return actions
        if self.cleaned_data["status"]:
            actions = actions.filter(status=self.cleaned_data["status"])
        if self.cleaned_data["owner"]:
            actions = actions.filter(owners=self.cleaned_data["owner"])
        if self.cleaned_data["overdue"]:
            actions = actions.overdue(today)
        return actions


class ForwardPlanItemForm(forms.Form):
    title = forms.CharField(
        max_length=200,
        error_messages={"required": "Enter what the item is"},
        help_text="For example, Annual Partnership Strategic Assessment",
    )
    planned_for = GovukDateField(
        label="Meeting date",
        help_text="For example, 20 6 2023. If only the month is known, use its first day",
    )
    month_only = forms.BooleanField(label="Only the month is known", required=False)

    def __init__(self, *args, partnership, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planned_for"].error_messages["required"] = "Enter the date of the meeting"
        _link_fields(self, partnership)
        self.helper = form_helper(
            action,
            Field.text("title"),
            Field("planned_for"),
            Field.checkbox("month_only"),
            Field.select("plan"),
            Field.select("register_entry"),
            Submit("add", "Add to the forward plan"),
        )

    def item_fields(self):
        return {
            name: self.cleaned_data[name]
            for name in ("title", "planned_for", "month_only", "plan", "register_entry")
        }
