"""The guests page draws its figures as SVG on the server, with a text alternative, and every
public page forbids scripts and inline styles (Content-Security-Policy)."""

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import HonoraryCitizenshipFactory
from tests.public.test_guests_page import received, url

pytestmark = pytest.mark.django_db


def figures(text: str) -> str:
    return text[text.index('<section aria-labelledby="figures"') : text.index("</details>")]


def test_guests_per_year_and_by_category_as_svg_with_their_figures(client):
    received("Guest A", on=date(2023, 5, 1), category="mayor")
    received("Guest B", on=date(2023, 6, 1), category="head_of_state")
    received("Guest C", on=date(2025, 1, 9), category="mayor")
    text = figures(client.get(url()).content.decode())
    assert text.count('<svg role="img"') == 2
    assert "3 guests received from 2023 to 2025. The most in 2023: 2." in text
    assert "<title>2023: 2</title>" in text and "<title>2025: 1</title>" in text
    assert '<desc id="per-category-desc">Mayor: 2; Head of state: 1</desc>' in text
    table = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', text)
    # every year of the span, those without a guest too: it is a time axis
    assert table == [
        ("2023", "2"),
        ("2024", "0"),
        ("2025", "1"),
        ("Mayor", "2"),
        ("Head of state", "1"),
    ]


def test_the_figures_follow_the_filters_and_the_language(client):
    received("Guest A", on=date(2023, 5, 1), category="mayor")
    received("Guest B", on=date(2024, 6, 1), category="head_of_state")
    text = figures(client.get(url(category="mayor")).content.decode())
    assert "<title>2023: 1</title>" in text and "2024" not in text
    french = figures(client.get(url("fr", category="mayor")).content.decode())
    assert "Invités reçus par année" in french and "Maire : 1" in french


def public_pages(guest):
    return [
        url(),
        url("fr"),
        reverse("public:honorary_citizens"),
        reverse("public:guest", args=[guest.pk, guest.slug]),
    ]


def test_public_pages_forbid_scripts_and_inline_styles(client):
    guest = received("Roberto Gualtieri").guests.get()
    HonoraryCitizenshipFactory(honoree=guest)
    for page in public_pages(guest):
        response = client.get(page)
        policy = response["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "style-src 'self'" in policy, page
        assert "script-src" not in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy and "form-action 'self'" in policy
        text = response.content.decode()
        assert "<script" not in text and "<style" not in text and " style=" not in text, page
    again = client.get(url())  # a kept page gets its policy too
    assert again["Content-Security-Policy"] == client.get(url("fr"))["Content-Security-Policy"]


def test_each_year_s_name_sits_under_its_bar_on_a_long_axis():
    from visits.views.charts import per_year

    years = per_year([(1850, "royal", 1), (2026, "mayor", 2)])  # 177 years, narrow bars
    named = [bar for bar in years["bars"] if bar.named]
    assert [bar.label for bar in named][:3] == ["1850", "1860", "1870"]
    for bar in named:
        assert bar.x <= bar.label_x <= bar.x + bar.width, bar.label
    assert named[0].label_x >= 14  # half of "1850" at 12 px: the name is not cut at the edge
