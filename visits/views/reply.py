"""The invitee's reply page, opened by the personal link of their invitation (issue 17): no
account, no JavaScript, a phone's width, either language. It shows the engagement and where
the reply stands, and takes the reply (accept, decline, or a representative; a companion where
the invitation allows one; dietary and accessibility needs) until the deadline.

An unknown, revoked, expired or guessed link gets one page, one status (404) and one wording:
nothing tells them apart. The link's secret never reaches a log (visits.logs)."""

import segno
from django import forms
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from visits.models import Office
from visits.models.ceremony_choices import Capacity
from visits.models.invitations import Answer, ReplyState
from visits.queries.invitations import invitation_for_token, waiting_position
from visits.queries.representation import capacities_open_to
from visits.services.errors import RuleBroken
from visits.services.invitations import reply
from visits.views.public import alternates

ANSWERS = {
    Answer.ACCEPT: _("I will attend"),
    Answer.DECLINE: _("I will not attend"),
    Answer.REPRESENTED: _("I will be represented"),
}


class ReplyForm(forms.Form):
    answer = forms.ChoiceField(label=_("Your reply"), widget=forms.RadioSelect)
    representative_name = forms.CharField(
        label=_("Name of your representative"), required=False, max_length=200
    )
    representative_title = forms.CharField(
        label=_("Their office or title"), required=False, max_length=200
    )
    representative_office = forms.ModelChoiceField(
        label=_("Their office on the order of precedence"),
        queryset=Office.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("None of these"),
    )
    representative_capacity = forms.ChoiceField(label=_("They represent you as"), required=False)
    with_companion = forms.BooleanField(label=_("I will come with a companion"), required=False)
    companion_name = forms.CharField(
        label=_("Name of your companion"), required=False, max_length=200
    )
    dietary_needs = forms.CharField(label=_("Dietary needs"), required=False, max_length=200)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"), required=False, max_length=200
    )

    def __init__(self, *args, invitation, **kwargs):
        kwargs.setdefault("label_suffix", "")  # French puts a no-break space before ":"
        super().__init__(*args, **kwargs)
        offered = [Answer.ACCEPT, Answer.DECLINE]
        if invitation.transferable:
            offered.append(Answer.REPRESENTED)
            self.offer_representation(invitation)
        else:
            for name in REPRESENTATIVE_FIELDS:
                del self.fields[name]
        if not invitation.companion_allowed:
            del self.fields["with_companion"], self.fields["companion_name"]
        self.fields["answer"].choices = [(answer, ANSWERS[answer]) for answer in offered]

    def representative_fields(self):
        return [self[name] for name in REPRESENTATIVE_FIELDS if name in self.fields]

    def other_fields(self):
        others = ("answer", *REPRESENTATIVE_FIELDS)
        return [self[name] for name in self.fields if name not in others]

    def offer_representation(self, invitation):
        """The offices by their name in the reader's language; the capacities the invitee's
        offices allow (an adjoint for a mayor, a suppléant for a parliamentarian)."""
        by_label = "label_fr" if get_language().startswith("fr") else "label_en"
        self.fields["representative_office"].queryset = Office.objects.order_by(by_label)
        allowed = capacities_open_to(invitation.engagement, invitation.guest_id)
        self.fields["representative_capacity"].choices = [
            (capacity, Capacity(capacity).label) for capacity in allowed
        ]


REPRESENTATIVE_FIELDS = (
    "representative_name",
    "representative_title",
    "representative_office",
    "representative_capacity",
)


def initial_of(invitation) -> dict:
    card = getattr(invitation.guest, "card", None)
    answer = {ReplyState.DECLINED: Answer.DECLINE, ReplyState.NO_REPLY: None}.get(
        invitation.state, Answer.REPRESENTED if invitation.represented else Answer.ACCEPT
    )
    return {
        "answer": answer,
        "representative_name": invitation.representative_name,
        "representative_title": invitation.representative_title,
        "representative_office": invitation.representative_office,
        "representative_capacity": invitation.representative_capacity or Capacity.REPRESENTS,
        "with_companion": invitation.with_companion,
        "companion_name": invitation.companion_name,
        "dietary_needs": card.dietary_needs if card else "",
        "accessibility_needs": card.accessibility_needs if card else "",
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reply_page(request, token):
    response = answer(request, token)
    response["X-Robots-Tag"] = "noindex, nofollow"  # a personal page, should its link leak
    return response


def answer(request, token):
    invitation = invitation_for_token(token)
    if invitation is None:
        context = {"alternates": [], "title": CLOSED_TITLE}
        return render(request, "public/reply_closed.html", context, status=404)
    status = 200
    if request.method == "POST":
        form = ReplyForm(request.POST, invitation=invitation)
        if form.is_valid():
            try:
                reply(invitation, **form.cleaned_data)
            except RuleBroken as refused:
                for field, errors in refused.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                return redirect(f"{request.path}?sent=1")
        status = 400
    else:
        form = ReplyForm(initial=initial_of(invitation), invitation=invitation)
    engagement = invitation.engagement
    context = {
        "alternates": alternates(request),
        "invitation": invitation,
        "engagement": engagement,
        "starts_at": timezone.localtime(engagement.starts_at),
        "reply_by": reply_by(engagement),
        "waiting_position": waiting_position(invitation),
        "invited": INVITED[invitation.guest.gender == "f"],
        "sent": request.GET.get("sent") == "1" and request.method == "GET",
        "door_qr": door_qr(request, invitation) if invitation.state == ReplyState.ACCEPTED else "",
        "form": form,
    }
    return render(request, "public/reply.html", context, status=status)


def door_qr(request, invitation) -> str:
    """The QR code to show at the door: the URL the staff's phone opens (visits/views/check_in),
    which holds no personal data, only the invitation's door code."""
    url = request.build_absolute_uri(reverse("staff:door_code", args=[invitation.door_code]))
    drawn = segno.make(url, error="m").svg_inline(scale=5, border=2, title=str(QR_TITLE))
    return mark_safe(drawn)  # noqa: S308 (segno's SVG: the URL is its only input, ours)


QR_TITLE = _("QR code to show at the entrance")


def reply_by(engagement):
    reception = getattr(engagement, "reception", None)
    return timezone.localtime(reception.reply_by) if reception else None


CLOSED_TITLE = _("This link opens no invitation")
# "You are invited": French agrees it with the invitee.
INVITED = {
    True: pgettext_lazy("feminine", "You are invited to"),
    False: _("You are invited to"),
}
