"""The protocol office's forms on the Ceremony page: plain HTML forms, one per change, each
carrying the ceremony's revision so that a change made meanwhile by someone else is refused
rather than overwritten. Their choices come from the rows the page has already read: a form
adds no query."""

from django import forms
from django.utils.translation import gettext_lazy as _

from visits.models import Ceremony
from visits.models.ceremony_choices import AttendanceRole, Capacity, PairRule
from visits.services.ceremony import OPTION_FIELDS


class RevisionForm(forms.Form):
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)


def attendee_choices(rows, blank=False):
    """The attendees by name, for a select; `blank` adds an empty first choice."""
    named = sorted(rows.attendances, key=lambda row: row.guest.sort_name or row.guest.name)
    choices = [(str(row.pk), row.guest.name) for row in named]
    return [("", "—")] + choices if blank else choices


class AttendeeForm(RevisionForm):
    """Names one attendee of this engagement (a hidden field, or a select)."""

    attendance = forms.TypedChoiceField(coerce=int, label=_("Attendee"))

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendance"].choices = attendee_choices(rows)


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
        self.fields["attendance"].widget = forms.HiddenInput()
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
    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, rows=rows, **kwargs)
        self.fields["attendance"].widget = forms.HiddenInput()


class OptionsForm(forms.ModelForm):
    revision = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    class Meta:
        model = Ceremony
        fields = OPTION_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["precedence_list"].empty_label = _("The Paris list in force on the day")


class PairOfAttendeesForm(RevisionForm):
    first = forms.TypedChoiceField(coerce=int, label=_("Attendee"))
    second = forms.TypedChoiceField(coerce=int, label=_("and"))

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        choices = attendee_choices(rows, blank=True)
        self.fields["first"].choices = self.fields["second"].choices = choices

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


class PinForm(AttendeeForm):
    """Names the attendee in a select, an empty choice first."""

    table = forms.IntegerField(label=_("Table or row"), min_value=1, max_value=32767)
    seat = forms.IntegerField(label=_("Place"), min_value=1, max_value=32767)

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, rows=rows, **kwargs)
        self.fields["attendance"].choices = attendee_choices(rows, blank=True)


class KeepForm(RevisionForm):
    pass


class ResetForm(RevisionForm):
    pass
