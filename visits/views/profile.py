from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from visits.models import StaffProfile
from visits.services.reminders import replan_for
from visits.views.access import staff_required


class ProfileForm(forms.ModelForm):
    class Meta:
        model = StaffProfile
        fields = ["language", "email", "lead_times", "wants_daily_agenda"]


@staff_required
def my_reminders(request):
    """Each member of staff says how they want to be reminded (their own profile only)."""
    profile = StaffProfile.of(request.user)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        replan_for(request.user)  # the new lead times, at once
        messages.success(request, _("Your reminder settings are saved."))
        return redirect("staff:my_reminders")
    status = 400 if request.method == "POST" else 200
    return render(request, "staff/my_reminders.html", {"form": form}, status=status)
