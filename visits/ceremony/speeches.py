"""Who speaks when, and how each speech opens (D art. 19, PROTOCOL_RULES.md § 3).

Speeches go in reverse precedence: the host (the inviting authority) opens, the highest-ranked
speaks last, and nobody speaks after the State's representative. Each speech opens by greeting
those present in precedence order, in the speaker's language, people of one style together in
the plural at the place of the highest of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from visits.ceremony.address import (
    Addressee,
    find_form,
    plural_greeting,
    table_language,
)
from visits.ceremony.people import AddressForm, AddressStyle, Attendee, Placed


@dataclass(frozen=True)
class Speaker:
    attendee: Attendee
    position: int  # 1 speaks first
    opening_line: str


def speaking_order(
    placed: Sequence[Placed],
    addressees: Mapping[str, Addressee],
    table: Sequence[AddressForm],
    state_representative: str = "",
) -> tuple[Speaker, ...]:
    """Those who speak, in order. `state_representative` is the key of the State's
    representative present (the minister when one attends, else the prefect): they close,
    even when they are the host."""

    def turn(one: Placed) -> tuple[int, int, str]:
        attendee = one.attendee
        if state_representative and attendee.key == state_representative:
            step = 3
        elif attendee.inviting:
            step = 0
        elif attendee.host:
            step = 1
        else:
            step = 2
        return step, -one.order, attendee.key

    speakers = sorted((one for one in placed if one.attendee.speaks), key=turn)
    return tuple(
        Speaker(
            attendee=one.attendee,
            position=position,
            opening_line=opening_line(
                placed, one.attendee.key, addressees, table, one.attendee.language
            ),
        )
        for position, one in enumerate(speakers, start=1)
    )


def opening_line(
    placed: Sequence[Placed],
    speaker_key: str,
    addressees: Mapping[str, Addressee],
    table: Sequence[AddressForm],
    language: str,
) -> str:
    """ "Monsieur le Président de la République, Madame la Maire, Mesdames et Messieurs les
    Ambassadeurs, Mesdames et Messieurs,": everyone present but the speaker, by title, ending
    with the general greeting, which also covers those with no title (DEFAULT) and spouses.
    An attendee missing from `addressees` counts as having no title."""
    groups: dict[AddressStyle, list[Addressee]] = {}
    for one in sorted(placed, key=lambda one: (one.order, one.attendee.key)):
        attendee = one.attendee
        person = addressees.get(attendee.key)
        if attendee.key == speaker_key or attendee.spouse_of or person is None:
            continue
        if person.style != AddressStyle.DEFAULT:
            groups.setdefault(person.style, []).append(person)
    greetings: list[str] = []
    everyone = find_form(table, AddressStyle.DEFAULT, table_language(language), "n").plural
    for people in groups.values():
        greeting = plural_greeting(people, table, language)
        # Ambassadors and heads of state are both "Your Excellencies": say it once.
        if greeting and greeting not in greetings and greeting != everyone:
            greetings.append(greeting)
    greetings.append(everyone)
    return ", ".join(greetings) + ","
