"""The honorary citizens of Paris, for anyone: every honour voted or conferred, through the
door, with its dates at the precision known, in one format per language ("12 March 2027",
"12 mars 2027"), and "conferred" only once the ceremony was held."""

from django.shortcuts import render
from django.utils import timezone, translation

from visits.formatting import as_known
from visits.queries.honours import ceremony_stage, visible_honours
from visits.views.page_cache import public_page
from visits.views.public import alternates


def vote_date(honour) -> str:
    return as_known(honour.voted_on, honour.voted_on_precision)


def citation_language(honour) -> str | None:
    """The language of the citation shown when it is not the page's (only the other one was
    written): said in the markup, so that a screen reader reads it right."""
    page = (translation.get_language() or "fr")[:2]
    if not honour.citation or getattr(honour, f"citation_{page}", ""):
        return None
    return "en" if page == "fr" else "fr"


def describe(honour, today) -> None:
    """What the templates (public/includes/honour_conferred.html) show of one honour."""
    honour.vote_text = vote_date(honour)
    honour.stage = ceremony_stage(honour, today)
    if honour.live_ceremony_on is not None:
        honour.ceremony_day = timezone.localdate(honour.live_ceremony_on)
    honour.citation_lang = citation_language(honour)


@public_page
def honorary_citizens(request):
    honours = list(visible_honours(None))
    today = timezone.localdate()
    for honour in honours:
        describe(honour, today)
    context = {
        "honours": honours,
        # No column of blanks: it shows when some honour has a citation.
        "with_citations": any(honour.citation for honour in honours),
        "alternates": alternates(request),
    }
    return render(request, "public/honorary_citizens.html", context)
