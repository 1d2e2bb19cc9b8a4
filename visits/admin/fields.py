"""Date-time fields read in City Hall's zone, refusing the hour that does not exist in spring
and the one that happens twice in autumn (DESIGN.md, decision 6)."""

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from visits.localtime import aware_local_time


class LocalSplitDateTimeField(forms.SplitDateTimeField):
    def compress(self, data_list):
        if not data_list:
            return None
        day, time = data_list
        if day in self.empty_values:
            raise ValidationError(self.error_messages["invalid_date"], code="invalid_date")
        if time in self.empty_values:
            raise ValidationError(self.error_messages["invalid_time"], code="invalid_time")
        return aware_local_time(datetime.combine(day, time))


class LocalTimesMixin:
    formfield_overrides = {models.DateTimeField: {"form_class": LocalSplitDateTimeField}}
