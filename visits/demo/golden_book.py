"""The demo's Golden Book (issue 18): a few real receptions of the reference data signed in
it. What the guests wrote is not known here, so the words and the pages are invented and say
so, in both languages; the scans are drawn by Pillow, each marked as a demonstration."""

import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw, ImageFont

from visits.models import GoldenBookSignature, Visit
from visits.services.golden_book import record_signature

# Visits of the reference data (visits/fixtures/demo/distinguished_guests.csv) by import key.
SIGNED = ["past:2010-medvedev", "past:2026-gualtieri", "past:2025-watson"]
TEXT = "[Démonstration] Texte inventé pour montrer l’outil : ce ne sont pas ses mots."
TRANSLATION_EN = "[Demo] Text invented to show the tool: these are not their words."
ALT_FR = "Page de démonstration dessinée pour l’outil, pas la page réelle du Livre d’or"
ALT_EN = "Demonstration page drawn for the tool, not the real Golden Book page"


def drawn_page(name: str, day: date, size=(900, 1200)) -> bytes:
    """A cream page with a border, the book's heading, a few lines of "writing", the signer's
    name and a DEMO mark: plainly not a real scan (Pillow's own font has no "É")."""
    page = Image.new("RGB", size, (247, 241, 226))
    draw = ImageDraw.Draw(page)
    width, height = size
    draw.rectangle([30, 30, width - 30, height - 30], outline=(150, 120, 60), width=4)
    heading = ImageFont.load_default(size=44)
    writing = ImageFont.load_default(size=30)
    draw.text((width // 2, 110), "Livre d’or · Ville de Paris", font=heading, fill=(90, 60, 20),
              anchor="mm")  # fmt: skip
    for line in range(6):
        y = 260 + line * 80
        draw.line([(110, y), (width - 110 - (line % 3) * 90, y)], fill=(40, 60, 140), width=3)
    draw.text((width - 120, 820), name, font=writing, fill=(40, 60, 140), anchor="rm")
    draw.text((width - 120, 870), day.strftime("%d/%m/%Y"), font=writing, fill=(40, 60, 140),
              anchor="rm")  # fmt: skip
    draw.text((width // 2, height - 150), "DEMO · EXEMPLE", font=heading,
              fill=(200, 40, 40), anchor="mm")  # fmt: skip
    out = io.BytesIO()
    page.save(out, "JPEG", quality=85)
    return out.getvalue()


def add_demo_golden_book() -> int:
    """Signs the book at those visits that have none yet; returns how many were added."""
    added = 0
    visits = Visit.objects.filter(import_key__in=SIGNED).prefetch_related("engagements")
    for visit in visits.order_by("starts_on"):
        engagement = visit.engagements.order_by("starts_at").first()
        if engagement is None or GoldenBookSignature.objects.filter(engagement=engagement):
            continue
        guests = list(visit.guests.all())
        scan = drawn_page(guests[0].name, visit.starts_on)
        record_signature(
            by=None,
            engagement=engagement,
            signers=guests,
            text=TEXT,
            language="fr",
            translation_en=TRANSLATION_EN,
            scan=SimpleUploadedFile("page.jpg", scan, content_type="image/jpeg"),
            scan_alt_fr=ALT_FR,
            scan_alt_en=ALT_EN,
            published=True,
        )
        added += 1
    return added
