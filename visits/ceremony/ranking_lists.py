"""What the ranking reads from a precedence list, indexed once per ranking, and the standing
it gives one attendee: a slot, the rule behind it and how it reads (PROTOCOL_RULES.md § 1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from django.utils import translation
from django.utils.translation import gettext as _

from visits.ceremony.people import Holding, Occasion, Office, OfficeGroup, Reason


class Tier(IntEnum):
    """Who comes first among the people one slot holds."""

    IN_PERSON = 0
    REPRESENTATIVE = 1  # takes the office's rank: right after a holder present in person
    FORMER = 2  # former holders rank right after the serving ones (practice)


class After(IntEnum):
    """Places right after a list position, in this order; the position's holders are 0."""

    ART_9 = 1  # the inviting authority, when no State's representative attends
    VICE_PRESIDENT = 2  # a vice-president placed after another office (D art. 14)
    ART_10 = 3
    ART_17 = 4
    ART_18 = 5


class Source(StrEnum):
    LIST = "list"
    REPRESENTED = "represented"
    FORMER = "former"
    VICE_PRESIDENT_AFTER = "vice_president_after"
    ART_9 = "art_9"
    ART_10 = "art_10"
    ART_17 = "art_17"
    ART_18 = "art_18"


# Standings a rule gives over the list's order: their own reason explains them.
OVERRIDES = frozenset(Source) - {Source.LIST, Source.REPRESENTED, Source.FORMER}


def label(office: Office) -> str:
    """The office's name in the active language (labels are data, not catalogue strings)."""
    french = (translation.get_language() or "").startswith("fr")
    return office.label_fr if french else office.label_en


@dataclass(frozen=True)
class Standing:
    """Where one attendee stands before ties are broken, and why."""

    slot: tuple[int, ...]  # (position, After) : compared as tuples
    tier: Tier
    office: Office | None
    office_index: int  # order of the office among those the décret names at one position
    source: Source
    article: str
    list_article: str
    basis: Reason
    label: str
    holding: Holding | None = None

    @property
    def position(self) -> int:
        return self.slot[0]

    @property
    def where(self) -> str:
        if self.slot[1:] == (0,):
            return _("at rank %(position)s") % {"position": self.position}
        if self.position <= 0:
            return _("before rank 1")
        return _("after rank %(position)s") % {"position": self.position}


def after_label(position: int, text: str) -> str:
    if position <= 0:
        return _("first: %(label)s") % {"label": text}
    return _("after %(position)s: %(label)s") % {"position": position, "label": text}


@dataclass(frozen=True)
class Lists:
    """The occasion's list, indexed by office code."""

    occasion: Occasion
    position: dict[str, int]
    index: dict[str, int]
    article: dict[str, str]
    offices: dict[str, Office]
    first_of_group: dict[OfficeGroup, str]
    said: dict[tuple[str, Source], tuple[str, Reason]] = field(default_factory=dict)

    @property
    def rules_article(self) -> str:
        return self.occasion.rules.article

    def last_position_of(self, group: OfficeGroup) -> int | None:
        found = [p for code, p in self.position.items() if self.offices[code].group == group]
        return max(found, default=None)

    def listed(
        self,
        code: str,
        tier: Tier,
        source: Source,
        basis: Reason | None = None,
        holding: Holding | None = None,
    ) -> Standing:
        office, position, article = self.offices[code], self.position[code], self.article[code]
        shown, listed_basis = self.words(code, source)
        return Standing(
            slot=(position, 0),
            tier=tier,
            office=office,
            office_index=self.index[code],
            source=source,
            article=article,
            list_article=self.rules_article,
            basis=basis or listed_basis,
            label=shown,
            holding=holding,
        )

    def words(self, code: str, source: Source) -> tuple[str, Reason]:
        """The rank label and the list's reason, made once per office (gettext is not free)."""
        if (code, source) not in self.said:
            office, position, article = self.offices[code], self.position[code], self.article[code]
            text = label(office)
            if source == Source.REPRESENTED:
                text = _("%(office)s (represented)") % {"office": text}
            elif source == Source.FORMER:
                text = _("%(office)s (former holder)") % {"office": text}
            words = {"article": article, "position": position, "office": label(office)}
            basis = Reason(article, _("%(article)s, rank %(position)s: %(office)s") % words)
            shown = _("%(position)s: %(office)s") % {"position": position, "office": text}
            self.said[code, source] = (shown, basis)
        return self.said[code, source]

    def after(
        self,
        position: int,
        after: After,
        source: Source,
        basis: Reason,
        text: str,
        office: Office | None = None,
        holding: Holding | None = None,
        then: tuple[int, ...] = (),
    ) -> Standing:
        """Right after list position `position`; `then` orders those the same rule puts there."""
        return Standing(
            slot=(position, int(after), *then),
            tier=Tier.IN_PERSON,
            office=office,
            office_index=0,
            source=source,
            article=basis.rule,
            list_article=self.rules_article,
            basis=basis,
            label=after_label(position, text),
            holding=holding,
        )


def lists_of(occasion: Occasion) -> Lists:
    position: dict[str, int] = {}
    index: dict[str, int] = {}
    article: dict[str, str] = {}
    offices = {office.code: office for office in occasion.offices}
    first_of_group: dict[OfficeGroup, str] = {}
    shared: dict[int, int] = {}
    for row in sorted(occasion.rules.ranks, key=lambda row: row.position):  # stable: item order
        code = row.office.code
        offices[code] = row.office
        if code in position:  # listed twice: the higher row counts
            continue
        position[code], article[code] = row.position, row.article
        index[code] = shared.get(row.position, 0)
        shared[row.position] = index[code] + 1
        first_of_group.setdefault(row.office.group, code)
    return Lists(occasion, position, index, article, offices, first_of_group)
