"""The Ceremony page's question "why does one come before the other?", for any two attendees the
rules place, not only two neighbours in the order: a GET form (`first`, `second`), answered
from the ranking the page has already made, so it adds no query. Both are typed or picked from
the page's list of attendees ("5 · Jean Martin"; see visits.views.ceremony_attendees)."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from visits.views.ceremony_forms import AttendeeField, with_attendees

NOT_PLACED = _("Choose one of the attendees placed in this order.")


@dataclass(frozen=True)
class Answer:
    before: str  # the name of the one who comes first
    after: str
    reason: object  # visits.ceremony.people.Reason


class PlacedField(AttendeeField):
    """An attendee the rules place (the list also names those they cannot), as their key."""

    default_error_messages = {"invalid_choice": NOT_PLACED}

    def typed(self, key: str):
        if key not in self.attendees.placed:
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        return key


class WhyForm(forms.Form):
    first = PlacedField(label=_("One attendee"))
    second = PlacedField(label=_("The other"))

    def __init__(self, *args, ranking, attendees, **kwargs):
        super().__init__(*args, auto_id="why-%s", **kwargs)
        self.ranking = ranking
        with_attendees(self, attendees, "first", "second")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("first") and cleaned.get("first") == cleaned.get("second"):
            self.add_error("second", _("Choose two different attendees."))
        return cleaned

    def answer(self) -> Answer | None:
        """Who comes first and by which rule; None unless the form is asked and valid."""
        if not self.is_bound or not self.is_valid():
            return None
        first, second = self.cleaned_data["first"], self.cleaned_data["second"]
        ranking = self.ranking
        if ranking.position_of(second) < ranking.position_of(first):
            first, second = second, first
        names = {one.attendee.key: one.attendee.name for one in ranking.placed}
        return Answer(names[first], names[second], ranking.why(first, second))


def why_asked(query, ranking, attendees) -> dict:
    """The form, bound when the page's query asks (`first` or `second`), and its answer."""
    asked = "first" in query or "second" in query
    form = WhyForm(query if asked else None, ranking=ranking, attendees=attendees)
    return {"why_form": form, "why": form.answer()}
