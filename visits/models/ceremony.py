"""One engagement's ceremony: who attends and in what capacity, which list ranks them, how
they are seated. The order itself is never stored: the rules compute it from these rows."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from visits.models.ceremony_choices import AttendanceRole, Capacity, Layout, PairRule
from visits.models.text import validate_one_line


class Ceremony(models.Model):
    """The engagement's options; its revision is the ETag of everything below it."""

    engagement = models.OneToOneField(
        "visits.Engagement",
        on_delete=models.CASCADE,
        related_name="ceremony",
        verbose_name=_("engagement"),
    )
    precedence_list = models.ForeignKey(
        "visits.PrecedenceList",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("precedence list"),
        help_text=_("Empty: the Paris list in force on the day."),
    )
    ranked_on = models.DateField(
        _("ranked on"),
        null=True,
        blank=True,
        help_text=_("Empty: the engagement's day. The list in force and the offices held then."),
    )
    ordered_by_government = models.BooleanField(
        _("ordered by the Government"),
        default=False,
        help_text=_("If not, the head of the inviting body ranks after the prefect (art. 9)."),
    )
    with_european_flag = models.BooleanField(_("European flag"), default=True)
    layout = models.CharField(_("layout"), max_length=20, choices=Layout, default=Layout.FRENCH)
    # Bounds a drawing can hold: beyond them a plan of mostly empty tables is no plan.
    tables = models.PositiveSmallIntegerField(
        _("tables or rows"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    seats_per_table = models.PositiveSmallIntegerField(
        _("places per table or row"),
        default=0,
        help_text=_("0: as many as needed."),
        validators=[MaxValueValidator(200)],
    )
    central_aisle = models.BooleanField(_("central aisle"), default=False)
    civil_military_sides = models.BooleanField(
        _("civil authorities on the right, military on the left"), default=False
    )
    alternate_sexes = models.BooleanField(_("alternate women and men"), default=False)
    keep_spouses_apart = models.BooleanField(_("keep spouses apart"), default=True)
    revision = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("ceremony")
        verbose_name_plural = _("ceremonies")

    def __str__(self):
        return str(self.engagement)


class Attendance(models.Model):
    engagement = models.ForeignKey(
        "visits.Engagement",
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("engagement"),
    )
    guest = models.ForeignKey(
        "visits.Guest",
        on_delete=models.PROTECT,
        related_name="attendances",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=AttendanceRole, default=AttendanceRole.AUTHORITY
    )
    capacity = models.CharField(
        _("attends as"), max_length=30, choices=Capacity, default=Capacity.OWN
    )
    represents = models.ForeignKey(
        "visits.Guest",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="represented_at",
        verbose_name=_("represents"),
    )
    represents_office = models.ForeignKey(
        "visits.Office",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("represents the office"),
    )
    place_after = models.PositiveSmallIntegerField(
        _("place after rank"),
        null=True,
        blank=True,
        help_text=_("Art. 18: for anyone the list does not name; 0 places them first."),
    )
    place_after_reason = models.CharField(
        _("reason"), max_length=300, blank=True, validators=[validate_one_line]
    )
    inviting = models.BooleanField(_("head of the inviting body"), default=False)
    speaks = models.BooleanField(_("speaks"), default=False)
    table = models.PositiveSmallIntegerField(_("table"), null=True, blank=True)
    seat = models.PositiveSmallIntegerField(_("place"), null=True, blank=True)
    pinned = models.BooleanField(_("pinned to this place"), default=False)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["engagement", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["engagement", "guest"], name="attendance_once"),
            models.UniqueConstraint(
                fields=["engagement", "table", "seat"],
                condition=Q(table__isnull=False, seat__isnull=False),
                name="attendance_one_per_place",
                violation_error_message=_("Two attendees cannot share a place."),
            ),
        ]

    def __str__(self):
        return str(self.guest)

    def clean(self):
        if self.place_after is not None and not self.place_after_reason:
            raise ValidationError(
                {"place_after_reason": _("Say why: the reason is shown with the order.")}
            )
        if self.capacity != Capacity.OWN and not (self.represents_id or self.represents_office_id):
            raise ValidationError(
                {"represents_office": _("Say whom or which office this attendee represents.")}
            )


class SeatingPair(models.Model):
    """Two attendees the office wants apart, or side by side."""

    engagement = models.ForeignKey(
        "visits.Engagement",
        on_delete=models.CASCADE,
        related_name="seating_pairs",
        verbose_name=_("engagement"),
    )
    first = models.ForeignKey(
        Attendance, on_delete=models.CASCADE, related_name="+", verbose_name=_("attendee")
    )
    second = models.ForeignKey(
        Attendance, on_delete=models.CASCADE, related_name="+", verbose_name=_("and")
    )
    rule = models.CharField(_("rule"), max_length=10, choices=PairRule)

    class Meta:
        verbose_name = _("seating rule")
        verbose_name_plural = _("seating rules")
        constraints = [
            models.CheckConstraint(
                condition=~Q(first=models.F("second")), name="seating_pair_of_two"
            ),
        ]

    def __str__(self):
        return f"{self.first} / {self.second}: {self.get_rule_display()}"
