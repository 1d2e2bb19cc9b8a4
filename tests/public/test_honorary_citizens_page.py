"""/en/honorary-citizens/ and /fr/citoyens-d-honneur/: every honour voted or conferred, with
its dates at the precision known and one format per language, posthumous honours and proxies
shown, "conferred" only once the ceremony was held, the citation in the page's language (else
the other, marked as such) in a column that shows only when some honour has one; nothing still
proposed."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import (
    EngagementFactory,
    GuestFactory,
    HonoraryCitizenshipFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

PARIS = timezone.get_default_timezone()


def url(language="en"):
    with translation.override(language):
        return reverse("public:honorary_citizens")


def honour(name, **fields):
    return HonoraryCitizenshipFactory(honoree=GuestFactory(name=name), **fields)


def ceremony_on(day: date, *, visit_status="confirmed", status="confirmed", **visit):
    return EngagementFactory(
        visit=VisitFactory(starts_on=day, status=visit_status, **visit),
        kind="honorary_citizenship",
        status=status,
        starts_at=datetime.combine(day, datetime.min.time(), PARIS).replace(hour=18),
    )


def conferred_cell(text: str) -> str:
    """The row's "Conferred" cell, up to its end."""
    start = text.index('data-label="Conferred">') if 'data-label="Conferred">' in text else None
    if start is None:
        start = text.index('data-label="Conférée">')
    return text[start : text.index("</td>", start)]


def test_voted_and_conferred_honours_in_the_pages_language(client):
    honour(
        "Ingrid Betancourt",
        voted_on=date(2008, 3, 1),
        voted_on_precision="month",
        citation_fr="Pour son courage.",
        citation_en="For her courage.",
    )
    honour("Still Proposed", status="proposed", voted_on=None)
    english = client.get(url("en")).content.decode()
    french = client.get(url("fr")).content.decode()
    assert url("fr") == "/fr/citoyens-d-honneur/"
    assert "Ingrid Betancourt" in english and "March 2008" in english
    assert "For her courage." in english and "Pour son courage." not in english
    assert "Pour son courage." in french and "For her courage." not in french
    assert "mars 2008" in french
    assert "Still Proposed" not in english


def test_dates_at_their_precision_posthumous_and_proxies(client):
    honour("Year Only", voted_on=date(1987, 1, 1), voted_on_precision="year")
    honour("Exact Day", voted_on=date(2019, 6, 14))
    honour("Posthumous Honour", posthumous=True, received_by_proxy=True, proxy_name="Her son")
    text = client.get(url()).content.decode()
    assert "1987</td>" in text and "14 June 2019" in text
    assert "Posthumous" in text and "Received on their behalf by Her son" in text


@pytest.mark.parametrize(
    ("language", "vote", "held", "planned"),
    [
        ("en", "14 June 2019", "3 February 2020", "Ceremony planned for 12 March {year}"),
        ("fr", "14 juin 2019", "3 février 2020", "Cérémonie prévue le 12 mars {year}"),
    ],
)
def test_one_date_format_per_language_on_the_page(client, language, vote, held, planned):
    later = timezone.localdate().year + 2
    honour("Voted Long Ago", voted_on=date(2019, 6, 14), ceremony=ceremony_on(date(2020, 2, 3)))
    honour("Soon Honoured", voted_on=date(2019, 6, 14), ceremony=ceremony_on(date(later, 3, 12)))
    text = client.get(url(language)).content.decode()
    assert text.count(vote) == 2
    assert f'<time datetime="2020-02-03">{held}</time>' in text
    assert f'<time datetime="{later}-03-12">{planned.format(year=later)}</time>' in text
    assert "June 14" not in text and "2019-06-14" not in text


def test_a_voted_honour_whose_ceremony_is_to_come_is_planned_not_conferred(client):
    tomorrow = timezone.localdate() + timedelta(days=1)
    honour("Confirmed Future", status="voted", ceremony=ceremony_on(tomorrow))
    text = client.get(url()).content.decode()
    cell = conferred_cell(text)
    assert cell.startswith('data-label="Conferred"><time')
    assert "Ceremony planned for" in cell


def test_conferred_only_once_the_ceremony_was_held(client):
    today = timezone.localdate()
    marked_held = ceremony_on(today, visit_status="held")
    honour("Held Today", status="conferred", ceremony=marked_held)
    honour("Held Last Year", status="voted", ceremony=ceremony_on(today - timedelta(days=365)))
    # recorded conferred, but the ceremony the public may see is still to come
    honour("Early Record", status="conferred", ceremony=ceremony_on(today + timedelta(days=9)))
    text = client.get(url()).content.decode()
    rows = {
        name: text[text.index(name) :].split("</tr>")[0]
        for name in ("Held Today", "Held Last Year", "Early Record")
    }
    assert "planned" not in rows["Held Today"] and today.isoformat() in rows["Held Today"]
    assert "planned" not in rows["Held Last Year"]
    assert "Ceremony planned for" in rows["Early Record"]


def test_a_ceremony_the_public_may_not_see_is_neither_dated_nor_planned(client):
    future = timezone.localdate() + timedelta(days=20)
    secret = ceremony_on(future, confidentiality="confidential")
    called_off = ceremony_on(future, status="cancelled")
    honour("Secret Ceremony", status="voted", ceremony=secret)
    honour("Conferred Elsewhere", status="conferred", ceremony=called_off)
    text = client.get(url()).content.decode()
    assert "planned" not in text and future.isoformat() not in text
    secret_row = text[text.index("Secret Ceremony") :].split("</tr>")[0]
    elsewhere_row = text[text.index("Conferred Elsewhere") :].split("</tr>")[0]
    assert 'data-label="Conferred">—' in secret_row
    assert 'data-label="Conferred">Yes' in elsewhere_row


def test_the_citation_falls_back_to_the_other_language_marked_as_such(client):
    honour("Only French", citation_fr="Pour la liberté.", citation_en="")
    english = client.get(url("en")).content.decode()
    french = client.get(url("fr")).content.decode()
    assert 'lang="fr">Pour la liberté.</td>' in english
    assert 'data-label="Citation">Pour la liberté.</td>' in french


def test_the_citation_column_only_when_some_honour_has_one(client):
    honour("Plain Honour")
    text = client.get(url()).content.decode()
    assert "Citation" not in text and text.count("<td") == 2
    honour("With Citation", citation_en="For the city.")
    text = client.get(url()).content.decode()
    assert '<th scope="col">Citation</th>' in text and text.count('data-label="Citation"') == 2


def test_the_kept_page_says_held_the_day_after_or_once_the_visit_is_marked_held(
    client, monkeypatch
):
    """Through the public pages' cache: its key moves with the day and with every write."""
    today = timezone.localdate()
    engagement = ceremony_on(today)
    honour("Honoured Today", ceremony=engagement)
    assert "Ceremony planned for" in client.get(url()).content.decode()
    assert "Ceremony planned for" in client.get(url()).content.decode()  # kept
    visit = engagement.visit
    visit.status = "held"
    visit.save()
    assert "Ceremony planned for" not in client.get(url()).content.decode()
    visit.status = "confirmed"
    visit.save()
    assert "Ceremony planned for" in client.get(url()).content.decode()
    tomorrow = timezone.now() + timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: tomorrow)
    text = client.get(url()).content.decode()
    assert "Ceremony planned for" not in text and f'<time datetime="{today}">' in text


@pytest.mark.parametrize("count", [1, 3])
def test_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for n in range(count):
        honour(f"Citizen {n}", ceremony=ceremony_on(date(2020, 2, 3 + n)))
    with django_assert_num_queries(2):  # the state of the public data; the honours
        assert client.get(url()).content.decode().count("<tr>") == count + 1
