from django.db import models, transaction


class ReferenceSequence(models.Model):
    """Last number handed out per year, locked while one is taken: codes never repeat."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


def next_visit_reference(year: int) -> str:
    """`V-2026-014`: readable on the phone, unique, in order of creation within the year."""
    with transaction.atomic():
        sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
        sequence.last += 1
        sequence.save(update_fields=["last"])
    return f"V-{year}-{sequence.last:03d}"
