"""What a run-sheet shows of each engagement's ceremony: its speaking order and who sits where.
Only engagements someone attends get a plan, each in the fixed number of queries of
`ceremony_rows`: a run-sheet costs those queries once per engagement with attendees, nothing
for the others."""

from visits.queries.ceremony import ceremony_rows
from visits.queries.ceremony_plan import CeremonyPlan, ceremony_plan


def ceremony_plans(programme, viewer) -> dict[int, CeremonyPlan]:
    """Engagement pk -> its plan, for the engagements of `programme` (from `run_sheets(viewer)`,
    which annotates `has_attendees`) that anyone attends."""
    return {
        engagement.pk: ceremony_plan(ceremony_rows(engagement, viewer))
        for engagement in programme
        if engagement.has_attendees
    }
