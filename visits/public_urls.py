"""Public pages, under /fr/ and /en/ (i18n_patterns in protocol/urls.py), their paths
translated."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from visits.views import gift_register, golden_book, guest, home, honours, partners, public, reply

app_name = "public"
urlpatterns = [
    path("", home.home, name="home"),
    path(_("guests/"), public.distinguished_guests, name="guests"),
    path(_("guests/<int:pk>-<slug:slug>/"), guest.guest_page, name="guest"),
    path(
        _("guests/data.<str:file_format>"),
        public.distinguished_guests_data,
        name="guests_data",
    ),
    path(_("honorary-citizens/"), honours.honorary_citizens, name="honorary_citizens"),
    path(_("golden-book/"), golden_book.golden_book, name="golden_book"),
    path(_("gifts/"), gift_register.gifts_received, name="gifts"),
    path(_("gifts/data.<str:file_format>"), gift_register.gifts_data, name="gifts_data"),
    path(_("partner-cities/"), partners.partner_cities, name="partner_cities"),
    path(_("partner-cities/<int:pk>-<slug:slug>/"), partners.partner, name="partner"),
    path(_("partner-cities/data.<str:file_format>"), partners.partners_data, name="partners_data"),
    # The secret's characters: those of secrets.token_urlsafe (visits.logs hides it).
    path(_("reply/<str:token>/"), reply.reply_page, name="reply"),
]
