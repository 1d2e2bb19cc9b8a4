"""The reception's details on an engagement's Invitations page (issue 17): the reply deadline,
the entrance, the dress code and when to arrive, which the invitations, the reply page and the
practical note tell the invitees. Written through visits.services.receptions; a refusal shows
beside its field."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from visits.models.invitations import Reception
from visits.services.errors import RuleBroken
from visits.services.receptions import RECEPTION_FIELDS, set_reception

LOCAL_MINUTE = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends


class ReceptionForm(forms.Form):
    reply_by = forms.DateTimeField(
        label=_("Replies close on"),
        input_formats=[LOCAL_MINUTE],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_MINUTE),
    )
    entrance_fr = forms.CharField(label=_("Entrance (French)"), required=False, max_length=200)
    entrance_en = forms.CharField(label=_("Entrance (English)"), required=False, max_length=200)
    dress_code_fr = forms.CharField(label=_("Dress code (French)"), required=False, max_length=200)
    dress_code_en = forms.CharField(label=_("Dress code (English)"), required=False, max_length=200)
    arrive_minutes_before = forms.IntegerField(
        label=_("Arrive, minutes before"), min_value=0, max_value=240, initial=30
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # French puts a no-break space before ":"
        super().__init__(*args, **kwargs)


def reception_of(engagement) -> Reception | None:
    """`engagement` read with `select_related("reception")`."""
    try:
        return engagement.reception
    except Reception.DoesNotExist:
        return None


def blank_form(reception: Reception | None) -> ReceptionForm:
    if reception is None:
        return ReceptionForm()
    initial = {name: getattr(reception, name) for name in RECEPTION_FIELDS}
    initial["reply_by"] = timezone.localtime(reception.reply_by)
    return ReceptionForm(initial=initial)


def saved(form: ReceptionForm, engagement, by) -> bool:
    """Whether the form's details are kept; if not, the form holds why, beside its fields."""
    if not form.is_valid():
        return False
    try:
        set_reception(engagement, by=by, **form.cleaned_data)
    except RuleBroken as refused:
        for field, errors in refused.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return False
    return True
