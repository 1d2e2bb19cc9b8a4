from django.urls import path

from calendar_feeds import views

app_name = "calendars"
urlpatterns = [
    path("public.ics", views.public_calendar, name="public"),
    path("engagements/<uuid:uid>.ics", views.engagement_calendar, name="engagement"),
    path("feeds/<str:token>.ics", views.subscription_calendar, name="subscription"),
]
