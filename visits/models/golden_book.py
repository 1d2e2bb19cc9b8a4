"""The Golden Book (issue 18): each signature of distinguished guests at an engagement, with
what they wrote (transcribed in its language, with translations) and the scanned page. Written
through visits.services.golden_book; read through `visible_to`."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from visits.models.bilingual import localized
from visits.models.text import validate_one_line, validate_text
from visits.models.visibility import STAFF_PERMISSION


class SignatureQuerySet(models.QuerySet):
    def visible_to(self, viewer, now=None):
        """Signatures at engagements the viewer may see whose every signer's name they may read
        (DESIGN.md, decision 1); the public reads only those the office published, once
        signed."""
        from visits.models import Engagement, Guest

        engagements = Engagement.objects.visible_to(viewer, now)
        hidden = Guest.objects.exclude(pk__in=Guest.objects.visible_to(viewer, now).values("pk"))
        seen = self.filter(engagement__in=engagements).exclude(signers__in=hidden)
        if viewer is not None and viewer.is_authenticated and viewer.has_perm(STAFF_PERMISSION):
            return seen
        today = timezone.localdate(now)
        return seen.filter(published=True, signed_on__lte=today)


class GoldenBookSignature(models.Model):
    engagement = models.ForeignKey(
        "visits.Engagement",
        on_delete=models.PROTECT,
        related_name="golden_book_signatures",
        verbose_name=_("engagement"),
    )
    signed_on = models.DateField(_("signed on"))
    signers = models.ManyToManyField(
        "visits.Guest", related_name="golden_book_signatures", verbose_name=_("signed by")
    )
    text = models.TextField(_("text written"), blank=True, validators=[validate_text])
    language = models.CharField(
        _("language of the text"),
        max_length=8,
        blank=True,
        help_text=_("As a code: fr, en, it, ar..."),
        validators=[validate_one_line],
    )
    translation_fr = models.TextField(
        _("translation (French)"), blank=True, validators=[validate_text]
    )
    translation_en = models.TextField(
        _("translation (English)"), blank=True, validators=[validate_text]
    )
    # Drawn again from the upload (visits.uploads): never the file as it came.
    scan = models.ImageField(
        _("scanned page"),
        upload_to="golden-book/",
        blank=True,
        width_field="scan_width",
        height_field="scan_height",
    )
    scan_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    scan_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail = models.ImageField(
        upload_to="golden-book/",
        blank=True,
        editable=False,
        width_field="thumbnail_width",
        height_field="thumbnail_height",
    )
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    scan_alt_fr = models.CharField(
        _("scan described (French)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    scan_alt_en = models.CharField(
        _("scan described (English)"), max_length=300, blank=True, validators=[validate_one_line]
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public Golden Book page.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("Golden Book signature")
        verbose_name_plural = _("Golden Book signatures")
        ordering = ["-signed_on", "-pk"]
        indexes = [models.Index(fields=["published", "-signed_on"], name="signature_published")]

    def __str__(self):
        return f"{self.signed_on:%Y-%m-%d} · {self.engagement}"

    @property
    def translation(self) -> str:
        return localized(self, "translation")

    @property
    def scan_alt(self) -> str:
        return localized(self, "scan_alt")
