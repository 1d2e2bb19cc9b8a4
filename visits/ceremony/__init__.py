"""The ceremony rules as plain functions over plain data (DESIGN.md, "Layout"): ranking,
seating, speaking order, arrivals, flags and forms of address. Nothing here reads the
database; services load the rows, call these, and write what they return. The rules
themselves cite `shared/PROTOCOL_RULES.md` (D = décret n° 89-655, V = Vienna Convention)."""
