"""Rooms and hosts, as anyone signed in reads them: neither is confidential (the engagements in
them are, and go through the door)."""

from visits.models import Host, Venue


def venues_in_order():
    return Venue.objects.order_by("building", "name", "pk")


def hosts_in_order():
    return Host.objects.order_by("precedence", "name", "pk")


def only_active(records, is_active: bool | None = None):
    """Those in use (True) or not (False); all for None."""
    return records if is_active is None else records.filter(is_active=is_active)
