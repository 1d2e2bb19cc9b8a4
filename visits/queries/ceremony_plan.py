"""A ceremony as people read it: the rows of `ceremony_rows` turned into the rules' plain data,
ranked, seated, with speakers, arrivals, the receiving line and the flags. A read: nothing here
writes; `visits.services.ceremony` stores what the office decides (attendance, places)."""

from dataclasses import dataclass, replace
from functools import cached_property

from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries

from visits.ceremony import people
from visits.ceremony.address import Addressee, Forms, forms_of_address
from visits.ceremony.arrivals import ReceivingLine, arrival_order, receiving_line
from visits.ceremony.flags import Mast, anthem_order, flag_arrangement, flags_svg
from visits.ceremony.ranking import Ranking, rank
from visits.ceremony.seating import (
    Layout,
    Pin,
    Seat,
    Seating,
    SeatingOptions,
    Sitter,
    broken_rules,
    empty_places,
    kept_warnings,
    plan_svg,
    seat,
    who_sits_where,
)
from visits.ceremony.speeches import Speaker, speaking_order
from visits.models.ceremony_choices import AttendanceRole, OfficeGroup, PairRule
from visits.queries.ceremony import CeremonyRows
from visits.queries.ceremony_data import (
    addressee_of,
    attendee_of,
    country_code,
    forms_table,
    rules_of,
)


@dataclass  # not frozen: `by_key` is cached on it
class CeremonyPlan:
    rows: CeremonyRows
    ranking: Ranking
    addressees: dict[str, Addressee]  # attendee key -> what their forms of address come from
    table: tuple  # the forms-of-address table, as the rules read it
    language: str
    seating: Seating
    seating_saved: bool  # False: a proposal from the order, not yet kept by the office
    broken: tuple[str, ...]  # the rules the kept places break (after a swap)
    seating_svg: str
    seating_list: tuple[tuple[str, int, int], ...]
    speakers: tuple[Speaker, ...]
    arrivals: tuple[people.Placed, ...]
    line: ReceivingLine
    masts: tuple[Mast, ...]
    flags_svg: str
    anthems: tuple[str, ...]  # country names, in the order played

    @cached_property
    def forms(self) -> dict[str, Forms]:
        """Attendee key -> their forms of address in the plan's language: made when read
        (the place cards, the forms' printable), not for every page."""
        return {
            key: forms_of_address(who, self.table, self.language)
            for key, who in self.addressees.items()
        }

    @cached_property
    def by_key(self) -> dict:
        return keyed(self.rows)

    def attendance(self, key: str):
        """The Attendance row of an attendee key."""
        return self.by_key[key]


def ceremony_plan(rows: CeremonyRows) -> CeremonyPlan:
    attendees = attendees_of(rows)
    ranking = rank(attendees.values(), occasion_of(rows))
    table = forms_table(rows.forms)
    language = (translation.get_language() or "fr")[:2]
    addressees = {key: addressee_of(row.guest) for key, row in keyed(rows).items()}
    options, host, cohost = seating_options(rows, ranking)
    sitters = [sitter_of(placed.attendee) for placed in ranking.placed]
    seating, saved, lost = kept_or_proposed(rows, sitters, options, host, cohost)
    broken = broken_rules(seating, sitters, options, host, cohost) if saved else ()
    if lost:
        broken += (off_layout(lost),)
    labels = {p.attendee.key: (p.attendee.name, str(p.order)) for p in ranking.placed}
    # Someone the rules cannot place may still be given a place by hand: named, no rank.
    labels |= {u.attendee.key: (u.attendee.name, "—") for u in ranking.unplaced}
    title = _("Seating plan: %(engagement)s") % {"engagement": rows.engagement.title}
    nations = flag_countries(rows)
    names_fr = country_names(nations, "fr")
    masts = flag_arrangement(nations, rows.options.with_european_flag, names_fr)
    shown_names = country_names([mast.country for mast in masts], language)
    return CeremonyPlan(
        rows=rows,
        ranking=ranking,
        addressees=addressees,
        table=table,
        language=language,
        seating=seating,
        seating_saved=saved,
        broken=broken,
        seating_svg=plan_svg(seating, labels, options, title),
        seating_list=who_sits_where(seating, {k: v[0] for k, v in labels.items()}),
        speakers=speaking_order(
            ranking.placed, addressees, table, state_representative(rows, ranking)
        ),
        arrivals=arrival_order(ranking.placed),
        line=receiving_line(ranking.placed),
        masts=masts,
        flags_svg=flags_svg(masts, shown_names, _("Flags, seen from the front")),
        anthems=tuple(shown_names[code] for code in anthem_order(nations, names_fr)),
    )


def keyed(rows: CeremonyRows) -> dict:
    return {str(row.pk): row for row in rows.attendances}


def attendees_of(rows: CeremonyRows) -> dict[str, people.Attendee]:
    by_guest = {row.guest_id: str(row.pk) for row in rows.attendances}
    return {str(row.pk): attendee_of(row, by_guest) for row in rows.attendances}


def occasion_of(rows: CeremonyRows) -> people.Occasion:
    rules, offices = rules_of(rows)
    return people.Occasion(
        on=rows.day,
        rules=rules,
        ordered_by_government=rows.options.ordered_by_government,
        offices=offices,
    )


def seating_options(rows: CeremonyRows, ranking: Ranking):
    """The office's options, with who presides: the inviting host, and the second host or else
    the host's spouse opposite."""
    ceremony = rows.options
    options = SeatingOptions(
        layout=Layout(ceremony.layout),
        tables=max(ceremony.tables, 1),
        seats_per_table=ceremony.seats_per_table,
        central_aisle=ceremony.central_aisle,
        civil_military_sides=ceremony.civil_military_sides,
        alternate_sexes=ceremony.alternate_sexes,
        keep_spouses_apart=ceremony.keep_spouses_apart,
        pins=tuple(
            Pin(str(row.pk), row.table, row.seat)
            for row in rows.attendances
            if row.pinned and row.table and row.seat
        ),
        apart=tuple(
            (str(p.first_id), str(p.second_id)) for p in rows.pairs if p.rule == PairRule.APART
        ),
        together=tuple(
            (str(p.first_id), str(p.second_id)) for p in rows.pairs if p.rule == PairRule.TOGETHER
        ),
    )
    placed = [p.attendee for p in ranking.placed]
    hosts = [a for a in placed if a.inviting] + [a for a in placed if a.host and not a.inviting]
    host = hosts[0].key if hosts else (placed[0].key if placed else "")
    spouses = [a.key for a in placed if a.spouse_of == host]
    cohost = hosts[1].key if len(hosts) > 1 else (spouses[0] if spouses else "")
    return options, host, cohost


def sitter_of(attendee: people.Attendee) -> Sitter:
    return Sitter(
        key=attendee.key,
        gender=attendee.gender,
        military=attendee.military,
        spouse_of=attendee.spouse_of,
        name=attendee.name,  # the broken rules' sentences name people, not keys
    )


def kept_or_proposed(rows, sitters, options, host, cohost) -> tuple[Seating, bool, tuple]:
    """The places the office kept, drawn on the layout's places; or, before any is kept, the
    rules' proposal. Also the names of those whose kept place the layout no longer has (the
    options changed since): the office is told, not left to find them missing."""
    kept = {
        (row.table, row.seat): row
        for row in rows.attendances
        if row.table is not None and row.seat is not None
    }
    if not kept:
        return seat(sitters, options, host, cohost), False, ()
    # The proposal is not searched for: only its places are drawn, with the kept keys.
    empty = empty_places(sitters, options, host, cohost)
    places = {(s.table, s.number) for s in empty}
    seats = tuple(Seat(s.table, s.number, kept_key(kept, s), s.x, s.y, s.honour) for s in empty)
    seating = Seating(seats, unmet=(), warnings=())
    seating = replace(seating, warnings=kept_warnings(seating, sitters, options, host, cohost))
    lost = tuple(row.guest.name for place, row in kept.items() if place not in places)
    return seating, True, lost


def kept_key(kept: dict, place: Seat) -> str:
    row = kept.get((place.table, place.number))
    return str(row.pk) if row is not None else ""


def off_layout(names) -> str:
    return _(
        "Kept places this layout no longer has (its options changed): %(names)s. "
        "Keep the seating again, or seat them by hand."
    ) % {"names": ", ".join(names)}


def state_representative(rows: CeremonyRows, ranking: Ranking) -> str:
    """Who represents the State, after whom nobody speaks (art. 19): the highest-ranked
    attendee serving in, or standing for, the Presidency, the Government or the prefecture."""
    group_of = {office.code: office.group for office in rows.offices}
    for placed in ranking.placed:
        attendee = placed.attendee
        codes = [held.office_code for held in attendee.holdings if serving(held, rows.day)]
        if attendee.capacity not in (people.Capacity.OWN, people.Capacity.SUBSTITUTE):
            codes.append(attendee.represents_office)
        if any(group_of.get(code) in STATE_GROUPS for code in codes):
            return attendee.key
    return ""


STATE_GROUPS = (OfficeGroup.HEAD_OF_STATE, OfficeGroup.GOVERNMENT, OfficeGroup.STATE_REPRESENTATIVE)


def serving(held: people.Holding, day) -> bool:
    started = held.took_office_on is None or held.took_office_on <= day
    return started and (held.left_office_on is None or held.left_office_on > day)


def flag_countries(rows: CeremonyRows) -> list[str]:
    """The foreign guests' countries: the guest of honour's and the delegation's."""
    foreign = (AttendanceRole.GUEST_OF_HONOUR, AttendanceRole.DELEGATION)
    found = {country_code(r.guest) for r in rows.attendances if r.role in foreign}
    return sorted(code for code in found if code)


def country_names(codes, language: str) -> dict[str, str]:
    """Country names in `language`, the European Union's included ("EU" is no ISO country)."""
    with translation.override(language):
        names = {code: str(countries.name(code)) for code in codes if code != "EU"}
        names["EU"] = _("European Union")
    return names
