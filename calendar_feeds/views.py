"""The calendar files: the public programme, personal subscriptions (by secret token) and one
engagement's .ics ("add to my calendar").

Clients poll: a strong ETag over the exact bytes and a Last-Modified from the data let them ask
"has it changed?" and get a 304. The ETag of the bytes the data last gave is kept in the cache
under the data's state, so a 304 costs the token's lookup and one query, and renders nothing.
No content negotiation (Google Calendar sends no Accept header)."""

import functools
import hashlib
from datetime import UTC, datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from calendar_feeds.busy import feed_busy_blocks
from calendar_feeds.models import FeedScope, Subscription
from calendar_feeds.rendering import feed_bytes
from calendar_feeds.selection import data_state, feed_engagements, first_day, with_details
from calendar_feeds.tokens import digest
from visits.ical.content import TEXTS_CHANGED, engagement_bytes
from visits.models import Engagement
from visits.models.visibility import STAFF_PERMISSION

LANGUAGES = ("fr", "en")
ETAGS_KEPT = 24 * 3600  # seconds; a new state of the data makes a new key anyway
PUBLIC_NAME = _("Paris City Hall: official visits")


def language_of(request) -> str:
    requested = request.GET.get("lang", "")
    return requested if requested in LANGUAGES else "fr"


def calendar_headers(response, etag: str, changed, *, private: bool, language) -> HttpResponse:
    response["ETag"] = etag
    response["Content-Language"] = language  # the feed's (?lang=), not the visitor's
    response["Last-Modified"] = http_date(int(changed.timestamp()))
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = f"{'private' if private else 'public'}, max-age=300"
    return response


def calendar_response(request, body: bytes, changed, *, private: bool, language) -> HttpResponse:
    etag = f'"{hashlib.sha256(body).hexdigest()}"'
    response = get_conditional_response(request, etag=etag, last_modified=int(changed.timestamp()))
    if response is None:
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Length"] = str(len(body))
    return calendar_headers(response, etag, changed, private=private, language=language)


def feed_response(request, feed: str, *, name, private: bool, viewer=None, since=None, **scope):
    """`feed` names the feed (and who it is for) in the cache; `viewer` gives who sees it (read
    only when it must be rendered); `since`: when what its owner may see last changed, which no
    engagement row records."""
    language, now = language_of(request), timezone.now()
    state = data_state(now)
    changed = max(state.last_change, since or TEXTS_CHANGED, TEXTS_CHANGED)
    state_key = repr((feed, language, str(name), state.key, since, TEXTS_CHANGED))
    key = "calendars:etag:" + hashlib.sha256(state_key.encode()).hexdigest()
    etag = cache.get(key)
    if etag is not None:
        modified = int(changed.timestamp())
        response = get_conditional_response(request, etag=etag, last_modified=modified)
        if response is not None:  # unchanged: nothing to read or render
            return calendar_headers(response, etag, changed, private=private, language=language)
    viewer = viewer() if viewer else None
    staff = viewer is not None and viewer.has_perm(STAFF_PERMISSION)
    with translation.override(language):
        name = str(name)
    body = feed_bytes(
        feed_engagements(viewer, now, **scope),
        name=name,
        language=language,
        staff=staff,
        first_day=first_day(now),
        busy=feed_busy_blocks(viewer, now, **scope),
    )
    response = calendar_response(request, body, changed, private=private, language=language)
    cache.set(key, response["ETag"], ETAGS_KEPT)
    return response


@require_safe
def public_calendar(request):
    """The public programme, for anyone: published visits only, through the door."""
    return feed_response(request, "public", name=PUBLIC_NAME, private=False)


def feed_owners():
    """Who may have a feed: active City Hall staff (the permission from a group, their own, or
    as superuser). Any other account's feeds answer as revoked ones do, kept for its return.
    What `ModelBackend.with_perm` finds, in IN subqueries that PostgreSQL plans several times
    faster than its joins (planning is most of the cost of the query that opens a feed)."""
    User = get_user_model()  # noqa: N806
    app_label, codename = STAFF_PERMISSION.split(".")
    permission = Permission.objects.filter(codename=codename, content_type__app_label=app_label)
    groups = Group.permissions.through.objects.filter(permission__in=permission.values("pk"))
    members = User.groups.through.objects.filter(group_id__in=groups.values("group_id"))
    holders = User.user_permissions.through.objects.filter(permission__in=permission.values("pk"))
    owners = User.objects.filter(
        Q(is_superuser=True)
        | Q(pk__in=members.values("user_id"))
        | Q(pk__in=holders.values("user_id")),
        is_active=True,
    )
    return owners.values("pk")


@functools.cache  # the same SQL every time: compiling its subqueries costs more than running it
def feed_owners_sql(vendor: str) -> tuple[str, tuple]:
    return feed_owners().query.sql_with_params()


def fetched(token: str) -> Subscription | None:
    """The live subscription `token` opens, its fetch recorded, in one query; None if there is
    none (unknown, revoked or regenerated) or its owner is no longer active staff."""
    table = Subscription._meta.db_table
    owners, owner_params = feed_owners_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_fetched_at = %s"  # noqa: S608 (SQL made by the ORM)
            f" WHERE token_digest = %s AND owner_id IN ({owners})"
            " RETURNING id, owner_id, name, scope, venue_id, access_changed_at",
            [
                connection.ops.adapt_datetimefield_value(timezone.now()),
                digest(token),
                *owner_params,
            ],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    *fields, changed = row
    if isinstance(changed, str):  # SQLite's RETURNING gives the stored text, in UTC
        changed = datetime.fromisoformat(changed)
    if timezone.is_naive(changed):
        changed = changed.replace(tzinfo=UTC)
    names = ("id", "owner_id", "name", "scope", "venue_id")
    return Subscription(**dict(zip(names, fields, strict=True)), access_changed_at=changed)


@require_safe
def subscription_calendar(request, token):
    """A personal feed: what its owner may see now, as its owner (whoever fetches it)."""
    subscription = fetched(token)
    if subscription is None:
        raise Http404
    public = subscription.scope == FeedScope.PUBLIC  # as the public sees it, whoever asked
    return feed_response(
        request,
        f"subscription:{subscription.pk}",
        name=subscription.name,
        private=True,
        viewer=None if public else (lambda: subscription.owner),
        since=subscription.access_changed_at,
        scope=FeedScope.VISIBLE if public else subscription.scope,
        owner_id=subscription.owner_id,
        venue_id=subscription.venue_id,
    )


@require_safe
def engagement_calendar(request, uid):
    """One engagement, to add to one's calendar: only one the visitor may see."""
    viewer = request.user if request.user.is_authenticated else None
    engagement = with_details(Engagement.objects.visible_to(viewer).filter(uid=uid)).first()
    if engagement is None:
        raise Http404
    staff = viewer is not None and viewer.has_perm(STAFF_PERMISSION)
    language = language_of(request)
    body = engagement_bytes(engagement, language, staff=staff)
    response = calendar_response(
        request, body, max(engagement.updated_at, TEXTS_CHANGED), private=staff, language=language
    )
    response["Content-Disposition"] = f'attachment; filename="{engagement.uid}.ics"'
    return response
