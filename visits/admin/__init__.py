"""The protocol office's screens. Every queryset here goes through the visibility door."""

from visits.admin import (  # noqa: F401
    address,
    agreements,
    engagements,
    gifts,
    golden_book,
    guests,
    honours,
    places,
    planning,
    precedence,
    visits,
)
