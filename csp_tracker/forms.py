"""Form pieces every app shares."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Layout, Size
from django.core.exceptions import ValidationError


class GovukDateField(DateInputField):
    """The GOV.UK date input (day, month, year boxes) with messages that name the field,
    as the Design System asks: "Next due must be a real date", not "day is out of range"."""

    def __init__(self, *, label, **kwargs):
        super().__init__(label=label, require_all_fields=False, **kwargs)
        self.label_text = label
        for part, box in zip(("day", "month", "year"), self.fields, strict=True):
            box.error_messages["incomplete"] = f"{label} must include a {part}"
            box.validators[0].message = f"{label} must be a real date"
        self.error_messages["required"] = f"Enter the {label.lower()} date"
        self.error_messages["incomplete"] = f"{label} must include a day, month and year"
        self.error_messages["invalid"] = f"{label} must be a real date"

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        try:
            value = date(day=int(day), month=int(month), year=int(year))
        except ValueError as error:
            raise ValidationError(f"{self.label_text} must be a real date") from error
        if not 1900 <= value.year <= 2200:
            raise ValidationError(f"{self.label_text} must be a year between 1900 and 2200")
        return value


def form_helper(action, *layout):
    """A GOV.UK form posting to `action`, with small labels and legends. An explicit action
    drops any #fragment (such as the skip link's #main-content) from the address, so focus
    can land on the success banner after the redirect."""
    helper = FormHelper()
    helper.form_action = action
    helper.label_size = Size.SMALL
    helper.legend_size = Size.SMALL
    helper.layout = Layout(*layout)
    return helper


def kept_after_stale_edit(make_form, post, refusal, *, counter: str, what: str | None):
    """The form again after a refused stale save (csp_tracker.audit.StaleEdit): what this
    person typed, now carrying the record's current edit number, so that saving again is a
    deliberate choice made with the other person's changes in view. With `what`, the form
    also says why nothing was saved."""
    data = post.copy()
    data[counter] = str(getattr(refusal.current, counter))
    form = make_form(data)
    form.is_valid()
    if what:
        form.add_error(
            None,
            f"Someone else changed this {what} after you opened it. Your changes have not been "
            "saved. Check what they changed, then save again to keep your version.",
        )
    return form
