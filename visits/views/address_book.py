"""The address book's import and export (issue 17), for the protocol office: a CSV or vCard
file is read and shown row by row, with each row's errors and duplicates, before anything is
written; the office then imports the rows found good, all at once. The export is the address
book as CSV (names, offices, e-mail and postal addresses, language; never the needs)."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from visits.models import Guest
from visits.queries.address_book import COLUMNS, Unreadable, checked, read_rows
from visits.services.address_book import import_rows
from visits.views.access import staff_required

IMPORT = "visits.add_addresscard"
LARGEST_FILE = 2 * 1024 * 1024  # bytes: 5,000 rows of an address book hold in far less


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def address_book_page(request):
    if not request.user.has_perm(IMPORT):
        raise PermissionDenied
    context = {"columns": COLUMNS, "rows": None, "refused": ""}
    if request.method == "POST":
        text, name, refused = sent_file(request)
        if refused:
            context["refused"] = refused
            return render(request, "staff/address_book.html", context, status=400)
        try:
            rows = checked(read_rows(text, name), request.user)
        except (Unreadable, UnicodeDecodeError, csv.Error) as error:
            context["refused"] = _("This file cannot be read: %(why)s.") % {"why": error}
            return render(request, "staff/address_book.html", context, status=400)
        if request.POST.get("action") == "import":
            made = import_rows(rows, by=request.user)
            messages.success(
                request, _("%(count)s imported into the guest registry.") % {"count": len(made)}
            )
            return redirect("staff:address_book")
        context |= {
            "rows": rows,
            "good": sum(1 for row in rows if row.good),
            "text": text,
            "file_name": name,
        }
    return render(request, "staff/address_book.html", context)


def sent_file(request) -> tuple[str, str, str]:
    """The file's text and name, from the upload (preview) or as previewed (import); or why
    it is refused."""
    if request.POST.get("action") == "import":
        text = request.POST.get("text", "")
        return text, request.POST.get("file_name", ""), "" if text else _("Nothing to import.")
    upload = request.FILES.get("file")
    if upload is None:
        return "", "", _("Choose a CSV or vCard file.")
    if upload.size > LARGEST_FILE:
        return "", "", _("This file is too large: 2 MB at most.")
    try:
        return upload.read().decode("utf-8-sig"), upload.name, ""
    except UnicodeDecodeError:
        return "", "", _("This file is not in UTF-8: save it again as UTF-8.")


@require_http_methods(["GET", "HEAD"])
@staff_required
def address_book_csv(request):
    if not request.user.has_perm("visits.view_addresscard"):
        raise PermissionDenied
    guests = (
        Guest.objects.visible_to(request.user)
        .filter(card__isnull=False)
        .select_related("card")
        .order_by("sort_name", "name", "pk")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="address-book.csv"'
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for guest in guests:
        card = guest.card
        writer.writerow(
            [
                guest.name,
                guest.title_fr,
                guest.title_en,
                card.email,
                card.postal_address,
                guest.language,
            ]
        )
    return response
