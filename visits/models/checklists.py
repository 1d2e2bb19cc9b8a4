from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from visits.models.bilingual import localized
from visits.models.choices import VisitKind
from visits.models.text import validate_one_line


class ChecklistTemplate(models.Model):
    """The retro-planning of one kind of visit; officers edit it in the admin."""

    visit_kind = models.CharField(_("kind of visit"), max_length=30, choices=VisitKind, unique=True)

    class Meta:
        verbose_name = _("checklist template")
        verbose_name_plural = _("checklist templates")
        ordering = ["visit_kind"]

    def __str__(self):
        return str(self.get_visit_kind_display())


class ChecklistTemplateTask(models.Model):
    template = models.ForeignKey(
        ChecklistTemplate,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("template"),
    )
    title_fr = models.CharField(_("task (French)"), max_length=200, validators=[validate_one_line])
    title_en = models.CharField(_("task (English)"), max_length=200, validators=[validate_one_line])
    days_from_visit = models.SmallIntegerField(
        _("day"), help_text=_("Relative to the visit's first day: −21 is D-21, 3 is D+3.")
    )

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["days_from_visit", "pk"]

    def __str__(self):
        return localized(self, "title")


class ChecklistTask(models.Model):
    """One task of a visit's checklist; its deadline follows the visit when it moves."""

    visit = models.ForeignKey(
        "visits.Visit", on_delete=models.CASCADE, related_name="checklist", verbose_name=_("visit")
    )
    title_fr = models.CharField(_("task (French)"), max_length=200, validators=[validate_one_line])
    title_en = models.CharField(_("task (English)"), max_length=200, validators=[validate_one_line])
    days_from_visit = models.SmallIntegerField(_("day"))
    due_on = models.DateField(_("deadline"), editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklist_tasks",
        verbose_name=_("assignee"),
        help_text=_("The lead officer if empty."),
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("checklist task")
        verbose_name_plural = _("checklist")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return localized(self, "title")

    def save(self, *args, **kwargs):
        # A task added by hand gets its deadline from its day, like the template's.
        self.follow_the_visit()
        super().save(*args, **kwargs)

    def follow_the_visit(self) -> None:
        """Its deadline: its day counted from the visit's first day."""
        self.due_on = self.visit.starts_on + timedelta(days=self.days_from_visit)

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def responsible(self):
        return self.assignee or self.visit.lead_officer
