"""The cards and envelopes of those invited by post (issue 17), to print: each envelope with
the invitee's *suscription* (the ceremony engine's forms of address) and postal address, each
card in the invitee's language with the reply link (the same as an e-mail would carry) and the
deadline. A guest the viewer may not see is left out, said by a count."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods

from visits.ceremony.address import forms_of_address
from visits.models import AddressForm, Reception
from visits.queries.ceremony_data import addressee_of, forms_table
from visits.queries.invitation_lists import invited_by_post
from visits.services.invitations import reply_token
from visits.views.access import staff_required
from visits.views.invitation_list import engagement_for


@require_http_methods(["GET", "HEAD"])
@staff_required
def invitation_cards(request, uid):
    engagement = engagement_for(request, uid)
    reception = Reception.objects.filter(engagement=engagement).first()
    table = forms_table(AddressForm.objects.all())
    rows = invited_by_post(engagement, request.user)
    cards = [card_of(row, engagement, reception, table) for row in rows if row.guest_seen]
    context = {
        "engagement": engagement,
        "cards": cards,
        "hidden": sum(1 for row in rows if not row.guest_seen),
        "now": timezone.localtime(),
    }
    return render(request, "staff/invitation_cards.html", context)


def card_of(invitation, engagement, reception, table) -> dict:
    guest = invitation.guest
    language = guest.language if guest.language in ("fr", "en") else "fr"
    forms = forms_of_address(addressee_of(guest), table, language)
    card = getattr(guest, "card", None)
    with translation.override(language):
        link = settings.SITE_URL + reverse("public:reply", args=[reply_token(invitation)])
        title = engagement.title
    return {
        "invitation": invitation,
        "language": language,
        "suscription": forms.suscription,
        "postal_address": card.postal_address if card else "",
        "title": title,
        "starts_at": timezone.localtime(engagement.starts_at),
        "reply_by": timezone.localtime(reception.reply_by) if reception else None,
        "link": link,
    }
