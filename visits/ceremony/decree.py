# ruff: noqa: E501 (a data table: one office a line reads better than wrapped calls)
"""The precedence lists of décret n° 89-655 as seed data: the offices, D art. 2 (Paris) and
D art. 3 (elsewhere). Plain data the lead's data migration copies into editable rows; the
office edits the rows, not this file (PROTOCOL_RULES.md § 1.1).

The numbering follows the décret as far as PROTOCOL_RULES.md gives it, completed from public
transcriptions of the text in force (art. 2 as updated by décret n° 2019-1200, art. 3 as
updated by décret n° 2024-159). Ranks 24 and below in Paris and 15 and below outside Paris are
the least certain: check them against Légifrance before relying on them. Labels are data in
both languages, not gettext strings: they are edited with the rows.

Conventions the ranking reads (ranking.py): a list may name a "former_<code>" office (former
Presidents, former Prime Ministers), where a former holder of <code> then ranks; an office a
list does not name ranks only through an override (art. 17 for heads of mission) or the
office's "place after rank" (art. 18)."""

from __future__ import annotations

from datetime import date

from visits.ceremony.people import ListedRank, Office, OfficeGroup, PrecedenceRules
from visits.ceremony.people import VicePresidentRule as VP

G = OfficeGroup
LOCAL_ELECTED = {"national": False, "elected": True}

# fmt: off
OFFICES: tuple[Office, ...] = (
    # National authorities (D art. 2, 1° to 19°).
    Office("president_of_the_republic", "Président de la République", "President of the Republic", G.HEAD_OF_STATE),
    Office("prime_minister", "Premier ministre", "Prime Minister", G.GOVERNMENT),
    Office("president_of_the_senate", "Président du Sénat", "President of the Senate", elected=True, vice_president_rule=VP.AFTER, vice_president_after="president_of_the_national_assembly"),
    Office("president_of_the_national_assembly", "Président de l'Assemblée nationale", "President of the National Assembly", G.ASSEMBLY_PRESIDENT, elected=True, vice_president_rule=VP.SAME),
    Office("former_president_of_the_republic", "Anciens présidents de la République", "Former Presidents of the Republic"),
    Office("minister", "Membres du Gouvernement", "Members of the Government", G.GOVERNMENT),
    Office("former_prime_minister", "Anciens Premiers ministres", "Former Prime Ministers"),
    Office("president_of_the_constitutional_council", "Président du Conseil constitutionnel", "President of the Constitutional Council"),
    Office("vice_president_of_the_council_of_state", "Vice-président du Conseil d'État", "Vice-President of the Council of State"),
    Office("president_of_the_cese", "Président du Conseil économique, social et environnemental", "President of the Economic, Social and Environmental Council", vice_president_rule=VP.SAME),
    Office("defender_of_rights", "Défenseur des droits", "Defender of Rights"),
    Office("deputy", "Députés", "Deputies", G.PARLIAMENTARIAN, elected=True),
    Office("senator", "Sénateurs", "Senators", G.PARLIAMENTARIAN, elected=True),
    Office("member_of_the_european_parliament", "Représentants au Parlement européen", "Members of the European Parliament", elected=True),
    Office("first_president_of_the_court_of_cassation", "Premier président de la Cour de cassation", "First President of the Court of Cassation"),
    Office("prosecutor_general_at_the_court_of_cassation", "Procureur général près la Cour de cassation", "Prosecutor General at the Court of Cassation"),
    Office("first_president_of_the_court_of_audit", "Premier président de la Cour des comptes", "First President of the Court of Audit"),
    Office("prosecutor_general_at_the_court_of_audit", "Procureur général près la Cour des comptes", "Prosecutor General at the Court of Audit"),
    Office("grand_chancellor_of_the_legion_of_honour", "Grand chancelier de la Légion d'honneur", "Grand Chancellor of the Legion of Honour"),
    Office("chief_of_the_defence_staff", "Chef d'état-major des armées", "Chief of the Defence Staff", military=True),
    Office("national_delegate_of_the_order_of_liberation", "Délégué national de l'ordre de la Libération", "National Delegate of the Order of Liberation"),
    # Paris (D art. 2, 20° and below).
    Office("prefect_of_paris", "Préfet de la région d'Île-de-France, préfet de Paris", "Prefect of the Île-de-France region, Prefect of Paris", G.STATE_REPRESENTATIVE),
    Office("prefect_of_police", "Préfet de police", "Prefect of Police"),
    Office("mayor_of_paris", "Maire de Paris", "Mayor of Paris", G.MAYOR, **LOCAL_ELECTED),
    Office("president_of_the_regional_council", "Président du conseil régional", "President of the Regional Council", vice_president_rule=VP.SAME, **LOCAL_ELECTED),
    Office("chancellor_of_the_institut_de_france", "Chancelier de l'Institut de France et secrétaires perpétuels des académies", "Chancellor of the Institut de France and permanent secretaries of the academies"),
    Office("secretaries_general_of_the_state", "Secrétaires généraux du Gouvernement, de la défense et de la sécurité nationale et du ministère des affaires étrangères", "Secretaries-General of the Government, of Defence and National Security, and of the Ministry of Foreign Affairs"),
    Office("president_of_the_administrative_court_of_appeal", "Président de la cour administrative d'appel", "President of the Administrative Court of Appeal"),
    Office("first_president_of_the_court_of_appeal", "Premier président de la cour d'appel", "First President of the Court of Appeal"),
    Office("prosecutor_general_at_the_court_of_appeal", "Procureur général près la cour d'appel", "Prosecutor General at the Court of Appeal"),
    Office("chiefs_of_staff_and_military_governor", "Délégué général pour l'armement, chefs d'état-major d'armée, gouverneur militaire de Paris", "Director-General for Armament, Chiefs of Staff of the services, Military Governor of Paris", military=True),
    Office("president_of_the_hatvp", "Président de la Haute Autorité pour la transparence de la vie publique", "President of the High Authority for Transparency in Public Life"),
    Office("president_of_the_audiovisual_regulator", "Président de l'Arcom (ancien Conseil supérieur de l'audiovisuel)", "President of Arcom (formerly the Higher Audiovisual Council)"),
    Office("president_of_the_cnil", "Président de la Commission nationale de l'informatique et des libertés", "President of the CNIL (data protection authority)"),
    Office("president_of_the_competition_authority", "Président de l'Autorité de la concurrence", "President of the Competition Authority"),
    Office("president_of_the_amf", "Président de l'Autorité des marchés financiers", "President of the Financial Markets Authority"),
    Office("rector", "Recteur d'académie, chancelier des universités", "Rector of the academy, Chancellor of the universities"),
    Office("senior_civil_servants", "Hauts-commissaires, délégués, secrétaires généraux et directeurs d'administration centrale", "High commissioners, delegates, secretaries-general and directors of central government"),
    Office("governor_of_the_banque_de_france", "Gouverneur de la Banque de France, directeur général de la Caisse des dépôts", "Governor of the Banque de France, Director-General of the Caisse des dépôts"),
    Office("president_of_the_administrative_court", "Président du tribunal administratif", "President of the Administrative Court"),
    Office("president_of_the_judicial_court", "Président du tribunal judiciaire", "President of the Judicial Court"),
    Office("public_prosecutor", "Procureur de la République", "Public Prosecutor"),
    Office("president_of_the_regional_audit_chamber", "Président de la chambre régionale des comptes", "President of the Regional Audit Chamber"),
    Office("prefects_of_the_paris_prefectures", "Préfets en fonctions à la préfecture de région et à la préfecture de police", "Prefects serving at the regional prefecture and the prefecture of police"),
    Office("councillor_of_paris", "Conseillers de Paris", "Councillors of Paris", **LOCAL_ELECTED),
    Office("regional_councillor", "Conseillers régionaux", "Regional councillors", **LOCAL_ELECTED),
    Office("general_officers", "Officiers généraux", "General and flag officers", military=True),
    Office("university_president", "Présidents d'université, directeurs des grandes écoles et des grands établissements de recherche", "University presidents, directors of the grandes écoles and national research establishments"),
    Office("president_of_the_commercial_court", "Président du tribunal de commerce", "President of the Commercial Court"),
    Office("president_of_the_labour_court", "Président du conseil de prud'hommes", "President of the Labour Court"),
    Office("secretary_general_of_the_city_of_paris", "Secrétaire général de la Ville de Paris", "Secretary-General of the City of Paris"),
    Office("director_general_of_the_region", "Directeur général des services de la région", "Director-General of the Region's services"),
    Office("presidents_of_academies", "Présidents et secrétaires perpétuels des académies", "Presidents and permanent secretaries of the academies"),
    Office("president_of_the_ceser", "Président du conseil économique, social et environnemental régional", "President of the Regional Economic, Social and Environmental Council"),
    Office("heads_of_state_services", "Chefs des services déconcentrés de l'État", "Heads of the State's local services"),
    Office("presidents_of_national_chambers", "Présidents de CCI France, de Chambres d'agriculture France et de CMA France", "Presidents of the national chambers of commerce, agriculture and trades"),
    Office("president_of_the_chamber_of_commerce", "Président de la chambre de commerce et d'industrie", "President of the Chamber of Commerce and Industry"),
    Office("president_of_the_chamber_of_agriculture", "Président de la chambre d'agriculture", "President of the Chamber of Agriculture"),
    Office("president_of_the_chamber_of_trades", "Président de la chambre de métiers et de l'artisanat", "President of the Chamber of Trades and Crafts"),
    Office("president_of_the_supreme_courts_bar", "Président de l'ordre des avocats au Conseil d'État et à la Cour de cassation", "President of the Bar of the Council of State and the Court of Cassation"),
    Office("batonnier", "Bâtonnier de l'ordre des avocats", "President of the Bar (bâtonnier)"),
    Office("presidents_of_professional_orders", "Présidents des conseils nationaux des ordres professionnels", "Presidents of the national councils of the professional orders"),
    Office("directors_of_the_city_of_paris", "Directeurs des services de la Ville de Paris", "Directors of the City of Paris's departments"),
    Office("police_and_gendarmerie_officers", "Commissaires de police, officiers de gendarmerie et de la brigade de sapeurs-pompiers de Paris", "Police superintendents, officers of the gendarmerie and of the Paris Fire Brigade"),
    Office("president_of_the_notaries_council", "Président du Conseil supérieur du notariat", "President of the Higher Council of Notaries"),
    Office("president_of_the_judicial_officers_chamber", "Président de la Chambre nationale des commissaires de justice", "President of the National Chamber of Judicial Officers"),
    Office("president_of_the_auditors_company", "Président de la Compagnie nationale des commissaires aux comptes", "President of the National Company of Statutory Auditors"),
    # Outside Paris (D art. 3).
    Office("prefect", "Préfet, représentant de l'État dans le département", "Prefect, the State's representative in the département", G.STATE_REPRESENTATIVE),
    Office("president_of_the_departmental_council", "Président du conseil départemental", "President of the Departmental Council", vice_president_rule=VP.SAME, **LOCAL_ELECTED),
    Office("mayor", "Maire de la commune où se déroule la cérémonie", "Mayor of the commune where the ceremony takes place", G.MAYOR, **LOCAL_ELECTED),
    Office("regional_military_commanders", "Officiers généraux commandant les régions terre, maritime, aérienne et de gendarmerie", "General officers commanding the army, maritime, air and gendarmerie regions", military=True),
    Office("maritime_district_commander", "Amiral commandant l'arrondissement maritime, général commandant la région de gendarmerie", "Admiral commanding the maritime district, General commanding the gendarmerie region", military=True),
    Office("dignitaries_of_the_national_orders", "Dignitaires de la Légion d'honneur et de l'ordre national du Mérite, compagnons de la Libération", "Dignitaries of the Legion of Honour and of the National Order of Merit, Companions of the Liberation"),
    Office("president_of_the_intercommunality", "Président de l'intercommunalité dont la commune est membre", "President of the commune's intercommunal council", **LOCAL_ELECTED),
    Office("departmental_councillor", "Conseillers départementaux", "Departmental councillors", **LOCAL_ELECTED),
    Office("mayor_of_another_commune", "Maires des autres communes du département", "Mayors of the département's other communes", G.MAYOR, **LOCAL_ELECTED),
    Office("adjoint_of_the_commune", "Adjoints au maire de la commune", "Deputy mayors of the commune", **LOCAL_ELECTED),
    Office("councillor_of_the_commune", "Conseillers municipaux de la commune", "Municipal councillors of the commune", **LOCAL_ELECTED),
    Office("hospital_director", "Directeur du centre hospitalier", "Director of the hospital"),
    Office("officers_commanding_in_the_departement", "Officiers commandant les forces armées dans le département", "Officers commanding the armed forces in the département", military=True),
    Office("presidents_of_veterans_associations", "Présidents des associations d'anciens combattants et victimes de guerre", "Presidents of veterans' and war victims' associations"),
    Office("representatives_of_the_faiths", "Représentants des cultes", "Representatives of the faiths"),
    # On no list: ranked by art. 17 (heads of mission) or placed by the office (art. 18).
    Office("foreign_ambassador", "Ambassadeurs étrangers", "Foreign ambassadors", G.HEAD_OF_MISSION),
    Office("nuncio", "Nonce apostolique", "Apostolic Nuncio", G.HEAD_OF_MISSION),
    Office("foreign_charge_d_affaires", "Chargés d'affaires étrangers", "Foreign chargés d'affaires", G.HEAD_OF_MISSION),
    Office("foreign_consul", "Consuls étrangers", "Foreign consuls"),
    Office("foreign_head_of_state", "Chef d'État étranger", "Foreign head of state"),
    Office("foreign_head_of_government", "Chef de gouvernement étranger", "Foreign head of government"),
    Office("foreign_minister", "Ministre d'un gouvernement étranger", "Minister of a foreign government"),
    Office("foreign_mayor", "Maire d'une ville étrangère", "Mayor of a foreign city", **LOCAL_ELECTED),
    Office("adjoint_au_maire", "Adjoint au maire de Paris", "Deputy Mayor of Paris", **LOCAL_ELECTED),
    Office("mayor_of_an_arrondissement", "Maire d'arrondissement", "Mayor of an arrondissement", **LOCAL_ELECTED),
    Office("suppleant", "Suppléant d'un parlementaire", "Parliamentary substitute"),
)
# fmt: on
OFFICE_BY_CODE: dict[str, Office] = {office.code: office for office in OFFICES}


def _ranks(article: str, rows: tuple[tuple[int, str], ...]) -> tuple[ListedRank, ...]:
    """Rows of (position, office code); a row's article may be given as a third item."""
    return tuple(
        ListedRank(row[0], OFFICE_BY_CODE[row[1]], row[2] if len(row) > 2 else article)
        for row in rows
    )


# D art. 2: Paris. Several offices share a position where the décret names them in one item;
# their order in the item is kept (ranking reads it as the décret's own order).
PARIS_ROWS = (
    (1, "president_of_the_republic"),
    (2, "prime_minister"),
    (3, "president_of_the_senate"),
    (4, "president_of_the_national_assembly"),
    (5, "former_president_of_the_republic"),
    (6, "minister"),
    (7, "former_prime_minister"),
    (8, "president_of_the_constitutional_council"),
    (9, "vice_president_of_the_council_of_state"),
    (10, "president_of_the_cese"),
    (11, "defender_of_rights"),
    (12, "deputy"),
    (13, "senator"),
    (14, "member_of_the_european_parliament"),
    (15, "first_president_of_the_court_of_cassation"),
    (15, "prosecutor_general_at_the_court_of_cassation"),
    (16, "first_president_of_the_court_of_audit"),
    (16, "prosecutor_general_at_the_court_of_audit"),
    (17, "grand_chancellor_of_the_legion_of_honour"),
    (18, "chief_of_the_defence_staff"),  # before the Order of Liberation since its 2017 reform
    (19, "national_delegate_of_the_order_of_liberation"),
    (20, "prefect_of_paris"),
    (21, "prefect_of_police"),
    (22, "mayor_of_paris"),
    (23, "president_of_the_regional_council"),
    (24, "chancellor_of_the_institut_de_france"),
    (25, "secretaries_general_of_the_state"),
    (26, "president_of_the_administrative_court_of_appeal"),
    (26, "first_president_of_the_court_of_appeal"),
    (26, "prosecutor_general_at_the_court_of_appeal"),
    (27, "chiefs_of_staff_and_military_governor"),
    (28, "president_of_the_hatvp"),
    (29, "president_of_the_audiovisual_regulator"),
    (30, "president_of_the_cnil"),
    (31, "president_of_the_competition_authority"),
    (32, "president_of_the_amf"),
    (33, "rector"),
    (34, "senior_civil_servants"),
    (35, "governor_of_the_banque_de_france"),
    (36, "president_of_the_administrative_court"),
    (36, "president_of_the_judicial_court"),
    (36, "public_prosecutor"),
    (36, "president_of_the_regional_audit_chamber"),
    (37, "prefects_of_the_paris_prefectures"),
    (38, "councillor_of_paris"),  # "around 37" in PROTOCOL_RULES.md: 38 in the 2020 text
    (38, "regional_councillor"),
    (39, "general_officers"),
    (40, "university_president"),
    (41, "president_of_the_commercial_court"),
    (42, "president_of_the_labour_court"),
    (43, "secretary_general_of_the_city_of_paris"),
    (44, "director_general_of_the_region"),
    (45, "presidents_of_academies"),
    (46, "president_of_the_ceser"),
    (47, "heads_of_state_services"),
    (48, "presidents_of_national_chambers"),
    (49, "president_of_the_chamber_of_commerce"),
    (50, "president_of_the_chamber_of_agriculture"),
    (51, "president_of_the_chamber_of_trades"),
    (52, "president_of_the_supreme_courts_bar"),
    (53, "batonnier"),
    (54, "presidents_of_professional_orders"),
    (55, "directors_of_the_city_of_paris"),
    (56, "police_and_gendarmerie_officers"),
    # The décret's last items still name bodies merged since (avoués in 2012; huissiers and
    # commissaires-priseurs into commissaires de justice in 2022): seeded as today's bodies.
    (57, "president_of_the_notaries_council"),
    (58, "president_of_the_judicial_officers_chamber"),
    (59, "president_of_the_auditors_company"),
)

# D art. 3 starts with the prefect. The national authorities of art. 2, 1° to 6°, are seeded
# before it: they outrank the prefect wherever they go (the prefect represents the Government
# in the département), which is how prefectures apply the décret. Art. 3's own items follow
# from position 7, so its 7° (the mayor of the host commune) is position 13 here.
NATIONAL_FIRST = tuple((position, code, "D art. 2") for position, code in PARIS_ROWS[:6])
OUTSIDE_PARIS_ROWS = (
    *NATIONAL_FIRST,
    (7, "prefect"),
    (8, "deputy"),
    (9, "senator"),
    (10, "member_of_the_european_parliament"),
    (11, "president_of_the_regional_council"),
    (12, "president_of_the_departmental_council"),
    (13, "mayor"),
    (14, "regional_military_commanders"),
    (15, "president_of_the_administrative_court_of_appeal"),
    (15, "first_president_of_the_court_of_appeal"),
    (15, "prosecutor_general_at_the_court_of_appeal"),
    (16, "maritime_district_commander"),
    (17, "dignitaries_of_the_national_orders"),
    (18, "president_of_the_intercommunality"),
    (19, "regional_councillor"),
    (20, "departmental_councillor"),
    (21, "mayor_of_another_commune"),
    (22, "adjoint_of_the_commune"),
    (23, "councillor_of_the_commune"),
    (24, "president_of_the_judicial_court"),
    (24, "public_prosecutor"),
    (25, "president_of_the_administrative_court"),
    (26, "rector"),
    (27, "president_of_the_ceser"),
    (28, "president_of_the_chamber_of_commerce"),
    (28, "president_of_the_chamber_of_trades"),
    (28, "president_of_the_chamber_of_agriculture"),
    (29, "batonnier"),
    (30, "university_president"),
    (31, "hospital_director"),
    (32, "officers_commanding_in_the_departement"),
    (33, "heads_of_state_services"),
    (34, "presidents_of_veterans_associations"),
    (35, "representatives_of_the_faiths"),
)

PARIS = PrecedenceRules(
    name_fr="Paris (décret n° 89-655, art. 2)",
    name_en="Paris (decree no. 89-655, art. 2)",
    article="D art. 2",
    effective_from=date(2020, 1, 1),
    ranks=_ranks("D art. 2", PARIS_ROWS),
    in_paris=True,
)
OUTSIDE_PARIS = PrecedenceRules(
    name_fr="Hors de Paris (décret n° 89-655, art. 3)",
    name_en="Outside Paris (decree no. 89-655, art. 3)",
    article="D art. 3",
    effective_from=date(2024, 3, 1),
    ranks=_ranks("D art. 3", OUTSIDE_PARIS_ROWS),
    in_paris=False,
)
