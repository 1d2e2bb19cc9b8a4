"""The calendar files: the public programme and one engagement's .ics ("add to my calendar").

Clients poll: a strong ETag over the exact bytes and Last-Modified let them ask "has it
changed?" and get a 304; no content negotiation (Google Calendar sends no Accept header)."""

import hashlib

from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from calendar_feeds.content import calendar_bytes, engagement_bytes, window_start
from calendar_feeds.selection import feed_engagements, last_change
from visits.models import Engagement
from visits.models.visibility import STAFF_PERMISSION
from visits.models.visits import with_principal_guests

LANGUAGES = ("fr", "en")


def language_of(request) -> str:
    requested = request.GET.get("lang", "")
    return requested if requested in LANGUAGES else "fr"


def calendar_response(request, body: bytes, changed, *, private: bool) -> HttpResponse:
    etag = f'"{hashlib.sha256(body).hexdigest()}"'
    modified = int(changed.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Length"] = str(len(body))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = f"{'private' if private else 'public'}, max-age=300"
    return response


@require_safe
def public_calendar(request):
    """The public programme, for anyone: published visits only, through the door."""
    language = language_of(request)
    engagements = list(feed_engagements(None))
    with translation.override(language):
        name = _("Paris City Hall: official visits")
    body = calendar_bytes(
        engagements,
        name=name,
        language=language,
        first_day=window_start().date(),
        staff=False,
    )
    return calendar_response(request, body, last_change(engagements), private=False)


@require_safe
def engagement_calendar(request, uid):
    """One engagement, to add to one's calendar: only one the visitor may see."""
    viewer = request.user if request.user.is_authenticated else None
    engagements = (
        Engagement.objects.visible_to(viewer)
        .filter(uid=uid)
        .select_related("venue", "visit")
        .prefetch_related("hosts", with_principal_guests("visit__participants"))
    )
    engagement = engagements.first()
    if engagement is None:
        raise Http404
    staff = viewer is not None and viewer.has_perm(STAFF_PERMISSION)
    language = language_of(request)
    body = engagement_bytes(engagement, language, staff=staff)
    response = calendar_response(request, body, engagement.updated_at, private=staff)
    response["Content-Disposition"] = f'attachment; filename="{engagement.uid}.ics"'
    return response
