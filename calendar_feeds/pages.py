"""My calendars: each member of staff makes, renames, regenerates and revokes their own feeds.
A token is shown once, on the page that made it; only its digest is kept."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from calendar_feeds.models import FeedScope, Subscription
from calendar_feeds.tokens import digest, new_token
from visits.models import Venue
from visits.views.access import staff_required


class SubscriptionForm(forms.ModelForm):
    class Meta:
        model = Subscription
        fields = ["name", "scope", "venue"]
        help_texts = {"venue": gettext_lazy("Only for a room's feed.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = Venue.objects.order_by("name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("scope") == FeedScope.VENUE and not cleaned.get("venue"):
            self.add_error("venue", _("Choose the room this feed shows."))
        elif cleaned.get("scope") != FeedScope.VENUE:
            cleaned["venue"] = None
        return cleaned


class RenameForm(forms.ModelForm):
    class Meta:
        model = Subscription
        fields = ["name"]


def feed_links(token: str, language: str) -> dict:
    """The https link (Google, Outlook, Thunderbird) and the webcal:// one (Apple, Outlook)."""
    path = reverse("calendars:subscription", args=[token]) + f"?lang={language}"
    https = settings.SITE_URL + path
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


def page(request, *, form=None, created=None, rename=None, status=200):
    subscriptions = Subscription.objects.filter(owner=request.user).select_related("venue")
    context = {
        "subscriptions": subscriptions,
        "form": form or SubscriptionForm(),
        "created": created,
        "rename": rename,  # a rename refused: its form, with the reason
        "public_link": settings.SITE_URL + reverse("calendars:public"),
    }
    return render(request, "staff/my_calendars.html", context, status=status)


@never_cache  # the page may show a token: not to be kept by a browser or a proxy
@staff_required
def my_calendars(request):
    if request.method != "POST":
        return page(request)
    form = SubscriptionForm(request.POST, instance=Subscription(owner=request.user))
    if not form.is_valid():
        return page(request, form=form, status=400)
    token = new_token()
    form.instance.token_digest = digest(token)
    subscription = form.save()
    # Shown here, once: the page is not redirected to, so the token never reaches a log or a
    # session; it is not stored anywhere.
    created = {"subscription": subscription, **feed_links(token, request.LANGUAGE_CODE)}
    return page(request, created=created, status=201)


def own(request, pk) -> Subscription:
    return get_object_or_404(Subscription.objects.select_for_update(), pk=pk, owner=request.user)


@never_cache
@require_POST
@staff_required
@transaction.atomic
def change_subscription(request, pk, action):
    subscription = own(request, pk)
    if action == "rename":
        form = RenameForm(request.POST, instance=subscription)
        if not form.is_valid():
            return page(request, rename=form, status=400)
        form.save()
    elif action == "regenerate":  # the old link stops working at once
        token = new_token()
        subscription.token_digest = digest(token)
        subscription.last_fetched_at = None
        subscription.save(update_fields=["token_digest", "last_fetched_at"])
        created = {"subscription": subscription, **feed_links(token, request.LANGUAGE_CODE)}
        return page(request, created=created)
    elif action == "revoke":
        subscription.delete()
    else:
        raise Http404
    return redirect("staff:my_calendars")
