"""The "My calendars" pages, among the staff pages: protocol/urls.py puts them under /staff/,
in the `staff` namespace, beside visits.urls (which knows nothing of calendar feeds)."""

from django.urls import path

from calendar_feeds import pages

urlpatterns = [
    path("my-calendars/", pages.my_calendars, name="my_calendars"),
    path(
        "my-calendars/<int:pk>/<slug:action>/",
        pages.change_subscription,
        name="change_subscription",
    ),
]
