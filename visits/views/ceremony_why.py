"""The Ceremony page's question "why does one come before the other?", for any two attendees the
rules place, not only two neighbours in the order: a GET form (`first`, `second`), answered
from the ranking the page has already made, so it adds no query."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

NOT_PLACED = _("Choose one of the attendees placed in this order.")


@dataclass(frozen=True)
class Answer:
    before: str  # the name of the one who comes first
    after: str
    reason: object  # visits.ceremony.people.Reason


class WhyForm(forms.Form):
    first = forms.ChoiceField(
        label=_("One attendee"), error_messages={"invalid_choice": NOT_PLACED}
    )
    second = forms.ChoiceField(label=_("The other"), error_messages={"invalid_choice": NOT_PLACED})

    def __init__(self, *args, ranking, **kwargs):
        super().__init__(*args, auto_id="why-%s", **kwargs)
        self.ranking = ranking
        # In the order of precedence: the one asked about is found where the table shows them.
        choices = [("", "—")] + [
            (one.attendee.key, f"{one.order}. {one.attendee.name}") for one in ranking.placed
        ]
        self.fields["first"].choices = self.fields["second"].choices = choices

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


def why_asked(query, ranking) -> dict:
    """The form, bound when the page's query asks (`first` or `second`), and its answer."""
    asked = "first" in query or "second" in query
    form = WhyForm(query if asked else None, ranking=ranking)
    return {"why_form": form, "why": form.answer()}
