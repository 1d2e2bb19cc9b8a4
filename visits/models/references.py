from django.db import models, transaction


class ReferenceSequence(models.Model):
    """Last number handed out per year, locked while one is taken: codes never repeat."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


def reserve_visit_references(year: int, count: int) -> list[str]:
    """`count` fresh codes such as `V-2026-014`: readable on the phone, never reused."""
    with transaction.atomic():
        sequence, _ = ReferenceSequence.objects.select_for_update().get_or_create(year=year)
        first = sequence.last + 1
        sequence.last += count
        sequence.save(update_fields=["last"])
    return [f"V-{year}-{number:03d}" for number in range(first, first + count)]


def next_visit_reference(year: int) -> str:
    return reserve_visit_references(year, 1)[0]
