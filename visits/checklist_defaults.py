"""The retro-planning each kind of visit starts with (officers edit it in the admin): tasks as
(French, English, day relative to the visit's first day)."""

INVITATIONS = ("Envoyer les invitations", "Send the invitations", -21)
INTERPRETERS = ("Réserver les interprètes", "Book the interpreters", -14)
GIFT = ("Choisir et faire graver le cadeau", "Choose and engrave the gift", -7)
FLAGS = ("Pavoisement et hymnes", "Flags and anthems", -2)
RUN_SHEET = ("Diffuser le déroulé", "Send out the run-sheet", -1)
THANKS = ("Lettres de remerciement", "Thank-you letters", 3)
PUBLICATION = ("Publication sur paris.fr", "Publication on paris.fr", 10)
SECURITY = ("Réunion de sécurité avec la préfecture", "Security meeting with the Préfecture", -14)
DIPLOMA = ("Diplôme et médaille", "Diploma and medal", -14)
SPEECH = ("Discours du Maire", "The Mayor's speech", -7)
PACT = ("Texte du pacte, en deux langues", "The pact's text, in both languages", -14)

CHECKLISTS = {
    "state_visit": [
        INVITATIONS,
        SECURITY,
        INTERPRETERS,
        GIFT,
        FLAGS,
        RUN_SHEET,
        THANKS,
        PUBLICATION,
    ],
    "official_visit": [INVITATIONS, INTERPRETERS, GIFT, FLAGS, RUN_SHEET, THANKS, PUBLICATION],
    "working_visit": [INTERPRETERS, RUN_SHEET, THANKS],
    "mayor_visit": [INVITATIONS, INTERPRETERS, GIFT, FLAGS, RUN_SHEET, THANKS, PUBLICATION],
    "honorary_citizenship": [INVITATIONS, DIPLOMA, SPEECH, RUN_SHEET, THANKS, PUBLICATION],
    "twinning": [INVITATIONS, PACT, INTERPRETERS, GIFT, FLAGS, RUN_SHEET, THANKS, PUBLICATION],
    "reception": [INVITATIONS, RUN_SHEET, THANKS],
    "other": [RUN_SHEET],
}


def install_checklists(Template, Task) -> None:  # noqa: N803 (model classes, maybe historical)
    """Each kind's template, unless the office already has one for it."""
    for kind, tasks in CHECKLISTS.items():
        template, created = Template.objects.get_or_create(visit_kind=kind)
        if created:
            Task.objects.bulk_create(
                Task(template=template, title_fr=fr, title_en=en, days_from_visit=day)
                for fr, en, day in tasks
            )
