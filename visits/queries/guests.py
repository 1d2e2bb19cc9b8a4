"""Guests as a viewer may read them (the API), and whom the City has received, as the public
may know it: the principal guests of past visits the door lets anyone see, newest first (the
API's public list, the public pages and their open data)."""

from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear
from django.utils import timezone

from visits.models import Engagement, Guest, Visit, VisitGuest
from visits.models.choices import LIVE_ENGAGEMENT_STATUSES, DelegationRole
from visits.models.visits import principal_participations


def visible_guests(viewer):
    """By sort name; a guest known only from visits hidden from the viewer is left out."""
    return Guest.objects.visible_to(viewer).order_by("sort_name", "name", "pk")


def filter_guests(guests, *, q=None, kind=None, category=None, country=None):
    """`guests` narrowed to those asked for: `q` is part of the name, accents and case aside."""
    if q:
        guests = guests.filter(Q(name__matches=q) | Q(sort_name__matches=q))
    if kind:
        guests = guests.filter(kind=kind)
    if category:
        guests = guests.filter(category=category)
    if country:
        guests = guests.filter(country=country.upper())
    return guests


def received_guests():
    past = Visit.objects.visible_to(None).filter(starts_on__lt=timezone.localdate())
    return (
        principal_participations()
        .filter(visit__in=past)
        .select_related("visit")
        .order_by("-visit__starts_on", "-visit__reference", "position", "pk")
    )


def known_guests():
    """The guests the public may know of: received as a principal guest, or honoured in
    public. Not every guest the door shows: one only announced has no page yet."""
    from visits.queries.honours import visible_honours

    received = received_guests().values("guest")
    honoured = visible_honours(None).values("honoree")
    return Guest.objects.filter(Q(pk__in=received) | Q(pk__in=honoured))


def received_guest(pk: int):
    """The guest with this key if the public may know of them, else None."""
    return known_guests().filter(pk=pk).first()


def past_principal_guests():
    """Each principal guest of a past visit the public may see, with its visit and rooms
    (`visit.engagements`: the live ones in a room, in time order)."""
    rooms = Engagement.objects.filter(
        venue__isnull=False, status__in=LIVE_ENGAGEMENT_STATUSES
    ).select_related("venue")
    return received_guests().prefetch_related(
        Prefetch("visit__engagements", rooms.order_by("starts_at", "pk"))
    )


def narrow_received(participants, *, q=None, year=None, category=None, country=None):
    """The public list narrowed: `q` is part of the guest's name (accents and case aside),
    `year` the visit's."""
    if q:
        participants = participants.filter(guest__name__matches=q)
    if year:
        participants = participants.filter(visit__starts_on__year=year)
    if category:
        participants = participants.filter(guest__category=category)
    if country:
        participants = participants.filter(guest__country=country)
    return participants


def years_received(participants) -> list[int]:
    """The years of these visits, latest first: the choices of the public list's filter."""
    years = participants.annotate(year=ExtractYear("visit__starts_on"))
    return list(years.values_list("year", flat=True).order_by("-year").distinct())


def countries_received(participants) -> list[str]:
    """The guests' country codes, each once (their names are sorted in the language shown)."""
    codes = participants.exclude(guest__country="").values_list("guest__country", flat=True)
    return list(codes.order_by().distinct())


def tally(participants) -> list[tuple[int, str, int]]:
    """(year, category, guests) for the guests shown: one query for both charts and the
    page's count."""
    return list(
        participants.order_by()
        .annotate(year=ExtractYear("visit__starts_on"))
        .values_list("year", "guest__category")
        .annotate(count=Count("pk"))
        .values_list("year", "guest__category", "count")
    )


# The countries first (an index-only scan of the guests' country), then for each, whether one
# principal guest from it is in a visit the viewer sees: an indexed probe that stops at the
# first. Joining every delegation row to its guest and then keeping distinct countries reads
# the two tables whole (2 ms against 1 at 20 years; 3.4 against 1.9 for a restricted viewer).
PRINCIPAL_COUNTRIES = """
SELECT countries.country
FROM (SELECT DISTINCT country FROM visits_guest WHERE country <> '') AS countries
WHERE EXISTS ({principals})
"""  # noqa: S608 (the inner query is the ORM's, with its parameters)


def principal_countries(visible_visits) -> list[str]:
    """The country codes of the principal guests of `visible_visits` (the door's visits of
    one viewer): what the visits list may be filtered by."""
    principals = VisitGuest.objects.filter(
        role=DelegationRole.PRINCIPAL, guest__country=RawSQL('"countries"."country"', ())
    )
    if visible_visits.query.has_filters():  # else all visits: joining them would only cost
        principals = principals.filter(visit__in=visible_visits)
    sql, params = principals.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(PRINCIPAL_COUNTRIES.format(principals=sql), params)
        return [code for (code,) in cursor.fetchall()]
