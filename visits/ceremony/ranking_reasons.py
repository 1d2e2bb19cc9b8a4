"""Why one of two attendees comes first: the sentence for the first part of their sort keys
that differs (ranking_keys.py). Each function gets the part of the one who comes first, then
the other's, so a sentence can only ever say what the order says."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from visits.ceremony.people import Reason
from visits.ceremony.ranking_keys import Follow, Kind, Part, SortKey
from visits.ceremony.ranking_lists import OVERRIDES, Source, Tier, label


def explain(first: SortKey, second: SortKey) -> Reason:
    """Why the attendee of key `first` (the smaller) comes before the one of key `second`."""
    for index, (mine, theirs) in enumerate(zip(first, second, strict=False)):
        if mine.value != theirs.value:
            reason = EXPLAIN[mine.name](mine, theirs)
            return with_followers(reason, (first, index), (second, index))
    index = len(first)  # `second` extends `first`: its owner follows first's owner
    return with_followers(followed(second[index]), (second, index))


def followed(part: Part) -> Reason:
    if part.follows == Follow.SPOUSE:
        # French agrees "conjoint" with the spouse: a context per grammatical gender.
        if part.owner.gender == "f":
            text = pgettext(
                "feminine", "%(name)s is the spouse of %(principal)s and follows them (practice)"
            )
        else:
            text = _("%(name)s is the spouse of %(principal)s and follows them (practice)")
        return Reason("practice", text % {"name": part.owner.name, "principal": part.anchor.name})
    return art_9()


def with_followers(reason: Reason, *compared: tuple[SortKey, int]) -> Reason:
    """Say so when the part compared belongs to someone the attendee follows: their key goes
    on past `index` with one "follow" part per link of the chain. When a link is art. 9's, that
    is the reason: the inviting authority stands where the State's representative does."""
    chains = [
        [part for part in key[index + 1 :] if part.name == "follow"] for key, index in compared
    ]
    if any(part.follows == Follow.ART_9 for chain in chains for part in chain):
        reason = art_9()
    text = reason.text
    for chain in chains:
        if not chain:
            continue
        links = [_("%(name)s follows %(anchor)s") % names(chain[-1])]
        links += [_("who follows %(anchor)s") % names(part) for part in reversed(chain[:-1])]
        text = _("%(text)s (%(chain)s)") % {"text": text, "chain": ", ".join(links)}
    return Reason(reason.rule, text)


def names(part: Part) -> dict[str, str]:
    return {"name": part.owner.name, "anchor": part.anchor.name}


def art_9() -> Reason:
    text = _("D art. 9: the head of the inviting body ranks right after the State's representative")
    return Reason("D art. 9", text)


def slot(first: Part, second: Part) -> Reason:
    one, other = first.standing, second.standing
    if one.source == other.source == Source.ART_9:
        return several_inviting()
    for standing in (one, other):
        if standing.source in OVERRIDES:
            return standing.basis
    article = one.article if one.article == other.article else one.list_article
    text = _(
        "%(article)s: rank %(first_position)s (%(first)s) before rank %(second_position)s "
        "(%(second)s)"
    )
    words = {"article": article, "first": label(one.office), "second": label(other.office)}
    return Reason(
        article, text % {**words, "first_position": one.position, "second_position": other.position}
    )


def tier(first: Part, second: Part) -> Reason:
    where = first.standing.where
    if second.standing.tier == Tier.FORMER:
        text = _("Tie %(where)s: serving holders come before former holders (practice)")
    else:
        text = _(
            "Tie %(where)s: the holder present in person comes before a representative (practice)"
        )
    return Reason("practice", text % {"where": where})


def office(first: Part, second: Part) -> Reason:
    one = first.standing
    text = _("%(article)s: at rank %(position)s the décret names %(first)s before %(second)s")
    words = {"first": label(one.office), "second": label(second.standing.office)}
    return Reason(one.article, text % {**words, "article": one.article, "position": one.position})


def kind(first: Part, second: Part) -> Reason:
    one, other, where = first.value, second.value, first.standing.where
    if one[0] != other[0]:
        return Reason("tie", _("Tie %(where)s: by the kind of office") % {"where": where})
    if one[0] == Kind.HEAD_OF_MISSION and one[1] != other[1]:
        if one[1] == 0 and other[1] == 1:
            text = _(
                "V art. 16(3): the nuncio is dean of the diplomatic corps in France and ranks "
                "first among ambassadors"
            )
            return Reason("V art. 16(3)", text)
        text = _("V art. 14: heads of mission rank by class: %(first)s before %(second)s")
        classes = class_names()
        return Reason("V art. 14", text % {"first": classes[one[1]], "second": classes[other[1]]})
    if concealed(first, second):
        return undated(one[0], where)
    dates = shown(one[-1], other[-1])
    if one[0] == Kind.HEAD_OF_MISSION:
        text = _(
            "V art. 16: heads of mission of one class rank by the date and time they took up "
            "their functions: %(first)s, against %(second)s"
        )
        return Reason("V art. 16", text % dates)
    if one[0] == Kind.ELECTED:
        text = _("Tie %(where)s: first elected in %(first)s, against %(second)s")
    else:
        text = _(
            "Tie %(where)s: former holders rank by the date they took office: %(first)s, "
            "against %(second)s"
        )
    return Reason("tie", text % {"where": where, **dates})


def age(first: Part, second: Part) -> Reason:
    where = first.standing.where
    if concealed(first, second):
        return Reason("tie", _("Tie %(where)s: the elder first") % {"where": where})
    text = _("Tie %(where)s: the elder first (born %(first)s, against %(second)s)")
    return Reason("tie", text % {"where": where, **shown(first.value, second.value)})


def concealed(first: Part, second: Part) -> bool:
    """Whether a date compared is of someone the viewer may not know: a year of birth or of
    election would help name them (DESIGN.md, decision 1)."""
    return first.owner.concealed or second.owner.concealed


def undated(kind: Kind, where: str) -> Reason:
    """The rule of a tie broken by dates, without the dates."""
    if kind == Kind.HEAD_OF_MISSION:
        text = _(
            "V art. 16: heads of mission of one class rank by the date and time they took up "
            "their functions"
        )
        return Reason("V art. 16", text)
    if kind == Kind.ELECTED:
        return Reason("tie", _("Tie %(where)s: by the date of first election") % {"where": where})
    text = _("Tie %(where)s: former holders rank by the date they took office")
    return Reason("tie", text % {"where": where})


def name(first: Part, second: Part) -> Reason:
    return Reason("tie", _("Tie %(where)s: alphabetical order") % {"where": first.standing.where})


def key(first: Part, second: Part) -> Reason:
    text = _("Tie %(where)s: same name, order of registration")
    return Reason("tie", text % {"where": first.standing.where})


def follow(first: Part, second: Part) -> Reason:
    if first.follows != second.follows:
        text = _("A spouse comes right after their principal, before anyone else (practice)")
        return Reason("practice", text)
    if first.follows == Follow.ART_9 and first.value[1] != second.value[1]:
        return several_inviting()
    return Reason("tie", _("Followers of one person: alphabetical order"))


def shown(one: tuple, other: tuple) -> dict[str, str]:
    """Two dates of `known()` as people read them: years when they differ, else full."""
    first, second = (value[1] if value[0] == 0 else None for value in (one, other))
    if first is None or second is None:
        return {"first": when(first, "%Y"), "second": when(second, "%Y")}
    precision = "%Y" if first.year != second.year else "%Y-%m-%d"
    if isinstance(first, datetime) and first.date() == second.date():
        precision = "%Y-%m-%d %H:%M"
    return {"first": when(first, precision), "second": when(second, precision)}


def when(value, precision: str) -> str:
    return value.strftime(precision) if value is not None else _("an unknown date")


def several_inviting() -> Reason:
    return Reason("D art. 9", _("D art. 9: several heads of inviting bodies keep their own order"))


def class_names() -> tuple[str, ...]:
    """Indexed by ranking_keys.CLASS_ORDER; translated when read."""
    return (
        pgettext("diplomatic class", "nuncio"),
        pgettext("diplomatic class", "ambassador"),
        pgettext("diplomatic class", "envoy"),
        pgettext("diplomatic class", "chargé d'affaires"),
        pgettext("diplomatic class", "unknown class"),
    )


EXPLAIN = {part.__name__: part for part in (slot, tier, office, kind, age, name, key, follow)}
