"""The register of gifts for the office (issue 18): every gift given and received, what is to
declare to the ethics officer and what is declared; and, for a visit, what helps choose its
gift (what its guests and their country were given before, what they gave). Staff read them;
the office writes in the admin (visits/admin/gifts.py)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from visits.models import GiftRegisterOptions, Visit
from visits.models.gifts import GiftDirection
from visits.queries.gifts import PER_PAGE, for_choosing, gifts_seen, register
from visits.views.access import staff_required


def marked(gifts, threshold) -> list:
    gifts = list(gifts)
    for gift in gifts:
        gift.declarable = gift.to_declare(threshold)
    return gifts


@require_safe
@staff_required
def gifts_page(request):
    direction = request.GET.get("direction", "")
    declaration = request.GET.get("declaration", "")
    declaration = declaration if declaration in ("due", "declared") else ""
    threshold = GiftRegisterOptions.current().declaration_threshold
    gifts = register(request.user, direction=direction, declaration=declaration)
    page = Paginator(gifts, PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = marked(page.object_list, threshold)
    context = {
        "page": page,
        "direction": direction if direction in GiftDirection.values else "",
        "directions": GiftDirection.choices,
        "declaration": declaration,
        "threshold": threshold,
        "may_change": request.user.has_perm("visits.change_gift"),
    }
    return render(request, "staff/gifts.html", context)


@require_safe
@staff_required
def visit_gifts_page(request, reference: str):
    visit = get_object_or_404(Visit.objects.visible_to(request.user), reference=reference)
    threshold = GiftRegisterOptions.current().declaration_threshold
    choosing = for_choosing(visit, request.user)
    context = {
        "visit": visit,
        "its_gifts": marked(gifts_seen(request.user).filter(visit=visit), threshold),
        "threshold": threshold,
        **choosing,
    }
    return render(request, "staff/visit_gifts.html", context)
