"""The protocol office's screens. Every queryset here goes through the visibility door."""

from visits.admin import engagements, guests, honours, places, planning, visits  # noqa: F401
