"""What services raise when the office's rules refuse a write.

They are ValidationErrors keyed by field, so a form shows them beside the field and an API
answers 4xx naming it; nothing is written when one is raised.
"""

from django.core.exceptions import ValidationError


class RuleBroken(ValidationError):
    """A write the rules refuse (bad input or a forbidden move)."""


class TransitionRefused(RuleBroken):
    """A lifecycle move that is not allowed from the current status."""


class Conflict(RuleBroken):
    """The room, a host or a principal guest is already taken at that time."""
