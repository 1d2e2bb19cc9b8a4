"""The protocol office's forms on the Ceremony page: plain HTML forms, one per change, each
carrying the ceremony's revision so that a change made meanwhile by someone else is refused
rather than overwritten. Their choices come from the rows the page has already read: a form
adds no query. Attendees are named in text inputs pointing to the page's one `<datalist>`
(visits.views.ceremony_attendees: why not selects), parsed back by `AttendeeField`; no form
copies the list of attendees."""

from django import forms
from django.utils.translation import gettext_lazy as _

from visits.models import Ceremony
from visits.models.ceremony_choices import AttendanceRole, Capacity, PairRule
from visits.services.ceremony import OPTION_FIELDS
from visits.views.ceremony_attendees import DATALIST_ID


class RevisionForm(forms.Form):
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


NOT_LISTED = _("Choose an attendee from the list.")


class AttendeeField(forms.CharField):
    """An attendee typed or picked from the page's list ("12 · Jean Martin"); cleaned to their
    attendance's pk. `attendees` (an AttendeeList) is set by the form."""

    widget = forms.TextInput(attrs={"list": DATALIST_ID, "autocomplete": "off"})
    default_error_messages = {"invalid_choice": NOT_LISTED}
    attendees = None

    def __init__(self, **kwargs):
        super().__init__(max_length=300, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        key = self.attendees.key_of(value)
        if key is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        return self.typed(key)

    def typed(self, key: str):
        return int(key)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # a label is never cut short in the browser
        return attrs


def with_attendees(form, attendees, *names) -> None:
    for name in names:
        form.fields[name].attendees = attendees


class AttendeeForm(RevisionForm):
    """Names one attendee of this engagement in a hidden field (the change and remove forms)."""

    attendance = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, rows, attendees, **kwargs):
        super().__init__(*args, **kwargs)
        self.attendees = attendees

    def clean_attendance(self):
        key = self.cleaned_data["attendance"]
        if str(key) not in self.attendees.keys:
            raise forms.ValidationError(NOT_LISTED, "invalid_choice")
        return key


class GatherForm(RevisionForm):
    pass


class AddForm(RevisionForm):
    guest = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=AttendanceRole.choices)


class ChangeForm(AttendeeForm):
    role = forms.ChoiceField(label=_("Role"), choices=AttendanceRole.choices)
    capacity = forms.ChoiceField(label=_("Capacity"), choices=Capacity.choices)
    represents_office = forms.TypedChoiceField(
        label=_("Represents the office"), coerce=int, required=False, empty_value=None
    )
    place_after = forms.IntegerField(
        label=_("Place after rank"),
        min_value=0,
        max_value=32767,
        required=False,
        help_text=_("Art. 18: for anyone the list does not name; 0 places them first."),
    )
    place_after_reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
    inviting = forms.BooleanField(label=_("Head of the inviting body"), required=False)
    speaks = forms.BooleanField(label=_("Speaks"), required=False)
    pinned = forms.BooleanField(label=_("Pinned to their kept place"), required=False)

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, rows=rows, **kwargs)
        offices = sorted(rows.offices, key=lambda office: office.label)
        self.fields["represents_office"].choices = [("", "—")] + [
            (str(office.pk), office.label) for office in offices
        ]

    @staticmethod
    def initial_of(attendance, revision: int) -> dict:
        fields = ("role", "capacity", "place_after", "place_after_reason", "inviting", "speaks")
        initial = {name: getattr(attendance, name) for name in fields}
        return initial | {
            "attendance": attendance.pk,
            "represents_office": attendance.represents_office_id,
            "pinned": attendance.pinned,
            "revision": revision,
        }


class RemoveForm(AttendeeForm):
    pass


class OptionsForm(forms.ModelForm):
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    class Meta:
        model = Ceremony
        fields = OPTION_FIELDS
        widgets = {"ranked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["precedence_list"].empty_label = _("The Paris list in force on the day")


class PairOfAttendeesForm(RevisionForm):
    first = AttendeeField(label=_("Attendee"))
    second = AttendeeField(label=_("and"))

    def __init__(self, *args, rows, attendees, **kwargs):
        super().__init__(*args, **kwargs)
        with_attendees(self, attendees, "first", "second")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first") is not None and cleaned.get("first") == cleaned.get("second"):
            self.add_error("second", _("Choose two different attendees."))
        return cleaned


class SwapForm(PairOfAttendeesForm):
    pass


class PairForm(PairOfAttendeesForm):
    rule = forms.ChoiceField(label=_("Rule"), choices=PairRule.choices)


class RemovePairForm(RevisionForm):
    pair = forms.IntegerField(widget=forms.HiddenInput)


class PinForm(RevisionForm):
    """Names the attendee in a text input with the page's list."""

    attendance = AttendeeField(label=_("Attendee"))
    table = forms.IntegerField(label=_("Table or row"), min_value=1, max_value=32767)
    seat = forms.IntegerField(label=_("Place"), min_value=1, max_value=32767)

    def __init__(self, *args, rows, attendees, **kwargs):
        super().__init__(*args, **kwargs)
        with_attendees(self, attendees, "attendance")


class KeepForm(RevisionForm):
    pass


class ResetForm(RevisionForm):
    pass
