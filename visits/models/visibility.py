"""The one door for visibility (DESIGN.md, decision 1).

Every output asks these querysets what a viewer may see; nothing filters on confidentiality
by itself. `viewer` is a user (possibly anonymous) or None for the public.
"""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from visits.models.choices import (
    PUBLISHED_VISIT_STATUSES,
    Confidentiality,
    HonourStatus,
    VisitStatus,
)

WITHDRAWN_VISIT_STATUSES = (VisitStatus.CANCELLED, VisitStatus.POSTPONED)

CONFIDENTIAL_PERMISSION = "visits.view_confidential_visits"
STAFF_PERMISSION = "visits.view_visit"


def public_visit_filter(now=None) -> Q:
    """Released data only: public, announced or held, past its embargo."""
    now = now or timezone.now()
    return Q(confidentiality=Confidentiality.PUBLIC, status__in=PUBLISHED_VISIT_STATUSES) & (
        Q(embargo_until__isnull=True) | Q(embargo_until__lte=now)
    )


def visit_filter_for(viewer, now=None) -> Q | None:
    """The filter on visits for this viewer; None means everything."""
    if viewer is None or not viewer.is_authenticated:
        return public_visit_filter(now)
    if not viewer.is_active:
        return Q(pk__in=[])
    if viewer.has_perm(CONFIDENTIAL_PERMISSION):
        return None
    if viewer.has_perm(STAFF_PERMISSION):
        return ~Q(confidentiality=Confidentiality.CONFIDENTIAL) | Q(lead_officer=viewer)
    return public_visit_filter(now)


def seen_by_the_public(now) -> models.Exists:
    """Some version of the visit (its history rows) was public and announced, and held at a
    moment, up to `now`, when its own embargo had lifted: from the later of its record and its
    embargo, until the next version replaced it. An embargo changed later does not count back."""
    from visits.models import Visit  # the history model exists once the models are built

    versions = Visit.history.model.objects
    replaced_at = (
        versions.filter(id=models.OuterRef("id"))
        .filter(
            Q(history_date__gt=models.OuterRef("history_date"))
            | Q(
                history_date=models.OuterRef("history_date"),
                history_id__gt=models.OuterRef("history_id"),
            )
        )
        .order_by("history_date", "history_id")
        .values("history_date")[:1]
    )
    shown_from = Greatest("history_date", Coalesce("embargo_until", "history_date"))
    seen = (
        versions.filter(
            id=models.OuterRef("pk"),
            status__in=PUBLISHED_VISIT_STATUSES,
            confidentiality=Confidentiality.PUBLIC,
        )
        .annotate(shown_from=shown_from, replaced_at=models.Subquery(replaced_at))
        .filter(shown_from__lte=now)
        .filter(Q(replaced_at__isnull=True) | Q(replaced_at__gt=models.F("shown_from")))
    )
    return models.Exists(seen)


def withdrawn_public_visit_filter(now=None) -> Q:
    """Visits the public saw (see `seen_by_the_public`) until they were cancelled or
    postponed, and may see now were they not withdrawn (public, past their embargo). Calendar
    feeds keep their engagements a while, marked cancelled, so that subscribed calendars remove
    them; no page lists them. A visit withdrawn before the public saw it is never shown."""
    now = now or timezone.now()
    return (
        Q(confidentiality=Confidentiality.PUBLIC, status__in=WITHDRAWN_VISIT_STATUSES)
        & (Q(embargo_until__isnull=True) | Q(embargo_until__lte=now))
        & Q(seen_by_the_public(now))
    )


class VisitQuerySet(models.QuerySet):
    def visible_to(self, viewer, now=None):
        condition = visit_filter_for(viewer, now)
        return self if condition is None else self.filter(condition)


class EngagementQuerySet(models.QuerySet):
    def visible_to(self, viewer, now=None, *, withdrawn: bool = False):
        """`withdrawn`: also the engagements of visits the public saw until they were cancelled
        or postponed (for calendar feeds, which must tell subscribers)."""
        condition = visit_filter_for(viewer, now)
        if condition is None:
            return self
        if withdrawn:
            condition |= withdrawn_public_visit_filter(now)
        return self.filter(visit__in=self.model.visit.field.related_model.objects.filter(condition))


class GuestQuerySet(models.QuerySet):
    def visible_to(self, viewer, now=None):
        """Guests whose name the viewer may read: a guest known only from visits hidden from
        the viewer stays hidden too, so a confidential visit cannot leak through the guest list.
        """
        condition = visit_filter_for(viewer, now)
        if condition is None:
            return self
        participations = self.model.participations.rel.related_model.objects
        visible_visits = participations.model.visit.field.related_model.objects.filter(condition)
        in_visible_visit = models.Exists(
            participations.filter(guest=models.OuterRef("pk"), visit__in=visible_visits)
        )
        # The Conseil de Paris votes in public: an honoured guest's name is no secret.
        publicly_honoured = Q(honorary_citizenship__isnull=False) & ~Q(
            honorary_citizenship__status=HonourStatus.PROPOSED
        )
        if viewer is not None and viewer.is_authenticated and viewer.has_perm(STAFF_PERMISSION):
            in_any_visit = models.Exists(participations.filter(guest=models.OuterRef("pk")))
            return self.filter(in_visible_visit | ~in_any_visit | publicly_honoured)
        return self.filter(in_visible_visit | publicly_honoured)


class HonourQuerySet(models.QuerySet):
    def visible_to(self, viewer, now=None):
        """Honours of guests the viewer may see; only staff see those still proposed."""
        guests = self.model.honoree.field.related_model.objects.visible_to(viewer, now)
        honours = self.filter(honoree__in=guests)
        if viewer is not None and viewer.is_authenticated and viewer.has_perm(STAFF_PERMISSION):
            return honours
        return honours.exclude(status=HonourStatus.PROPOSED)


class ReminderQuerySet(models.QuerySet):
    def visible_to(self, viewer, now=None):
        """Reminders about what the viewer may see; none for someone not signed in (they are
        the staff's own mail)."""
        if viewer is None or not viewer.is_authenticated:
            return self.none()
        condition = visit_filter_for(viewer, now)
        if condition is None:
            return self
        visit_model = self.model.engagement.field.related_model.visit.field.related_model
        visits = visit_model.objects.filter(condition)
        about_nothing_hidden = (
            Q(engagement__visit__in=visits)
            | Q(task__visit__in=visits)
            # an agenda holds nothing until it is sent; a notice about a deleted engagement
            # keeps its title, so only its recipient (and cleared officers) see it
            | Q(engagement__isnull=True, task__isnull=True, kind="agenda")
            | Q(engagement__isnull=True, task__isnull=True, recipient=viewer)
        )
        return self.filter(about_nothing_hidden)
