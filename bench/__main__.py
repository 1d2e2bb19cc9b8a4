"""`make bench`: seeds N years of synthetic history once, then measures.

python -m bench [--years 20] [--repeat 30] [--only pages|ceremony|invitations|mailing|public]
"""

import argparse
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--years", type=int, default=int(os.environ.get("BENCH_YEARS", 20)))
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", 30)))
    parser.add_argument(
        "--fresh", action="store_true", help="Drop the kept benchmark database and seed anew."
    )
    parser.add_argument(
        "--only",
        choices=["pages", "ceremony", "invitations", "mailing", "public"],
        help=(
            "Measure only this section (pages: the lists' pages; ceremony: the banquet; "
            "invitations: a reception of 5,000 invitees; mailing: 5,000 invitations sent; "
            "public: the public pages served by gunicorn, cached and uncached)."
        ),
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench import admin_lists, booking, reminders
    from visits.demo.seed import seed_demo
    from visits.models import Engagement, Visit

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=not args.fresh)
    started = time.perf_counter()
    result = seed_demo(synthetic_years=args.years)  # admin gets a random password
    print(
        f"Data: {Visit.objects.count()} visits, {Engagement.objects.count()} engagements "
        f"({args.years} synthetic years; {result['synthetic']} visits generated now "
        f"in {time.perf_counter() - started:.1f} s) on {connection.vendor}"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum would have done by now: statistics, and the trigram indexes'
            # pending entries merged (a GIN index just written to is scanned 10x slower).
            cursor.execute("VACUUM ANALYZE")

    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="admin")
    if args.only == "ceremony":
        return 0 if print_ceremony(admin, args.repeat) else 1
    if args.only == "invitations":
        return 0 if print_invitations(admin, args.repeat) else 1
    if args.only == "mailing":
        return 0 if print_invitation_mailing(admin) else 1
    if args.only == "public":
        return 0 if print_public_pages() else 1
    print(f"\nPages, median of {args.repeat} requests, as a ratio to the admin index:")
    print(f"{'page':<34} {'median ms':>10} {'ratio':>7} {'queries':>8}")
    pages = [*staff_pages(), *API_PAGES]
    for name, median, ratio, queries in admin_lists.run(admin, args.repeat, pages):
        print(f"{name:<34} {median * 1000:>10.2f} {ratio:>7.1f} {queries:>8}")
    if args.only == "pages":
        return 0
    ceremony_met = print_ceremony(admin, args.repeat)
    invitations_met = print_invitations(admin, args.repeat)

    print(f"\nOne booking, median of {args.repeat} rounds of 10, as a ratio to a direct insert:")
    print(f"{'write':<34} {'median ms':>10} {'ratio':>7}")
    for name, median, ratio in booking.run(admin, args.repeat):
        print(f"{name:<34} {median * 1000:>10.2f} {ratio:>7.1f}")

    count = int(os.environ.get("BENCH_REMINDERS", 10_000))
    print(f"\n{count:,} due reminders, one worker (prefork, concurrency 2), Redis, file mail:")
    figures = reminders.run(admin, count)
    print(f"{'work':<34} {'per second':>10} {'ratio':>7}")
    print(f"{'empty tasks (baseline)':<34} {figures['empty_tasks_per_second']:>10.1f} {1.0:>7.2f}")
    print(f"{'reminders':<34} {figures['reminders_per_second']:>10.1f} {figures['ratio']:>7.2f}")
    print(f"lost: {figures['lost']}, sent twice: {figures['sent_twice']}")

    mailing_met = print_invitation_mailing(admin)

    print_calendars(admin, args.repeat)
    print_public_pages()
    return 0 if ceremony_met and invitations_met and mailing_met else 1


def print_ceremony(admin, repeat: int) -> bool:
    """The banquet's section; False when a goal is missed (the run then exits with 1)."""
    from bench import ceremony as c

    print(
        f"\nCeremony: a banquet of {c.LARGE} on {c.LARGE // 10} round tables, median of {repeat}, "
        "as a ratio to the admin index:"
    )
    rows, facts = c.run(admin, repeat)
    print(
        f"  {facts['attendees']} attendees ({facts['unplaced']} unplaced), {facts['steps']} "
        f"steps explained, {facts['seated']} seated; page {facts['page_bytes']:,} bytes; "
        f"built in {facts['built_seconds']:.1f} s"
    )
    return print_rows_and_goals(rows, c.goals(rows))


def print_invitations(admin, repeat: int) -> bool:
    """A reception of 5,000 invitees; False when a goal is missed (the run exits with 1)."""
    from bench import invitations as i

    print(
        f"\nInvitations: a reception of {i.LARGE:,} invitees, median of {repeat}, "
        "as a ratio to the admin index:"
    )
    rows, facts = i.run(admin, repeat)
    print(f"  {facts['waiting']} waiting; built in {facts['built_seconds']:.1f} s")
    return print_rows_and_goals(rows, i.goals(rows))


def print_invitation_mailing(admin) -> bool:
    """Invitations mailed by one worker against its empty-task rate: at least 1.0, none lost,
    none sent twice (issue 17)."""
    from bench import invitation_mailing, reminders

    count = int(os.environ.get("BENCH_INVITATIONS", invitation_mailing.COUNT))
    print(f"\n{count:,} invitations, one worker (prefork, concurrency 2), Redis, file mail:")
    figures = reminders.run(admin, count, make_rows=invitation_mailing.due_invitations)
    print(f"{'work':<34} {'per second':>10} {'ratio':>7}")
    print(f"{'empty tasks (baseline)':<34} {figures['empty_tasks_per_second']:>10.1f} {1.0:>7.2f}")
    print(f"{'invitations':<34} {figures['reminders_per_second']:>10.1f} {figures['ratio']:>7.2f}")
    print(f"lost: {figures['lost']}, sent twice: {figures['sent_twice']}")
    met = figures["ratio"] >= 1.0 and figures["lost"] == 0 and figures["sent_twice"] == 0
    ratio = f"{figures['ratio']:.2f}"
    print(
        f"{'goal met' if met else 'goal NOT MET'}: at least 1.0 of the empty tasks' rate ({ratio}),"
    )
    print(f"  none lost ({figures['lost']}), none sent twice ({figures['sent_twice']})")
    return met


def print_rows_and_goals(rows, goals) -> bool:
    """A section's table (a row without time: its queries only) and its goals; whether all
    were met."""
    print(f"{'work':<34} {'median ms':>10} {'ratio':>7} {'queries':>8}")
    for row in rows:
        if row.seconds is None:
            print(f"{row.work:<34} {'':>10} {'':>7} {row.queries:>8}")
        else:
            print(f"{row.work:<34} {row.seconds * 1000:>10.2f} {row.ratio:>7.1f} {row.queries:>8}")
    for text, met in goals:
        print(f"{'goal met' if met else 'goal NOT MET'}: {text}")
    return all(met for _text, met in goals)


def print_calendars(admin, repeat: int) -> None:
    from bench import calendars

    print(f"\nCalendar feeds: {calendars.EVENTS:,} engagements, as a ratio to a plain floor:")
    rows = calendars.run(admin, repeat)
    print(f"{'work':<34} {'median ms':>10} {'ratio':>7} {'queries':>8}")
    for row in rows:
        if row.ratio is not None:
            print(f"{row.work:<34} {row.seconds * 1000:>10.2f} {row.ratio:>7.2f} {row.queries:>8}")
    print(f"{'token check, fetched() (1 query)':<34} {'median µs':>10}")
    for row in rows:
        if row.ratio is None:
            print(f"{row.work:<34} {row.seconds * 1e6:>10.1f}")
    for text, met in calendars.goals(rows):
        print(f"{'note' if met is None else 'goal met' if met else 'goal NOT MET'}: {text}")


def print_public_pages() -> bool:
    """Each public page of bench.public_pages.PAGES; False when a goal is missed."""
    from bench import public_pages as p

    met = True
    for name, figures in p.run_all().items():
        print(
            f"\nPublic page: {name} ({p.PAGES[name]}), gunicorn {p.WORKERS} sync workers, "
            f"DEBUG off, wrk -t1 on loopback, {p.DURATION} s runs:"
        )
        print(f"  page {figures['page_bytes']:,} bytes, static file {figures['static_bytes']:,}")
        runs = f"work, median of {p.ROUNDS} runs in turns"
        print(f"{runs:<34} {'req/s':>10} {'ratio':>7}")
        print(f"{'static file (baseline)':<34} {figures['static_rps']:>10.1f} {1.0:>7.2f}")
        print(f"{'cached page':<34} {figures['cached_rps']:>10.1f} {figures['ratio']:>7.2f}")
        note, read = "note: cached, state read per page", figures["read_each_time_rps"]
        print(f"{note:<34} {read:>10.1f} {figures['read_each_time_ratio']:>7.2f}")
        for kind, values in figures["rounds_rps"].items():
            print(f"  {kind}, each run: {', '.join(f'{value:.0f}' for value in values)} req/s")
        label = f"uncached, {p.LATENCY_CONNECTIONS} connections"
        print(f"{label:<34} {'median ms':>10} {'p95 ms':>7} {'requests':>8}")
        print(
            f"{'uncached page':<34} {figures['uncached_median_ms']:>10.1f} "
            f"{figures['uncached_p95_ms']:>7.1f} {figures['uncached_requests']:>8}"
        )
        for text, ok in p.goals(figures):
            print(f"{'goal met' if ok else 'goal NOT MET'}: {text}")
            met = met and ok
    return met


# Full pages of the API's lists (the admin's session signs the calls in).
API_PAGES = [
    ("API visits, 100 a page", "/api/v1/visits?limit=100"),
    ("API engagements, 100 a page", "/api/v1/engagements?limit=100"),
    ("API guests, 100 a page", "/api/v1/guests?limit=100"),
    ("API public guests, 100 a page", "/api/v1/public/distinguished-guests?limit=100"),
]


def staff_pages():
    """The agenda of the busiest week in the data, and the run-sheet of the longest programme."""
    from django.db.models import Count
    from django.db.models.functions import TruncWeek
    from django.urls import reverse

    from visits.models import Engagement

    busiest = (
        Engagement.objects.annotate(week=TruncWeek("starts_at"))
        .values("week")
        .annotate(count=Count("pk"))
        .order_by("-count", "week")
        .first()
    )
    week = busiest["week"].date()
    visit = (
        Engagement.objects.values("visit__reference")
        .annotate(count=Count("pk"))
        .order_by("-count", "visit__reference")
        .first()
    )
    return [
        (
            f"agenda, busiest week ({busiest['count']} items)",
            reverse("staff:agenda", args=["week", week]),
        ),
        ("agenda, its Monday", reverse("staff:agenda", args=["day", week])),
        (
            f"run-sheet ({visit['count']} items)",
            reverse("staff:run_sheet", args=[visit["visit__reference"]]),
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
