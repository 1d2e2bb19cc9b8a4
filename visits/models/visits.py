from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from visits.models.bilingual import localized
from visits.models.choices import (
    Confidentiality,
    DelegationRole,
    RequestChannel,
    VisitKind,
    VisitStatus,
)
from visits.models.references import next_visit_reference
from visits.models.text import validate_one_line, validate_text
from visits.models.visibility import VisitQuerySet

# Visits the office records, past and planned; beyond these a date is a typing slip.
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2199, 12, 31)

# Kept by name so that services can write one history row after setting the hosts.
visit_history = HistoricalRecords(m2m_fields=["hosts"], excluded_fields=["updated_at"])


class Visit(models.Model):
    """One official visit or ceremony, with its principal guest(s) and delegation."""

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, editable=False, validators=[validate_one_line]
    )
    kind = models.CharField(_("kind"), max_length=30, choices=VisitKind)
    status = models.CharField(
        _("status"), max_length=20, choices=VisitStatus, default=VisitStatus.REQUESTED
    )
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality,
        default=Confidentiality.RESTRICTED,
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_("Not shown to the public before this time, even once confirmed."),
    )
    occasion_fr = models.CharField(
        _("occasion (French)"), max_length=300, validators=[validate_one_line]
    )
    occasion_en = models.CharField(
        _("occasion (English)"), max_length=300, validators=[validate_one_line]
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"), null=True, blank=True)
    guests = models.ManyToManyField(
        "visits.Guest",
        through="visits.VisitGuest",
        related_name="visits",
        verbose_name=_("guests"),
    )
    hosts = models.ManyToManyField(
        "visits.Host", blank=True, related_name="visits", verbose_name=_("hosts")
    )
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_visits",
    )
    followers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="followed_visits",
        verbose_name=_("followers"),
        help_text=_("Staff reminded of every engagement of the visit."),
    )
    request_channel = models.CharField(
        _("request received through"), max_length=30, choices=RequestChannel, blank=True
    )
    requested_on = models.DateField(_("requested on"), null=True, blank=True)
    notes = models.TextField(_("internal notes"), blank=True, validators=[validate_text])
    import_key = models.CharField(
        _("import key"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        validators=[validate_one_line],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VisitQuerySet.as_manager()
    history = visit_history

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-starts_on", "-reference"]
        permissions = [("view_confidential_visits", _("Can see confidential visits"))]
        indexes = [
            models.Index(fields=["starts_on"]),
            models.Index(fields=["status", "confidentiality"]),
            # the latest embargo lifted is part of the public pages' cache key
            models.Index(
                fields=["embargo_until"],
                condition=models.Q(embargo_until__isnull=False),
                name="visit_embargo",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="visit_ends_after_it_starts",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.occasion}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = next_visit_reference(self.starts_on.year)
        super().save(*args, **kwargs)

    @property
    def occasion(self) -> str:
        return localized(self, "occasion")

    def clean(self):
        message = _("Enter a day between %(first)s and %(last)s.") % {
            "first": EARLIEST_DAY.year,
            "last": LATEST_DAY.year,
        }
        for name in ("starts_on", "ends_on"):
            day = getattr(self, name)
            if day and not EARLIEST_DAY <= day <= LATEST_DAY:
                raise ValidationError({name: message})
        if self.embargo_until and self.confidentiality != Confidentiality.PUBLIC:
            raise ValidationError(
                {"embargo_until": _("An embargo only applies to a public visit.")}
            )


class VisitGuest(models.Model):
    """A guest's place in a visit: principal guest or member of the delegation."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="participants", verbose_name=_("visit")
    )
    guest = models.ForeignKey(
        "visits.Guest",
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("guest"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=DelegationRole, default=DelegationRole.PRINCIPAL
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("principal guests and delegation")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "guest"], name="visit_guest_once"),
        ]
        indexes = [models.Index(fields=["visit", "role"])]

    def __str__(self):
        return f"{self.guest} ({self.get_role_display()})"

    @property
    def is_principal(self) -> bool:
        return self.role == DelegationRole.PRINCIPAL


def principal_participations():
    """The delegation rows of principal guests, each with its guest, in the delegation's order:
    every read of a visit's principal guests starts here."""
    return VisitGuest.objects.filter(role=DelegationRole.PRINCIPAL).select_related("guest")


def with_principal_guests(lookup: str = "participants") -> models.Prefetch:
    """Prefetches a visit's principal guests (with their guest row) as `principal_participants`;
    `lookup` reaches the visit's participants from another model (`visit__participants`)."""
    return models.Prefetch(lookup, principal_participations(), to_attr="principal_participants")


class JoinedNames(models.Aggregate):
    """`JoinedNames(name, *order)`: the names joined by ", ", in that order (PostgreSQL);
    SQLite (`make run`) before 3.44 cannot order inside an aggregate and joins them as read."""

    output_field = models.TextField()

    def as_sql(self, compiler, connection, **extra_context):
        compiled = [compiler.compile(part) for part in models.Func.get_source_expressions(self)]
        (name, params), order = compiled[0], compiled[1:]
        if connection.vendor != "postgresql":
            return f"GROUP_CONCAT({name}, ', ')", params
        by = ", ".join(sql for sql, _ in order)
        order_params = [p for _, ps in order for p in ps]
        return f"STRING_AGG({name}, ', ' ORDER BY {by})", [*params, *order_params]


def principal_names(visit: str = "pk") -> models.Subquery:
    """The principal guests' names of the visit at `visit` (an outer reference), in the
    delegation's order, as one column: a list's rows read them in its own query, with no
    second query and no objects (`with_principal_guests` is for whoever needs the guests)."""
    rows = VisitGuest.objects.filter(visit=models.OuterRef(visit), role=DelegationRole.PRINCIPAL)
    joined = JoinedNames("guest__name", "position", "pk")
    return models.Subquery(rows.order_by().values("visit").annotate(names=joined).values("names"))


def principals_of(visit) -> list:
    """The visit's principal participations: those prefetched (`with_principal_guests`), else
    read for this one visit."""
    found = getattr(visit, "principal_participants", None)
    if found is None:
        found = list(principal_participations().filter(visit=visit))
    return found
