"""Pages for City Hall staff, signed in: the agenda, the run-sheets, their reminders. Their
calendars' pages (calendar_feeds.staff_urls) join these in the `staff` namespace in
protocol/urls.py."""

from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from visits.views import (
    address_book,
    agenda,
    ceremony,
    ceremony_print,
    check_in,
    gifts,
    invitation_cards,
    invitation_list,
    profile,
    run_sheet,
    today,
)
from visits.views.converters import IsoDateConverter, PeriodConverter, ReferenceConverter

register_converter(IsoDateConverter, "isodate")
register_converter(PeriodConverter, "period")
register_converter(ReferenceConverter, "reference")

app_name = "staff"
urlpatterns = [
    # Staff who are not admin users sign in here (the admin's login refuses them).
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="staff/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(next_page="staff:login"), name="logout"),
    path("", today.today_page, name="today"),
    path("agenda/", agenda.agenda_now, name="agenda_now"),
    path("agenda/<period:period>/<isodate:day>/", agenda.agenda_page, name="agenda"),
    path("visits/<reference:reference>/run-sheet/", run_sheet.run_sheet, name="run_sheet"),
    path("my-reminders/", profile.my_reminders, name="my_reminders"),
    path("gifts/", gifts.gifts_page, name="gifts"),
    path("visits/<reference:reference>/gifts/", gifts.visit_gifts_page, name="visit_gifts"),
    path("address-book/", address_book.address_book_page, name="address_book"),
    path("address-book.csv", address_book.address_book_csv, name="address_book_csv"),
    path("engagements/<uuid:uid>/ceremony/", ceremony.ceremony_page, name="ceremony"),
    path(
        "engagements/<uuid:uid>/ceremony/print/<slug:part>/",
        ceremony_print.ceremony_print,
        name="ceremony_print",
    ),
    path(
        "engagements/<uuid:uid>/invitations/",
        invitation_list.invitations_page,
        name="invitations",
    ),
    path(
        "engagements/<uuid:uid>/invitations/cards/",
        invitation_cards.invitation_cards,
        name="invitation_cards",
    ),
    path(
        "engagements/<uuid:uid>/invitations.csv",
        invitation_list.invitations_csv,
        name="invitations_csv",
    ),
    path("engagements/<uuid:uid>/check-in/", check_in.check_in_page, name="check_in"),
    path(
        "engagements/<uuid:uid>/check-in/register.csv",
        check_in.check_in_register,
        name="check_in_register",
    ),
    # What an invitation's QR code opens (the code: secrets.token_urlsafe's characters).
    path("door/<str:code>/", check_in.door_code_page, name="door_code"),
]
