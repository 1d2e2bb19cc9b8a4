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

from __future__ import annotations

from visits.ceremony.people import AddressForm, AddressStyle

S = AddressStyle

# Closings scale with rank: très haute considération for heads of state and government and for
# ambassadors, haute for local and parliamentary offices, distinguée for anyone else; sovereigns
# and clergy receive respect (hommage) instead.
FR_VERY_HIGH = "Je vous prie d’agréer, {appel}, l’assurance de ma très haute considération."
FR_HIGH = "Je vous prie d’agréer, {appel}, l’assurance de ma haute considération."
FR_DISTINGUISHED = "Je vous prie d’agréer, {appel}, l’assurance de ma considération distinguée."
FR_HOMAGE = "Je prie {traitement} d’agréer l’hommage de mon profond respect."
FR_RESPECT = "Je vous prie d’agréer, {appel}, l’assurance de mon profond respect."
EN_HIGHEST = "Please accept, {appel}, the assurance of my highest consideration."
EN_RESPECT = "Please accept, {traitement}, the assurance of my deepest respect."
EN_SINCERELY = "Yours sincerely,"
EN_FAITHFULLY = "Yours faithfully,"

# One row's texts, in AddressForm's order: appel, traitement, suscription, place card, closing,
# plural.
Texts = tuple[str, str, str, str, str, str]


def _rows(style: AddressStyle, language: str, m: Texts, f: Texts, n: Texts):
    return tuple(
        AddressForm(style, language, gender, *texts)
        for gender, texts in (("m", m), ("f", f), ("n", n))
    )


def _same(texts: Texts, plural: str) -> Texts:
    """The masculine row's singular with another plural: the "n" row of an office."""
    return texts[:5] + (plural,)


def _office_fr(style, titles, suscriptions, cards, closing, plurals):
    """Offices whose French titles agree with the holder ("Monsieur le Maire", "Madame la
    Maire"): each argument is a (masculine, feminine) pair; `plurals` are the nouns in the
    plural ("Députés", "Députées"), the mixed greeting takes the masculine one."""
    plural_m, plural_f = plurals
    m = (titles[0], titles[0], suscriptions[0], cards[0], closing, f"Messieurs les {plural_m}")
    f = (titles[1], titles[1], suscriptions[1], cards[1], closing, f"Mesdames les {plural_f}")
    return _rows(style, "fr", m, f, _same(m, f"Mesdames et Messieurs les {plural_m}"))


def _en(style, m: Texts, f: Texts, n: Texts):
    return _rows(style, "en", m, f, n)


DEFAULT_FORMS: tuple[AddressForm, ...] = (
    # Anyone the table does not name: "Monsieur", "Madame"; "Madame, Monsieur" when unknown.
    *_rows(
        S.DEFAULT,
        "fr",
        (
            "Monsieur",
            "Monsieur",
            "Monsieur {name}, {office}",
            "{name}",
            FR_DISTINGUISHED,
            "Messieurs",
        ),
        ("Madame", "Madame", "Madame {name}, {office}", "{name}", FR_DISTINGUISHED, "Mesdames"),
        (
            "Madame, Monsieur",
            "Madame, Monsieur",
            "{name}, {office}",
            "{name}",
            FR_DISTINGUISHED,
            "Mesdames et Messieurs",
        ),
    ),
    *_en(
        S.DEFAULT,
        ("Dear Sir", "Sir", "Mr {name}, {office}", "{name}", EN_FAITHFULLY, "Gentlemen"),
        ("Dear Madam", "Madam", "Ms {name}, {office}", "{name}", EN_FAITHFULLY, "Ladies"),
        (
            "Dear Sir or Madam",
            "Sir or Madam",
            "{name}, {office}",
            "{name}",
            EN_FAITHFULLY,
            "Ladies and Gentlemen",
        ),
    ),
    # The President of the French Republic: no "Excellence" for French officials.
    *_rows(
        S.PRESIDENT_OF_FRANCE,
        "fr",
        m := (
            "Monsieur le Président de la République",
            "Monsieur le Président",
            "Monsieur le Président de la République",
            "Le Président de la République",
            FR_VERY_HIGH,
            "Messieurs les Présidents",
        ),
        (
            "Madame la Présidente de la République",
            "Madame la Présidente",
            "Madame la Présidente de la République",
            "La Présidente de la République",
            FR_VERY_HIGH,
            "Mesdames les Présidentes",
        ),
        _same(m, "Mesdames et Messieurs les Présidents"),
    ),
    *_en(
        S.PRESIDENT_OF_FRANCE,
        m := (
            "Mr President",
            "Mr President",
            "The President of the French Republic",
            "The President of the French Republic",
            EN_HIGHEST,
            "Presidents",
        ),
        ("Madam President", "Madam President") + m[2:],
        m,
    ),
    # A foreign head of state (republic): an Excellency.
    *_rows(
        S.HEAD_OF_STATE,
        "fr",
        m := (
            "Monsieur le Président",
            "Votre Excellence",
            "Son Excellence Monsieur {name}, Président {de_country}",
            "Son Excellence Monsieur {name}",
            FR_VERY_HIGH,
            "Messieurs les Présidents",
        ),
        (
            "Madame la Présidente",
            "Votre Excellence",
            "Son Excellence Madame {name}, Présidente {de_country}",
            "Son Excellence Madame {name}",
            FR_VERY_HIGH,
            "Mesdames les Présidentes",
        ),
        _same(m, "Mesdames et Messieurs les Présidents"),
    ),
    *_en(
        S.HEAD_OF_STATE,
        (
            "Mr President",
            "Your Excellency",
            "His Excellency {name}, President {de_country}",
            "His Excellency {name}",
            EN_HIGHEST,
            "Your Excellencies",
        ),
        (
            "Madam President",
            "Your Excellency",
            "Her Excellency {name}, President {de_country}",
            "Her Excellency {name}",
            EN_HIGHEST,
            "Your Excellencies",
        ),
        (
            "Mr President",
            "Your Excellency",
            "H.E. {name}, President {de_country}",
            "H.E. {name}",
            EN_HIGHEST,
            "Your Excellencies",
        ),
    ),
    # Sovereigns and highnesses: the closing is addressed through the traitement.
    *_rows(
        S.MONARCH,
        "fr",
        m := (
            "Sire",
            "Votre Majesté",
            "Sa Majesté {name}, Roi {de_country}",
            "Sa Majesté le Roi {de_country}",
            FR_HOMAGE,
            "Vos Majestés",
        ),
        (
            "Madame",
            "Votre Majesté",
            "Sa Majesté {name}, Reine {de_country}",
            "Sa Majesté la Reine {de_country}",
            FR_HOMAGE,
            "Vos Majestés",
        ),
        m,
    ),
    *_en(
        S.MONARCH,
        m := (
            "Your Majesty",
            "Your Majesty",
            "His Majesty {name}, King {de_country}",
            "His Majesty the King {de_country}",
            EN_RESPECT,
            "Your Majesties",
        ),
        (
            "Your Majesty",
            "Your Majesty",
            "Her Majesty {name}, Queen {de_country}",
            "Her Majesty the Queen {de_country}",
            EN_RESPECT,
            "Your Majesties",
        ),
        m,
    ),
    *_rows(
        S.ROYAL_HIGHNESS,
        "fr",
        m := (
            "Monseigneur",
            "Votre Altesse Royale",
            "Son Altesse Royale {name}",
            "Son Altesse Royale {name}",
            FR_HOMAGE,
            "Vos Altesses Royales",
        ),
        ("Madame",) + m[1:],
        m,
    ),
    *_en(
        S.ROYAL_HIGHNESS,
        m := (
            "Your Royal Highness",
            "Your Royal Highness",
            "His Royal Highness {name}",
            "His Royal Highness {name}",
            EN_RESPECT,
            "Your Royal Highnesses",
        ),
        m[:2] + ("Her Royal Highness {name}", "Her Royal Highness {name}") + m[4:],
        m,
    ),
    *_rows(
        S.SERENE_HIGHNESS,
        "fr",
        m := (
            "Monseigneur",
            "Votre Altesse Sérénissime",
            "Son Altesse Sérénissime {name}",
            "Son Altesse Sérénissime {name}",
            FR_HOMAGE,
            "Vos Altesses Sérénissimes",
        ),
        ("Madame",) + m[1:],
        m,
    ),
    *_en(
        S.SERENE_HIGHNESS,
        m := (
            "Your Serene Highness",
            "Your Serene Highness",
            "His Serene Highness {name}",
            "His Serene Highness {name}",
            EN_RESPECT,
            "Your Serene Highnesses",
        ),
        m[:2] + ("Her Serene Highness {name}", "Her Serene Highness {name}") + m[4:],
        m,
    ),
    # The Government and the offices whose titles agree with the holder.
    *_office_fr(
        S.PRIME_MINISTER,
        ("Monsieur le Premier ministre", "Madame la Première ministre"),
        (
            "Monsieur {name}, Premier ministre {de_country}",
            "Madame {name}, Première ministre {de_country}",
        ),
        ("Monsieur le Premier ministre {de_country}", "Madame la Première ministre {de_country}"),
        FR_VERY_HIGH,
        ("Premiers ministres", "Premières ministres"),
    ),
    *_en(
        S.PRIME_MINISTER,
        m := (
            "Prime Minister",
            "Prime Minister",
            "{name}, Prime Minister {de_country}",
            "The Prime Minister {de_country}",
            EN_HIGHEST,
            "Prime Ministers",
        ),
        m,
        m,
    ),
    *_office_fr(
        S.MINISTER,
        ("Monsieur le Ministre", "Madame la Ministre"),
        ("Monsieur {name}, {office} {de_country}", "Madame {name}, {office} {de_country}"),
        ("Monsieur le Ministre {de_country}", "Madame la Ministre {de_country}"),
        FR_HIGH,
        ("Ministres", "Ministres"),
    ),
    *_en(
        S.MINISTER,
        m := (
            "Minister",
            "Minister",
            "{name}, {office} {de_country}",
            "The Minister {de_country}",
            EN_SINCERELY,
            "Ministers",
        ),
        m,
        m,
    ),
    # An ambassador is an Excellency in the country that receives them.
    *_rows(
        S.AMBASSADOR,
        "fr",
        m := (
            "Monsieur l’Ambassadeur",
            "Votre Excellence",
            "Son Excellence Monsieur {name}, Ambassadeur {de_country}",
            "Monsieur l’Ambassadeur {de_country}",
            FR_VERY_HIGH,
            "Messieurs les Ambassadeurs",
        ),
        (
            "Madame l’Ambassadrice",
            "Votre Excellence",
            "Son Excellence Madame {name}, Ambassadrice {de_country}",
            "Madame l’Ambassadrice {de_country}",
            FR_VERY_HIGH,
            "Mesdames les Ambassadrices",
        ),
        _same(m, "Mesdames et Messieurs les Ambassadeurs"),
    ),
    *_en(
        S.AMBASSADOR,
        m := (
            "Your Excellency",
            "Your Excellency",
            "His Excellency {name}, Ambassador {de_country}",
            "The Ambassador {de_country}",
            EN_HIGHEST,
            "Your Excellencies",
        ),
        m[:2] + ("Her Excellency {name}, Ambassador {de_country}",) + m[3:],
        m[:2] + ("H.E. {name}, Ambassador {de_country}",) + m[3:],
    ),
    *_office_fr(
        S.MAYOR,
        ("Monsieur le Maire", "Madame la Maire"),
        ("Monsieur {name}, Maire {de_country}", "Madame {name}, Maire {de_country}"),
        ("Monsieur le Maire {de_country}", "Madame la Maire {de_country}"),
        FR_HIGH,
        ("Maires", "Maires"),
    ),
    *_en(
        S.MAYOR,
        m := (
            "Mr Mayor",
            "Mr Mayor",
            "{name}, Mayor {de_country}",
            "The Mayor {de_country}",
            EN_SINCERELY,
            "Mayors",
        ),
        ("Madam Mayor", "Madam Mayor") + m[2:],
        ("Mayor", "Mayor") + m[2:],
    ),
    *_office_fr(
        S.DEPUTY,
        ("Monsieur le Député", "Madame la Députée"),
        ("Monsieur {name}, Député {de_country}", "Madame {name}, Députée {de_country}"),
        ("Monsieur le Député {de_country}", "Madame la Députée {de_country}"),
        FR_HIGH,
        ("Députés", "Députées"),
    ),
    *_en(
        S.DEPUTY,
        m := (
            "Honourable Member",
            "Honourable Member",
            "{name}, Member of Parliament",
            "{name}, Member of Parliament",
            EN_SINCERELY,
            "Members of Parliament",
        ),
        m,
        m,
    ),
    *_office_fr(
        S.SENATOR,
        ("Monsieur le Sénateur", "Madame la Sénatrice"),
        ("Monsieur {name}, Sénateur {de_country}", "Madame {name}, Sénatrice {de_country}"),
        ("Monsieur le Sénateur {de_country}", "Madame la Sénatrice {de_country}"),
        FR_HIGH,
        ("Sénateurs", "Sénatrices"),
    ),
    *_en(
        S.SENATOR,
        m := ("Senator", "Senator", "Senator {name}", "Senator {name}", EN_SINCERELY, "Senators"),
        m,
        m,
    ),
    *_office_fr(
        S.PREFECT,
        ("Monsieur le Préfet", "Madame la Préfète"),
        ("Monsieur {name}, Préfet {de_country}", "Madame {name}, Préfète {de_country}"),
        ("Monsieur le Préfet {de_country}", "Madame la Préfète {de_country}"),
        FR_HIGH,
        ("Préfets", "Préfètes"),
    ),
    *_en(
        S.PREFECT,
        m := (
            "Prefect",
            "Prefect",
            "{name}, Prefect {de_country}",
            "The Prefect {de_country}",
            EN_SINCERELY,
            "Prefects",
        ),
        m,
        m,
    ),
    # The Church: no feminine rows of their own (see the module's docstring).
    *_rows(
        S.POPE,
        "fr",
        m := (
            "Très Saint-Père",
            "Votre Sainteté",
            "Sa Sainteté le Pape {name}",
            "Sa Sainteté le Pape {name}",
            FR_HOMAGE,
            "Très Saint-Père",
        ),
        m,
        m,
    ),
    *_en(
        S.POPE,
        m := (
            "Your Holiness",
            "Your Holiness",
            "His Holiness Pope {name}",
            "His Holiness Pope {name}",
            EN_RESPECT,
            "Your Holiness",
        ),
        m,
        m,
    ),
    *_rows(
        S.CARDINAL,
        "fr",
        m := (
            "Monsieur le Cardinal",
            "Votre Éminence",
            "Son Éminence le Cardinal {name}, {office}",
            "Son Éminence le Cardinal {name}",
            FR_HOMAGE,
            "Vos Éminences",
        ),
        m,
        m,
    ),
    *_en(
        S.CARDINAL,
        m := (
            "Your Eminence",
            "Your Eminence",
            "His Eminence Cardinal {name}, {office}",
            "His Eminence Cardinal {name}",
            EN_RESPECT,
            "Your Eminences",
        ),
        m,
        m,
    ),
    # Bishops and the apostolic nuncio.
    *_rows(
        S.BISHOP,
        "fr",
        m := (
            "Monseigneur",
            "Votre Excellence",
            "Son Excellence Monseigneur {name}, {office}",
            "Son Excellence Monseigneur {name}",
            FR_RESPECT,
            "Messeigneurs",
        ),
        m,
        m,
    ),
    *_en(
        S.BISHOP,
        m := (
            "Your Excellency",
            "Your Excellency",
            "His Excellency the Most Reverend {name}, {office}",
            "His Excellency {name}",
            EN_RESPECT,
            "Your Excellencies",
        ),
        m,
        m,
    ),
)
