"""The ceremony's closed vocabularies, labelled for people. Their values are the pure rules'
(visits/ceremony/people.py and seating.py), so a row reads straight into a rule's data."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeGroup(models.TextChoices):
    OTHER = "other", _("Other office")
    HEAD_OF_STATE = "head_of_state", _("Head of State")
    GOVERNMENT = "government", _("Member of the Government")
    STATE_REPRESENTATIVE = "state_representative", _("Representative of the State (prefect)")
    ASSEMBLY_PRESIDENT = "assembly_president", _("President of the National Assembly")
    HEAD_OF_MISSION = "head_of_mission", _("Head of a diplomatic mission")
    PARLIAMENTARIAN = "parliamentarian", _("Member of Parliament")
    MAYOR = "mayor", _("Mayor")


class VicePresidentRule(models.TextChoices):
    NONE = "", _("Own rank")
    SAME = "same", _("The office's rank")
    AFTER = "after", _("Right after another office")


class ListScope(models.TextChoices):
    PARIS = "paris", _("Paris (décret 89-655, art. 2)")
    OUTSIDE_PARIS = "outside_paris", _("Outside Paris (décret 89-655, art. 3)")


class Capacity(models.TextChoices):
    OWN = "own", _("In their own right")
    REPRESENTS = "represents", _("Represents someone (keeps their own rank)")
    PRESIDENT_REPRESENTATIVE = (
        "president_representative",
        _("Represents the President of the Republic"),
    )
    INTERIM = "interim", _("Interim holder or legal substitute")
    ADJOINT_FOR_MAYOR = "adjoint_for_mayor", _("Adjoint representing the mayor")
    VICE_PRESIDENT = "vice_president", _("Vice-president representing the president")
    SUBSTITUTE = "substitute", _("Parliamentary substitute (suppléant)")


class DiplomaticClass(models.TextChoices):
    AMBASSADOR = "ambassador", _("Ambassador")
    NUNCIO = "nuncio", _("Apostolic nuncio")
    ENVOY = "envoy", _("Envoy")
    CHARGE = "charge", _("Chargé d'affaires")


class AttendanceRole(models.TextChoices):
    HOST = "host", _("Host")
    GUEST_OF_HONOUR = "guest_of_honour", _("Guest of honour")
    DELEGATION = "delegation", _("Delegation")
    AUTHORITY = "authority", _("Attending authority")


class Layout(models.TextChoices):
    FRENCH = "french", _("Long table, à la française")
    ENGLISH = "english", _("Long table, à l'anglaise")
    ROUND = "round", _("Round tables")
    PLATFORM = "platform", _("Platform or front row")


class PairRule(models.TextChoices):
    APART = "apart", _("Keep apart")
    TOGETHER = "together", _("Seat side by side")


class AddressStyle(models.TextChoices):
    DEFAULT = "default", _("Anyone else (Monsieur, Madame)")
    PRESIDENT_OF_FRANCE = "president_of_france", _("President of the French Republic")
    HEAD_OF_STATE = "head_of_state", _("Head of State (republic)")
    MONARCH = "monarch", _("King or queen")
    ROYAL_HIGHNESS = "royal_highness", _("Royal Highness")
    SERENE_HIGHNESS = "serene_highness", _("Serene Highness")
    PRIME_MINISTER = "prime_minister", _("Prime Minister")
    MINISTER = "minister", _("Minister")
    AMBASSADOR = "ambassador", _("Ambassador")
    MAYOR = "mayor", _("Mayor")
    DEPUTY = "deputy", _("Deputy")
    SENATOR = "senator", _("Senator")
    PREFECT = "prefect", _("Prefect")
    POPE = "pope", _("Pope")
    CARDINAL = "cardinal", _("Cardinal")
    BISHOP = "bishop", _("Bishop or nuncio")


class AddressLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
