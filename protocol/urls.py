from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from calendar_feeds import staff_urls as staff_calendar_pages
from protocol.api import api
from visits import urls as staff_pages
from visits.sitemaps import public_sitemap
from visits.views.gift_register import gift_photo
from visits.views.golden_book import signature_image
from visits.views.home import home_in_language
from visits.views.partners import agreement_text
from visits.views.robots import robots_txt

admin.site.site_header = admin.site.site_title = _("Protocol office")
admin.site.enable_nav_sidebar = False  # the lists need the width more than a second menu
admin.site.site_url = "/"  # "View site": the public home, in the reader's language

urlpatterns = [
    path("", home_in_language, name="home"),
    path("admin/", admin.site.urls),
    # The staff pages and their calendars' pages, one namespace: visits knows no calendar feeds.
    path("staff/", include((staff_pages.urlpatterns + staff_calendar_pages.urlpatterns, "staff"))),
    path("api/v1/", api.urls),
    path("calendars/", include("calendar_feeds.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", public_sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    # Uploaded images go out through their record, to those who may see it (never MEDIA_URL).
    path("images/golden-book/<int:pk>/<str:kind>/", signature_image, name="golden_book_image"),
    path("documents/agreements/<int:pk>/", agreement_text, name="agreement_text"),
    path("images/gifts/<int:pk>/<str:kind>/", gift_photo, name="gift_photo"),
]
urlpatterns += i18n_patterns(path("", include("visits.public_urls")))
