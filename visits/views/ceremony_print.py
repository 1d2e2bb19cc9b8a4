"""The Ceremony page's printables, each one sheet in the run-sheet's style: the order, the
seating plan with who sits where, the place cards, the speeches, the arrivals with the
receiving line, the flags with the anthems, everyone's forms of address. Read through the same
door as the page."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone, translation

from visits.ceremony.address import forms_of_address
from visits.queries.ceremony import ceremony_rows
from visits.queries.ceremony_data import addressee_of, forms_table
from visits.queries.ceremony_plan import ceremony_plan
from visits.views.access import staff_required
from visits.views.ceremony_reading import (
    PARTS,
    engagement_for,
    everyone,
    read_context,
    rows_by_key,
)
from visits.views.ceremony_tables import Written, address_rows_html

CARDS_PER_SHEET = 8  # two columns of four folded cards on A4
LANGUAGES = ("fr", "en")


@staff_required
def ceremony_print(request, uid, part: str):
    if part not in PARTS:
        raise Http404
    engagement = engagement_for(request, uid)
    rows = ceremony_rows(engagement, request.user)
    plan = ceremony_plan(rows)
    context = read_context(engagement, rows, plan) | {
        "part": part,
        "part_title": PARTS[part],
        "now": timezone.now(),
    }
    if part == "place-cards":
        context["sheets"] = sheets(place_cards(rows, plan))
    if part == "address":
        addressed = [{"name": one.name, "forms": plan.forms[one.key]} for one in everyone(plan)]
        context |= {"addressed": addressed, "address_body": Written(address_rows_html, addressed)}
    template = f"staff/ceremony/print_{part.replace('-', '_')}.html"
    return render(request, template, context)


def place_cards(rows, plan) -> list[dict]:
    """One card per attendee, in the order the tables are laid (table, then place; those not
    seated after, in order), each with their place-card line in French and in English."""
    table = forms_table(rows.forms)
    seated = {s.key: (s.table, s.number) for s in plan.seating.seats if s.key}
    people = everyone(plan)
    last = (10**6, 10**6)
    people.sort(key=lambda one: seated.get(one.key, last))
    cards, rows_of = [], rows_by_key(plan)
    for one in people:
        addressee = addressee_of(rows_of[one.key].guest)
        lines = {}
        for language in LANGUAGES:
            with translation.override(language):
                lines[language] = forms_of_address(addressee, table, language).place_card
        place = seated.get(one.key)
        fr, en = lines["fr"] or one.name, lines["en"] or one.name
        cards.append(
            {
                "fr": fr,
                "en": en,
                # Small, for whoever lays the cards: whose it is when the line is a title
                # ("Madame la Maire"), and where it goes.
                "whose": "" if one.name in fr else one.name,
                "table": place[0] if place else None,
                "seat": place[1] if place else None,
            }
        )
    return cards


def sheets(cards: list[dict]) -> list[list[dict]]:
    return [cards[i : i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]
