"""sitemap.xml: the public pages in French and English, each with its twin (hreflang), a page
per guest the public may know of (through the door, like the pages themselves) and a page per
published agreement with a partner city."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import reverse

from visits.models import Agreement
from visits.queries.guests import known_guests
from visits.views.page_cache import public_page


class Bilingual(Sitemap):
    i18n = True
    alternates = True
    # No x-default: Django writes it as the default language's address without its prefix,
    # which i18n_patterns (the default language prefixed too) does not serve.


class PublicPages(Bilingual):
    priority = 1.0

    def items(self):
        return [
            "public:home",
            "public:guests",
            "public:honorary_citizens",
            "public:golden_book",
            "public:partner_cities",
            "public:gifts",
        ]

    def location(self, item):
        return reverse(item)


class GuestPages(Bilingual):
    priority = 0.5

    def items(self):
        return known_guests().only("pk", "name").order_by("pk")

    def location(self, guest):
        return guest.public_path


class AgreementPages(Bilingual):
    priority = 0.5

    def items(self):
        return Agreement.objects.published().only("pk", "partner_city_en").order_by("pk")

    def location(self, agreement):
        return agreement.public_path


SITEMAPS = {"pages": PublicPages, "guests": GuestPages, "partners": AgreementPages}


@public_page(params=("p",))
def public_sitemap(request):
    return sitemap(request, SITEMAPS)
