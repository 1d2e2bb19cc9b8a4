"""The precedence lists and the forms-of-address table a new installation starts with, from the
rules' plain data (visits/ceremony/decree.py, address_table.py). The office edits them after:
installing again adds only what is missing, never overwrites an edit."""

from visits.ceremony.address_table import DEFAULT_FORMS
from visits.ceremony.decree import OFFICES, OUTSIDE_PARIS, PARIS

LISTS = {"paris": PARIS, "outside_paris": OUTSIDE_PARIS}


def install_precedence(Office, PrecedenceList, PrecedenceRank) -> None:  # noqa: N803
    """Every office, and each list with its ranks, unless a list of that scope and date exists."""
    rows = {}
    for office in OFFICES:
        rows[office.code], _ = Office.objects.get_or_create(
            code=office.code,
            defaults={
                "label_fr": office.label_fr,
                "label_en": office.label_en,
                "group": str(office.group),
                "national": office.national,
                "elected": office.elected,
                "military": office.military,
                "vice_president_rule": str(office.vice_president_rule),
            },
        )
    for office in OFFICES:
        after = rows.get(office.vice_president_after)
        if after is not None and rows[office.code].vice_president_after_id is None:
            rows[office.code].vice_president_after = after
            rows[office.code].save(update_fields=["vice_president_after"])
    for scope, rules in LISTS.items():
        listed, created = PrecedenceList.objects.get_or_create(
            scope=scope,
            effective_from=rules.effective_from,
            defaults={
                "name_fr": rules.name_fr,
                "name_en": rules.name_en,
                "article": rules.article,
                "representative_takes_rank": rules.representative_takes_rank,
                "spouses_follow": rules.spouses_follow,
            },
        )
        if created:
            PrecedenceRank.objects.bulk_create(
                PrecedenceRank(
                    precedence_list=listed,
                    position=rank.position,
                    office=rows[rank.office.code],
                    article=rank.article,
                )
                for rank in rules.ranks
            )


def install_address_forms(AddressForm) -> None:  # noqa: N803
    """Each row of the table the office has not written itself."""
    have = set(AddressForm.objects.values_list("style", "language", "gender"))
    AddressForm.objects.bulk_create(
        AddressForm(
            style=str(form.style),
            language=form.language,
            gender=form.gender,
            appel=form.appel,
            traitement=form.traitement,
            suscription=form.suscription,
            place_card=form.place_card,
            closing=form.closing,
            plural=form.plural,
        )
        for form in DEFAULT_FORMS
        if (str(form.style), form.language, form.gender) not in have
    )
