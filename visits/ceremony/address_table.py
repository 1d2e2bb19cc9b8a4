"""The seed of the editable forms-of-address table (PROTOCOL_RULES.md § 5): every AddressStyle in
French and English, for a man ("m"), a woman ("f") and anyone whose gender is not recorded ("n").
The data migration copies DEFAULT_FORMS into rows the protocol office edits; the rules fall back
to it only when a row has been deleted.

Placeholders (visits.ceremony.address fills them):
- {name}: the person's name as printed ("Anne Hidalgo");
- {office}: their office as written ("Ministre de l’Europe et des Affaires étrangères"); a clause
  ("…, {office}") whose office is empty is left out;
- {country}, {de_country}: the state, or for a local office its city or area, bare ("Suède") or
  with its preposition ("de Suède", "d’Italie", "du Japon", "des États-Unis"; "of Sweden");
- {appel}, {traitement}: in a closing formula, which repeats the appel (French rule).

The "n" rows use the traditional masculine singular of an office and hold the mixed plural
("Mesdames et Messieurs les Ambassadeurs"). A pope, a cardinal or a bishop has no feminine row
of their own: their "f" rows copy the "m" ones so the lookup never lands on "Madame".
"""

from visits.ceremony.address_table_offices import OFFICES_AND_CHURCH
from visits.ceremony.address_table_state import STATE_AND_DIPLOMACY
from visits.ceremony.people import AddressForm

DEFAULT_FORMS: tuple[AddressForm, ...] = (*STATE_AND_DIPLOMACY, *OFFICES_AND_CHURCH)
