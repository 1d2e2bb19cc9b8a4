"""The Ceremony page's long tables written in Python, one string a row: the order (with the
step between two rows and the attendance's badges), who sits where, the arrivals and the
receiving line, and the forms of address.
At a banquet of 600 the same rows through the template engine (an include per row, a
`{% translate %}` per cell label) took some 100 ms of the page; here a few. The HTML is the
templates' (staff/ceremony/order.html, seating.html, arrivals.html, address.html), which mark
where it goes.

Each is `Written`: made only when a template shows it (the printables read the same context)."""

import html

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def esc(value) -> str:
    """Django's conditional_escape, without a SafeString per call: 600 rows of five cells."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class Written:
    """Rows written when a template first shows them, then kept."""

    def __init__(self, write, *args):
        self.write, self.args, self.text = write, args, None

    def __html__(self) -> str:
        if self.text is None:
            # Every value in the rows went through `esc`.
            self.text = mark_safe(self.write(*self.args))  # noqa: S308
        return self.text

    __str__ = __html__


def order_rows_html(order, may_change: bool) -> str:
    """The order table's body: each OrderRow, after the step that brings it there."""
    rank, why, change = esc(_("Rank")), esc(_("Why here")), esc(_("Change"))
    colspan = 5 if may_change else 4
    out = []
    for row in order:
        placed, key = row.placed, esc(row.placed.attendee.key)
        name = esc(placed.attendee.name)
        if row.step:
            out.append(
                f'<tr class="step"><td colspan="{colspan}"><span aria-hidden="true">↑</span> '
                f"{esc(row.step.text)}</td></tr>\n"
            )
        title = row.attendance.guest.title
        title = f'<br><span class="muted">{esc(title)}</span>' if title else ""
        actions = (
            f'<td class="row-actions no-print"><a href="?change={key}#change">{change}'
            f'<span class="visually-hidden"> {name}</span></a></td>'
            if may_change
            else ""
        )
        out.append(
            f'<tr id="attendee-{key}">\n  <td class="position">{placed.order}</td>\n'
            f"  <td><strong>{name}</strong>\n    {title}\n    {badges(row.attendance)}</td>\n"
            f'  <td data-label="{rank}">{esc(placed.rank_label)}</td>\n'
            f'  <td data-label="{why}">{esc(placed.basis.text)}</td>\n'
            f"  {actions}\n</tr>\n"
        )
    return "".join(out)


def badges(attendance) -> str:
    """What an attendance says beyond the person: role, who invites and speaks, whom they
    represent."""
    out = []
    if attendance.role != "authority":
        role = esc(attendance.role)
        out.append(
            f'<br><span class="badge role-{role}">{esc(attendance.get_role_display())}</span>'
        )
    if attendance.inviting:
        out.append(f'<span class="badge inviting">{esc(_("Inviting"))}</span>')
    if attendance.speaks:
        out.append(f'<span class="badge speaks">{esc(_("Speaks"))}</span>')
    if attendance.capacity != "own":
        capacity = attendance.get_capacity_display()
        whom = None
        if attendance.represents_office:
            whom = attendance.represents_office.label
        elif attendance.represents:
            whom = attendance.represents.name
        text = (
            _("%(capacity)s: %(whom)s") % {"capacity": capacity, "whom": whom} if whom else capacity
        )
        out.append(f'<br><span class="small">{esc(text)}</span>')
    return "\n".join(out)


def seating_rows_html(seating_list) -> str:
    """Who sits where: name, table, place."""
    table, place = esc(_("Table or row")), esc(_("Place"))
    return "\n".join(
        f'<tr><td>{esc(name)}</td><td data-label="{table}">{number}</td>'
        f'<td data-label="{place}">{seat}</td></tr>'
        for name, number, seat in seating_list
    )


def arrivals_items_html(arrivals) -> str:
    """Each arriving attendee, with their rank."""
    return "".join(
        f'<li>{esc(one.attendee.name)} <span class="muted">({esc(one.rank_label)})</span></li>'
        for one in arrivals
    )


def line_items_html(people) -> str:
    """The receiving line, in the order the guests meet them."""
    return "".join(f"<li>{esc(one.attendee.name)}</li>" for one in people)


def address_rows_html(addressed) -> str:
    """How each attendee is addressed: the four forms, "—" where there is none."""
    labels = [
        ("appel", esc(_("Opening (appel)"))),
        ("traitement", esc(_("Third person (traitement)"))),
        ("suscription", esc(_("Envelope (suscription)"))),
        ("closing", esc(_("Closing formula"))),
    ]
    out = []
    for one in addressed:
        forms = one["forms"]
        cells = "".join(
            f'\n  <td data-label="{label}">{esc(getattr(forms, name) or "—")}</td>'
            for name, label in labels
        )
        out.append(f"<tr><td><strong>{esc(one['name'])}</strong></td>{cells}</tr>")
    return "\n".join(out)
