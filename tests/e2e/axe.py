"""axe-core, Deque's accessibility checker, run in a page: the one way every browser test
asks it for WCAG 2.1 AA. It is evaluated through the browser's debugging protocol, which the
page's Content-Security-Policy does not govern, so pages that allow no script are checked as
they are served (the tab needs JavaScript on for axe alone)."""

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_script, exclude=()) -> list[str]:
    """One line per failing element: rule (impact): selector and what to fix. `exclude`:
    CSS selectors of parts left out of the check (say why where it is used)."""
    page.evaluate(axe_script.read_text() + "\n;0")
    results = page.evaluate(
        "([tags, exclude]) => axe.run({exclude: exclude.map(s => [s])},"
        " {runOnly: {type: 'tag', values: tags}})",
        [WCAG_21_AA, list(exclude)],
    )
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]
