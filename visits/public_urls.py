"""Public pages, under /fr/ and /en/ (i18n_patterns in protocol/urls.py), their paths
translated."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from visits.views import golden_book, guest, home, honours, public, reply

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
    # The secret's characters: those of secrets.token_urlsafe (visits.logs hides it).
    path(_("reply/<str:token>/"), reply.reply_page, name="reply"),
]
