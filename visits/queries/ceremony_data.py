"""Rows into the ceremony rules' plain data (visits/ceremony/people.py): one function per
kind of row, so the rules never see a model and the rows never see a rule."""

from functools import lru_cache

from django.utils import translation
from django_countries import countries

from visits.ceremony import people
from visits.ceremony.address import Addressee, style_for
from visits.models.ceremony_choices import AttendanceRole, ListScope


def office_of(row) -> people.Office:
    return people.Office(
        code=row.code,
        label_fr=row.label_fr,
        label_en=row.label_en,
        group=people.OfficeGroup(row.group),
        national=row.national,
        elected=row.elected,
        military=row.military,
        vice_president_rule=people.VicePresidentRule(row.vice_president_rule),
        vice_president_after=row.vice_president_after.code if row.vice_president_after else "",
    )


def rules_of(rows) -> tuple[people.PrecedenceRules, tuple[people.Office, ...]]:
    """The list in force and every office (the rules look up offices off the list too)."""
    by_pk = {row.pk: row for row in rows.offices}
    for row in rows.offices:  # `vice_president_after` without a query per office
        row.vice_president_after = by_pk.get(row.vice_president_after_id)
    offices = {row.pk: office_of(row) for row in rows.offices}
    listed = rows.precedence_list
    if listed is None:
        rules = people.PrecedenceRules(
            name_fr="", name_en="", article="", effective_from=rows.day, ranks=()
        )
        return rules, tuple(offices.values())
    rules = people.PrecedenceRules(
        name_fr=listed.name_fr,
        name_en=listed.name_en,
        article=listed.article,
        effective_from=listed.effective_from,
        ranks=tuple(
            people.ListedRank(rank.position, offices[rank.office_id], rank.article)
            for rank in rows.ranks
        ),
        in_paris=listed.scope == ListScope.PARIS,
        representative_takes_rank=listed.representative_takes_rank,
        spouses_follow=listed.spouses_follow,
    )
    return rules, tuple(offices.values())


def attendee_of(row, key_of_guest: dict[int, str]) -> people.Attendee:
    """`key_of_guest` maps the guests present to their attendee keys (for spouses)."""
    guest = row.guest
    return people.Attendee(
        key=str(row.pk),
        name=guest.name,
        sort_name=guest.sort_name or guest.name,
        gender=guest.gender,
        country=country_code(guest),
        language=guest.language,
        holdings=tuple(
            people.Holding(
                office_code=held.office.code,
                first_elected_on=held.first_elected_on,
                took_office_on=held.took_office_on,
                left_office_on=held.left_office_on,
            )
            for held in guest.held
        ),
        born_on=guest.born_on,
        diplomatic_class=people.DiplomaticClass(guest.diplomatic_class)
        if guest.diplomatic_class
        else None,
        functions_taken_up_at=guest.functions_taken_up_at,
        military=guest.military,
        spouse_of=key_of_guest.get(guest.spouse_id, "") if guest.spouse_id else "",
        capacity=people.Capacity(row.capacity),
        represents_office=row.represents_office.code if row.represents_office else "",
        represents_name=row.represents.name if row.represents else "",
        place_after=row.place_after,
        place_after_reason=row.place_after_reason,
        inviting=row.inviting,
        guest_of_honour=row.role == AttendanceRole.GUEST_OF_HONOUR,
        host=row.role == AttendanceRole.HOST,
        speaks=row.speaks,
        concealed=getattr(guest, "concealed", False),
    )


def addressee_of(guest) -> Addressee:
    """How a guest's forms of address are generated: their own style, or that of an office they
    hold now, or their category's. `guest.held`: their OfficeHolding rows with offices."""
    serving = [held.office for held in guest.held if held.left_office_on is None]
    styled = [office for office in serving if office.address_style]
    office = (styled or serving or [None])[0]
    style = guest.address_style or (office.address_style if office else "")
    if not style:
        style = style_for(guest.category, office.code if office else "", country_code(guest))
    return Addressee(
        name=guest.name,
        gender=guest.gender,
        style=people.AddressStyle(style),
        # The guest's own title: a list's label names a rank ("Membres du Gouvernement"),
        # not one person's office.
        office_fr=guest.title_fr,
        office_en=guest.title_en,
        country_fr=office_place(guest, style, "fr"),
        country_en=office_place(guest, style, "en"),
        salutation_fr=guest.salutation_fr,
        salutation_en=guest.salutation_en,
        envelope_fr=guest.envelope_fr,
        envelope_en=guest.envelope_en,
        closing_fr=guest.closing_fr,
        closing_en=guest.closing_en,
    )


def office_place(guest, style: str, language: str) -> str:
    """Where the office belongs, as the address table's {country} says it: a mayor's city, a
    foreign guest's state; nothing for a French official ("Madame la Préfète", not "de France")."""
    if style == people.AddressStyle.MAYOR:  # of a city: never "le Maire d'Italie"
        return guest.city
    code = country_code(guest)
    if code in ("", "FR"):
        return ""
    return country_name(code, language)


def country_code(guest) -> str:
    """The guest's ISO code, read once: each read of a CountryField builds a Country."""
    if not hasattr(guest, "country_code"):
        guest.country_code = str(guest.country or "")
    return guest.country_code


def country_name(code, language: str) -> str:
    return country_name_of(str(code or ""), language)


@lru_cache(maxsize=1024)
def country_name_of(code: str, language: str) -> str:
    """Switching the language costs more than the lookup: once per country and language."""
    if not code:
        return ""
    with translation.override(language):
        return str(countries.name(code))


def forms_table(rows) -> tuple[people.AddressForm, ...]:
    return tuple(
        people.AddressForm(
            style=people.AddressStyle(row.style),
            language=row.language,
            gender=row.gender,
            appel=row.appel,
            traitement=row.traitement,
            suscription=row.suscription,
            place_card=row.place_card,
            closing=row.closing,
            plural=row.plural,
        )
        for row in rows
    )
