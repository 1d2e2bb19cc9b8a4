"""What the admin's delete pages may list of engagements the viewer may not see."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from visits.dates import date_format
from visits.models import Engagement


def describe_engagements(engagements, viewer) -> list[str]:
    """A link per engagement the viewer may see; a neutral busy block for the others."""
    visible = set(Engagement.objects.visible_to(viewer).filter(pk__in=engagements))
    lines = []
    for engagement in engagements:
        if engagement in visible:
            url = reverse("admin:visits_engagement_change", args=[engagement.pk])
            lines.append(format_html('{}: <a href="{}">{}</a>', _("Engagement"), url, engagement))
        else:
            when = date_format(localtime(engagement.starts_at), "DATETIME_FORMAT")
            lines.append(_("Confidential engagement, %(when)s") % {"when": when})
    return lines
