"""The address book's files (issue 17): rows read from a CSV or a vCard file, each checked
before anything is written: its errors, field by field, as the models would refuse them, and
whether it is a duplicate (of a guest of the registry by name, of an address card by e-mail, or
of another row of the file). The preview shows them; visits.services.address_book writes the
rows found good."""

import csv
import io
from dataclasses import dataclass, field

import vobject
from django.core.exceptions import ValidationError
from django.utils.text import capfirst

from visits.folding import fold
from visits.models import AddressCard, Guest
from visits.models.choices import GuestCategory

COLUMNS = ("name", "title_fr", "title_en", "email", "postal_address", "language")
MOST_ROWS = 5000


@dataclass
class Row:
    number: int  # in the file, counting from 1 (a CSV's header is not counted)
    values: dict
    errors: dict[str, list[str]] = field(default_factory=dict)
    # What it repeats: ("registry", a guest's name), ("email", the address) or ("row", number).
    duplicate_of: tuple = ()

    @property
    def good(self) -> bool:
        return not self.errors and not self.duplicate_of


class Unreadable(ValueError):
    """The file is not one the address book reads; the message says why."""


def rows_of_csv(text: str) -> list[Row]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in ("name",) if name not in (reader.fieldnames or ())]
    if missing:
        raise Unreadable(f"columns {', '.join(COLUMNS)}; 'name' at least")
    return [
        Row(number, {name: (record.get(name) or "").strip() for name in COLUMNS})
        for number, record in enumerate(reader, 1)
    ]


def rows_of_vcard(text: str) -> list[Row]:
    rows = []
    try:
        cards = list(vobject.readComponents(text))
    except Exception as error:  # noqa: BLE001 (vobject raises many kinds; the office is told)
        raise Unreadable(str(error)) from error
    for number, card in enumerate(cards, 1):
        title = card_value(card, "title")
        language = card_value(card, "lang")[:2].lower() or "fr"
        rows.append(
            Row(
                number,
                {
                    "name": card_value(card, "fn"),
                    "title_fr": title if language == "fr" else "",
                    "title_en": title if language == "en" else "",
                    "email": card_value(card, "email"),
                    "postal_address": card_value(card, "adr"),
                    "language": language,
                },
            )
        )
    return rows


def card_value(card, key: str) -> str:
    """A vCard property's value as text ("" when absent); an address on its lines."""
    found = getattr(card, key, None)
    return str(found.value).strip() if found is not None else ""


def read_rows(text: str, file_name: str) -> list[Row]:
    """The rows of a .csv or .vcf file's text, checked; Unreadable when it cannot be read."""
    looks_like_vcard = file_name.lower().endswith(
        (".vcf", ".vcard")
    ) or text.lstrip().upper().startswith("BEGIN:VCARD")
    rows = rows_of_vcard(text) if looks_like_vcard else rows_of_csv(text)
    if len(rows) > MOST_ROWS:
        raise Unreadable(f"at most {MOST_ROWS} rows")
    return rows


def checked(rows: list[Row], viewer) -> list[Row]:
    """Each row with its errors and what it duplicates (two queries whatever the rows)."""
    by_name = {
        fold(name): name for name in Guest.objects.visible_to(viewer).values_list("name", flat=True)
    }
    emails = set(AddressCard.objects.exclude(email="").values_list("email", flat=True))
    emails = {email.lower() for email in emails}
    seen_names, seen_emails = {}, {}
    for row in rows:
        row.errors = errors_of(row.values)
        name, email = fold(row.values["name"]), row.values["email"].lower()
        if name in by_name:
            row.duplicate_of = ("registry", by_name[name])
        elif email and email in emails:
            row.duplicate_of = ("email", row.values["email"])
        elif name in seen_names:
            row.duplicate_of = ("row", seen_names[name])
        elif email and email in seen_emails:
            row.duplicate_of = ("row", seen_emails[email])
        seen_names.setdefault(name, row.number)
        if email:
            seen_emails.setdefault(email, row.number)
    return rows


def errors_of(values: dict) -> dict[str, list[str]]:
    """What the models would refuse in these values, by field (its label)."""
    guest = Guest(
        name=values["name"],
        title_fr=values["title_fr"],
        title_en=values["title_en"],
        language=values["language"] or "fr",
        category=GuestCategory.OTHER,
    )
    card = AddressCard(email=values["email"], postal_address=values["postal_address"])
    errors = {}
    for made, exclude in ((guest, None), (card, ["guest"])):
        try:
            made.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            errors |= {
                capfirst(type(made)._meta.get_field(name).verbose_name): texts
                for name, texts in error.message_dict.items()
            }
    return errors  # by the field's name as people read it
