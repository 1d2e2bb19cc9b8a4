"""Why the rules' own plan breaks what it breaks (`Seating.unmet`), and the warnings about its
presiding places, in words (PROTOCOL_RULES.md § 2)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from visits.ceremony.seat_checks import Rules, Violation, sentence, where_text
from visits.ceremony.seat_patterns import components, together_of_one_sex, too_many_of_one_sex
from visits.ceremony.seat_spread import Spread
from visits.ceremony.seat_types import Layout
from visits.ceremony.tables import Place


def explained(
    broken: list[Violation], found: Spread, outcomes: list[str], rules: Rules
) -> list[str]:
    """Each broken rule and why; women and men not alternating, one sentence per table."""
    places = len(found.places) * len(found.fixed)
    said = [*refused_pins(found, rules), *unseated(broken, rules, places)]
    fixed = {key for table in found.fixed for key in table.values()}
    pairs: dict[int, list[Violation]] = {}
    for v in broken:
        if v.kind == "alternate":
            pairs.setdefault(v.table, []).append(v)
        elif v.kind != "unseated":
            said.append(f"{sentence(v, rules)} {why(v, found, fixed, outcomes, rules)}")
    for table, found_pairs in sorted(pairs.items()):
        words = {
            "where": where_text(rules.layout, table),
            "pairs": ", ".join(
                _("%(first)s and %(second)s") % {"first": rules.name(a), "second": rules.name(b)}
                for a, b in (v.keys for v in found_pairs)
            ),
        }
        text = _(
            "%(where)s: women and men do not alternate everywhere: %(pairs)s sit side by side."
        )
        said.append(f"{text % words} {why(found_pairs[0], found, fixed, outcomes, rules)}")
    return said


def refused_pins(found: Spread, rules: Rules) -> list[str]:
    said = []
    for reason, pin, other in found.refused_pins:
        words = {
            "name": rules.name(pin.key),
            "where": where_text(rules.layout, pin.table),
            "number": pin.number,
            "other": rules.name(other),
        }
        if reason == "twice":
            said.append(
                _("%(name)s is pinned to more than one place: the first pin is kept.") % words
            )
        elif reason == "nowhere":
            said.append(
                _(
                    "%(name)s cannot be pinned to %(where)s, place %(number)s: "
                    "there is no such place."
                )
                % words
            )
        else:
            said.append(
                _(
                    "%(name)s cannot be pinned to %(where)s, place %(number)s: "
                    "%(other)s is pinned there."
                )
                % words
            )
    return said


def unseated(broken: list[Violation], rules: Rules, places: int) -> list[str]:
    left = [v.keys[0] for v in broken if v.kind == "unseated"]
    if not left:
        return []
    words = {"count": len(left), "names": ", ".join(rules.name(k) for k in left)}
    text = (
        ngettext(
            "%(count)s person has no place: %(names)s.",
            "%(count)s people have no place: %(names)s.",
            len(left),
        )
        % words
    )
    room = ngettext(
        "%(places)s place for %(people)s people.",
        "%(places)s places for %(people)s people.",
        places,
    )
    return [f"{text} {room % {'places': places, 'people': len(rules.order)}}"]


def why(
    violation: Violation, found: Spread, fixed: set[str], outcomes: list[str], rules: Rules
) -> str:
    """Why the rules' own plan breaks it."""
    t = violation.table - 1
    if violation.kind == "alternate":
        everyone = [*found.fixed[t].values(), *found.groups[t]]
        sex = too_many_of_one_sex(found.places, found.fixed[t], found.groups[t], rules)
        if sex:
            everyone = [*found.fixed[t].values(), *found.groups[t]]
            words = {"count": sum(rules.gender.get(k) == sex for k in everyone)}
            words["people"] = len(everyone)
            if sex == "f":
                return (
                    _("Too many women to alternate: %(count)s of the %(people)s at the table.")
                    % words
                )
            return _("Too many men to alternate: %(count)s of the %(people)s at the table.") % words
        if together_of_one_sex(found.fixed[t], found.groups[t], rules):
            return _("Two people of the same sex are to sit side by side.")
        if opposite_presidents(found.places) and len(found.places) % 4 == 0:
            return _(
                "On %(places)s places, a multiple of 4, alternating puts people of one sex in the "
                "two presiding places."
            ) % {"places": len(found.places)}
    if violation.kind in ("apart", "spouses", "alternate") and set(violation.keys) <= fixed:
        return _("Both places are fixed, by pins or as presiding places.")
    if violation.kind == "together" and len({key_table(found, k) for k in violation.keys}) > 1:
        return _("They could not be brought to one table.")
    if violation.kind == "presiding":
        return _("Someone else is pinned to that place.")
    if 0 <= t < len(outcomes) and outcomes[t] == "timeout":
        return _("No plan meeting every rule was found in the time allowed.")
    return _("No plan meets every rule at once.")


def key_table(found: Spread, key: str) -> int:
    for t, (fixed, group) in enumerate(zip(found.fixed, found.groups, strict=True)):
        if key in group or key in fixed.values():
            return t
    return -1


def opposite_presidents(places: tuple[Place, ...]) -> bool:
    """The two presiding places on one closed ring (a round table, an English one): there,
    with women and men alternating, they hold one sex when the places are a multiple of 4."""
    presiding = {p.index for p in places if p.presiding}
    return len(presiding) == 2 and any(
        cycle and presiding <= set(run) for run, cycle in components(places)
    )


def presiding_warnings(plan: list[list[str]], places: tuple[Place, ...], rules: Rules) -> list[str]:
    if not rules.alternate or rules.layout == Layout.PLATFORM:
        return []
    first = next((p.index for p in places if p.presiding == 1), None)
    second = next((p.index for p in places if p.presiding == 2), None)
    if first is None or second is None:
        return []
    ring = opposite_presidents(places) and len(places) % 4 == 0
    said = []
    for t, keys in enumerate(plan):
        sexes = {rules.gender.get(keys[first], "n"), rules.gender.get(keys[second], "n")}
        words = {"where": where_text(rules.layout, t + 1), "places": len(places)}
        if sexes == {"f"} or sexes == {"m"}:
            said.append(same_sex_warning(sexes.pop(), ring) % words)
        elif ring and sexes == {"f", "m"}:
            said.append(
                _(
                    "%(where)s: on %(places)s places, a multiple of 4, women and men alternate all "
                    "around only if the two presiding places go to people of the same sex; pin "
                    "the guest of honour to the co-host's place to alternate everywhere."
                )
                % words
            )
    return said


def same_sex_warning(sex: str, ring: bool) -> str:
    if ring and sex == "f":
        return _(
            "%(where)s: with women and men alternating on %(places)s places, a multiple of 4, "
            "the two presiding places are both taken by women."
        )
    if ring:
        return _(
            "%(where)s: with women and men alternating on %(places)s places, a multiple of 4, "
            "the two presiding places are both taken by men."
        )
    if sex == "f":
        return _("%(where)s: the two presiding places are both taken by women.")
    return _("%(where)s: the two presiding places are both taken by men.")
