"""Dates in words as French writes them: « 1er mars 2027 », the first of a month an ordinal,
wherever the tool writes a date (templates' `date`, the code's `date_format`); other days,
other languages and dates in figures as Django writes them. The admin's lists and date
hierarchy stay Django's own, character for character (test_admin_row_writer.py)."""

from datetime import date, datetime

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from tests.registers.test_agreements import ROME
from visits.dates import date_format
from visits.services.agreements import create_agreement


@pytest.mark.parametrize(
    ("day", "french"),
    [(date(2027, 3, 1), "1er mars 2027"),
     (date(2027, 3, 11), "11 mars 2027"),
     (date(2027, 3, 21), "21 mars 2027"),
     (date(2027, 8, 1), "1er août 2027")],
)  # fmt: skip
def test_the_first_of_a_month_is_an_ordinal_in_french(day, french):
    with translation.override("fr"):
        assert date_format(day, "DATE_FORMAT") == french
    with translation.override("en"):  # English as Django writes it
        assert date_format(day, "DATE_FORMAT") == formats.date_format(day, "DATE_FORMAT")


def test_every_template_s_date_filter_writes_it():
    template = Template('{{ day|date:"j F Y" }} · {{ day|date:"j F" }} · {{ day|date:"d/m/Y" }}')
    with translation.override("fr"):
        text = template.render(Context({"day": datetime(2027, 10, 1, 9, 30)}))
    assert text == "1er octobre 2027 · 1er octobre · 01/10/2027"


@pytest.mark.django_db
def test_a_public_page_says_it(client):
    made = create_agreement(by=None, **(ROME | {"signed_on": date(2006, 12, 1)}))
    with translation.override("fr"):
        page = client.get(made.public_path).content.decode()
    assert "1er décembre 2006" in page
