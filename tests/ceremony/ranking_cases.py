"""What the ranking's golden cases share: an occasion on the Paris list, people holding offices
by code, and readings of a ranking."""

from datetime import date

import pytest
from django.utils import translation

from visits.ceremony.decree import OFFICES, PARIS
from visits.ceremony.people import Attendee, Holding, Occasion

ON = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def occasion(rules=PARIS, **options) -> Occasion:
    return Occasion(on=ON, rules=rules, offices=OFFICES, **options)


def person(name: str, *codes: str, **fields) -> Attendee:
    holdings = tuple(code if isinstance(code, Holding) else Holding(code) for code in codes)
    return Attendee(key=name, name=name, holdings=holdings, **fields)


def names(ranking) -> list[str]:
    return [placed.attendee.name for placed in ranking.placed]


def placed(ranking, name: str):
    return next(p for p in ranking.placed if p.attendee.name == name)


def missing(ranking) -> dict[str, str]:
    return {unplaced.attendee.name: unplaced.missing for unplaced in ranking.unplaced}
