"""Busy blocks in a room's feed: the engagements the door hides from the feed's owner, shown as
the agenda shows them (`visits.queries.agenda.busy_engagements`), so that the room does not look
free. A block says when, and that it is a confidential engagement, in the feed's language:
nothing else, no room (the feed is the room's), no guest, no description.

Its UID is a keyed digest of the engagement's UID and of the block's times: the same block keeps
its UID at every fetch and in every process, the engagement's own UID cannot be read from it,
and a block that moves is a new event, which every client puts in place of the old one. So a
block never changes under its UID, and carries no SEQUENCE or stamp drawn from the engagement
(they would tell when it was edited, and how often)."""

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from calendar_feeds.models import FeedScope
from visits.ical.content import escape, fold, moment_property
from visits.ical.events import utc_text
from visits.models import Engagement
from visits.queries.agenda import busy_engagements
from visits.queries.feeds import window_start

STAMP = "20000101T000000Z"  # a block is replaced, never revised: its stamp never moves


def busy_uid(engagement_uid, starts_at, ends_at) -> str:
    value = f"{engagement_uid}/{utc_text(starts_at)}/{utc_text(ends_at)}"
    digest = salted_hmac("calendar_feeds.busy", value, algorithm="sha256").hexdigest()
    return f"busy-{digest[:32]}@protocol"


def busy_text(engagement_uid, starts_at, ends_at) -> str:
    """One block's VEVENT, folded, in the active language and time zone."""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{busy_uid(engagement_uid, starts_at, ends_at)}",
        f"DTSTAMP:{STAMP}",
        "SEQUENCE:0",
        moment_property("DTSTART", starts_at),
        moment_property("DTEND", ends_at),
        f"SUMMARY:{escape(_('Confidential engagement'))}",
        "CLASS:CONFIDENTIAL",
        "TRANSP:OPAQUE",
        "END:VEVENT",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


def feed_busy_blocks(
    viewer, now, *, scope=FeedScope.VISIBLE, venue_id=None, **_scope
) -> list[tuple]:
    """(engagement UID, start, end) of each block a feed shows: a room's feed only."""
    if scope != FeedScope.VENUE:
        return []
    in_room = Engagement.objects.filter(venue_id=venue_id, ends_at__gte=window_start(now))
    blocks = busy_engagements(in_room, viewer).order_by("starts_at", "pk")
    return list(blocks.values_list("uid", "starts_at", "ends_at"))
