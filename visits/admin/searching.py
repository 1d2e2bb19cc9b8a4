"""A list searched reads its matches once.

Django's changelist filters the searched queryset several times: the page's rows, their count
and the date hierarchy's range and years. With `pk__matches` (visits.models.search) each of
those would run the search again, one scan of the trigram indexes per table each time. Here
the matching keys are read once, and the page's queries filter on those keys (`pk__any_of`:
one array parameter on PostgreSQL, not a parameter a key).
"""


class SearchOnceMixin:
    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if found is queryset:  # no search (Django hands the queryset back as is)
            return found, may_have_duplicates
        keys = list(found.order_by().values_list("pk", flat=True).distinct())
        return queryset.filter(pk__any_of=keys), False
