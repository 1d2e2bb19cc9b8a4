"""The demo's invitations (issue 17): the state visit's reception invites its authorities and
ambassadors, whose replies came as the services take them (accepted, one with a companion and a
dietary need, one represented, one declined; the others not yet), so that the Invitations page,
the reply page and the door show something on the first `make run`."""

from datetime import timedelta

from visits.models import AddressCard, Reception
from visits.models.invitations import Answer
from visits.services.invitations import invite, reply

INVITED = [
    "prefect", "prefect-of-police", "minister", "deputy-2012", "deputy-2017", "councillor-2008",
    "councillor-2014", "ambassador-jp", "ambassador-br", "nuncio", "writer",
]  # fmt: skip
REPLIES = {
    "prefect": {"answer": Answer.ACCEPT},
    "ambassador-jp": {
        "answer": Answer.ACCEPT,
        "with_companion": True,
        "companion_name": "Yuki Tanaka",
        "dietary_needs": "Sans fruits de mer",
    },
    "minister": {
        "answer": Answer.REPRESENTED,
        "representative_name": "Hugo Lefèvre",
        "representative_title": "Directeur de cabinet",  # no rank of his own: art. 13
    },
    "deputy-2012": {"answer": Answer.DECLINE},
    "writer": {"answer": Answer.ACCEPT, "accessibility_needs": "Fauteuil roulant"},
}


def invite_to_reception(reception, people) -> None:
    """Invitations to `reception` with the deadline five days before it; replies two days
    before the deadline, whatever today is."""
    reply_by = reception.starts_at - timedelta(days=5)
    Reception.objects.create(
        engagement=reception,
        reply_by=reply_by,
        entrance_fr="Entrée par le 5, rue de Lobau",
        entrance_en="Entrance at 5 rue de Lobau",
        dress_code_fr="Tenue de ville",
        dress_code_en="Lounge suit",
    )
    guests = [people[key] for key in INVITED]
    AddressCard.objects.bulk_create(
        AddressCard(guest=guest, email=f"{key}@example.org")
        for key, guest in zip(INVITED, guests, strict=True)
        if not AddressCard.objects.filter(guest=guest).exists()
    )
    invited = {
        one.guest_id: one
        for one in invite(reception, guests, by=None, companion_allowed=True, transferable=True)
    }
    for key, answer in REPLIES.items():
        reply(invited[people[key].pk], now=reply_by - timedelta(days=2), **answer)
