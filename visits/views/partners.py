"""Paris and its partner cities, for anyone (issue 18): the agreements in force on a world map
drawn on the server and in a table, those ended below them; a page per agreement with the
actions and visits exchanged under it; the list as open data; each text as its PDF."""

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from visits.formatting import as_known
from visits.models import AgreementText
from visits.models.choices import DatePrecision
from visits.queries.agreements import (
    in_force,
    published_actions,
    published_agreement,
    published_agreements,
    visits_exchanged,
)
from visits.views.action_dates import when_it_runs
from visits.views.open_data import DATA_FORMATS, data_response
from visits.views.page_cache import public_page
from visits.views.public import alternates
from visits.world_map import Place, world_map

COLUMNS = [
    ("partner_city_fr", gettext_lazy("The partner city, in French.")),
    ("partner_city_en", gettext_lazy("The partner city, in English.")),
    ("country", gettext_lazy("ISO 3166 code of its country.")),
    ("kind", gettext_lazy("twinning, friendship_pact, cooperation_agreement or memorandum.")),
    ("signed_on", gettext_lazy("When it was signed: YYYY-MM-DD, YYYY-MM or YYYY, as known.")),
    ("signed_at", gettext_lazy("Where it was signed.")),
    ("status", gettext_lazy("in_force, expired or suspended.")),
    ("latitude", gettext_lazy("The city's latitude, in degrees.")),
    ("longitude", gettext_lazy("The city's longitude, in degrees.")),
    ("page", gettext_lazy("The address of the agreement's page, in the language asked for.")),
]
ISO = {DatePrecision.DAY: "%Y-%m-%d", DatePrecision.MONTH: "%Y-%m", DatePrecision.YEAR: "%Y"}


def described(agreements) -> list:
    for agreement in agreements:
        agreement.signed_text = as_known(agreement.signed_on, agreement.signed_on_precision)
    return agreements


def dated(actions) -> list:
    for action in actions:
        action.when = when_it_runs(action)
    return actions


def places_of(agreements) -> list[Place]:
    """One point a city, linking to its first agreement (whose page lists the others)."""
    first = {}
    for agreement in agreements:  # oldest first
        first.setdefault((agreement.partner_city_en, agreement.country.code), agreement)
    return [
        Place(a.partner_city, float(a.latitude), float(a.longitude), a.public_path)
        for a in first.values()
    ]


@public_page
def partner_cities(request):
    agreements = described(list(published_agreements()))
    current = in_force(agreements)
    places = places_of(current)
    drawn = world_map(
        places,
        title=_("Paris’s partner cities on a map of the world"),
        description=_("%(count)s cities with an agreement in force; the table below lists them.")
        % {"count": len(places)},
    )
    context = {
        "in_force": current,
        "ended": [a for a in agreements if a not in current],
        "map": mark_safe(drawn),  # noqa: S308 (visits.world_map escapes every text it writes)
        "alternates": alternates(request),
    }
    return render(request, "public/partner_cities.html", context)


@public_page
def partner(request, pk: int, slug: str):
    agreement = published_agreement(pk)
    if agreement is None:
        raise Http404
    if request.path != agreement.public_path:
        return redirect(agreement.public_path)
    same_city = published_agreements().filter(
        partner_city_en=agreement.partner_city_en, country=agreement.country
    )
    context = {
        "agreement": described([agreement])[0],
        "others": described([a for a in same_city if a.pk != agreement.pk]),
        "actions": dated(published_actions(agreement)),
        "visits": visits_exchanged(agreement),
        "alternates": alternates(request),
    }
    return render(request, "public/partner.html", context)


@public_page
def partners_data(request, file_format: str):
    if file_format not in DATA_FORMATS:
        raise Http404
    rows = [row(agreement, request) for agreement in published_agreements()]
    return data_response(
        file_format, rows, columns=COLUMNS, filename="partner-cities.csv", key="agreements"
    )


def row(agreement, request) -> dict:
    signed = agreement.signed_on
    return {
        "partner_city_fr": agreement.partner_city_fr,
        "partner_city_en": agreement.partner_city_en,
        "country": agreement.country.code,
        "kind": agreement.kind,
        "signed_on": signed.strftime(ISO[agreement.signed_on_precision]) if signed else "",
        "signed_at": agreement.signed_at,
        "status": agreement.status,
        "latitude": float(agreement.latitude),
        "longitude": float(agreement.longitude),
        "page": request.build_absolute_uri(agreement.public_path),
    }


@require_safe
def agreement_text(request, pk: int):
    """An agreement's text: to anyone once the agreement is published, else to staff."""
    texts = AgreementText.objects.select_related("agreement")
    if not request.user.has_perm("visits.view_agreement"):
        texts = texts.filter(agreement__published=True)
    text = texts.filter(pk=pk).first()
    if text is None:
        raise Http404
    name = f"{text.agreement.slug}-{text.language}.pdf"
    response = FileResponse(text.document.open("rb"), content_type="application/pdf", filename=name)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
