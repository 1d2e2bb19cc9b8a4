"""A list searched reads its matches once.

Django's changelist filters the searched queryset several times: the page's rows, their count
and the date hierarchy's range and years. With `pk__matches` (visits.models.search) each of
those would run the search again, one scan of the trigram indexes per table each time. Here
the matching keys are read once, and the page's queries filter on those keys (`pk__any_of`:
one array parameter on PostgreSQL, not a parameter a key); their number is the page's count.
"""


class SearchOnceMixin:
    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if found is queryset:  # no search (Django hands the queryset back as is)
            return found, may_have_duplicates
        keys = list(found.order_by().values_list("pk", flat=True).distinct())
        # The search filters last (after the door and the list's filters; Django then only
        # sorts): its keys are the list's rows, and their number the list's count.
        request.search_matches = len(keys)
        return queryset.filter(pk__any_of=keys), False

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        paginator = super().get_paginator(
            request, queryset, per_page, orphans, allow_empty_first_page
        )
        matches = request.__dict__.pop("search_matches", None)
        if matches is not None:
            paginator.count = matches  # a cached property: no COUNT query
        return paginator
