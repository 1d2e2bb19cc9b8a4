"""The public pages served as in production: gunicorn, 2 sync workers, DEBUG off, whitenoise,
on the kept benchmark database, loaded by wrk on loopback: the guests list, and the registers'
pages of issue 18 (the partner cities with their map, the register of gifts received), each
against the same baselines.

Two servers in turn on one port: first with the page cache off (PUBLIC_PAGES_CACHE=false), for
the latency of a page that renders on every request; then with it on, for the requests per
second of the list page against a static file holding the same bytes, served by the same
server. Alone, on the kept database: python -m bench.public_pages
"""

import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

PAGE = "/en/guests/"
PAGES = {  # name: address
    "guests list": PAGE,
    "partner cities, with the map": "/en/partner-cities/",
    "register of gifts received": "/en/gifts/",
}
STATIC = "bench/{slug}.html"  # under STATIC_ROOT, served by whitenoise at /static/...
SCRIPT = Path(__file__).with_name("wrk_report.lua")
WORKERS = 2

DURATION = int(os.environ.get("BENCH_WRK_SECONDS", 10))
ROUNDS = int(os.environ.get("BENCH_WRK_ROUNDS", 3))
WARMUP = int(os.environ.get("BENCH_WRK_WARMUP_SECONDS", 3))
# wrk shares the 2 cores with the 2 workers: one thread, and few connections, enough to
# keep both workers busy with one request queued, not so many that wrk crowds them out.
THROUGHPUT_CONNECTIONS = int(os.environ.get("BENCH_WRK_CONNECTIONS", 4))
# One connection per worker: latency of a render, not of waiting in the listen queue.
LATENCY_CONNECTIONS = int(os.environ.get("BENCH_WRK_LATENCY_CONNECTIONS", WORKERS))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The benchmark database the bench process made (create_test_db renamed it)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{db['NAME']}"


def production_env(static_root: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="protocol.settings",
        STATIC_ROOT=str(static_root),
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url(),
        REDIS_URL=settings.REDIS_URL,
        LOG_LEVEL="WARNING",
    )
    return env


def bin_path(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def get(base: str, path: str) -> bytes:
    """The body of a 200; urlopen raises on 4xx and 5xx, and follows redirects: refuse those."""
    with urllib.request.urlopen(base + path, timeout=30) as answer:  # noqa: S310 (loopback)
        if answer.status != 200 or answer.url != base + path:
            raise RuntimeError(f"GET {path}: {answer.status} at {answer.url}, not 200 there")
        return answer.read()


@contextmanager
def gunicorn(env: dict, port: int, log: Path, **extra):
    """A gunicorn serving protocol.wsgi, stopped (its whole process group) on the way out."""
    with socket.socket() as probe:  # else /healthz could be answered by whoever holds it
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn does
        probe.bind(("127.0.0.1", port))
    command = [bin_path("gunicorn"), "protocol.wsgi", "--workers", str(WORKERS)]
    command += ["--worker-class", "sync", "--bind", f"127.0.0.1:{port}"]
    with log.open("ab") as output:
        server = subprocess.Popen(
            command,
            env={**env, **extra},
            cwd=settings.BASE_DIR,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({server.returncode})")
            try:
                get(base, "/healthz")
                break
            except (OSError, RuntimeError):
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not answer in 60 s") from None
                time.sleep(0.2)
        yield base
    except Exception:
        sys.stderr.write(f"gunicorn's log:\n{log.read_text()[-5000:]}\n")
        raise
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def wrk(url: str, seconds: int, connections: int) -> dict:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s"]
    done = subprocess.run([*command, "-s", str(SCRIPT), url], capture_output=True, text=True)
    lines = [x for x in done.stdout.splitlines() if x.startswith("BENCH ")]
    if done.returncode or not lines:
        raise RuntimeError(f"wrk {url} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    figures = json.loads(lines[-1].removeprefix("BENCH "))
    failed = {key: figures[key] for key in ("not_200", "connect", "read", "write", "timeout")}
    if any(failed.values()) or not figures["requests"]:
        raise RuntimeError(f"wrk {url}: requests that failed or were not 200: {failed}")
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def run_all() -> dict[str, dict]:
    """Each page of PAGES in turn: {name: its figures}."""
    return {name: run(page) for name, page in PAGES.items()}


def run(page: str = PAGE) -> dict:
    if not shutil.which("wrk"):
        raise SystemExit("The public pages benchmark needs wrk: apt-get install wrk")
    static_file = STATIC.format(slug=page.strip("/").replace("/", "-"))
    with tempfile.TemporaryDirectory(prefix="protocol-bench-public-") as tmp:
        folder = Path(tmp)
        root = folder / "static"
        env, port, log = production_env(root), free_port(), folder / "gunicorn.log"
        manage = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
        subprocess.run(manage, env=env, cwd=settings.BASE_DIR, check=True)
        # The data was just made: give the planner the statistics autovacuum would have.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

        with gunicorn(env, port, log, PUBLIC_PAGES_CACHE="false") as base:
            body = get(base, page)
            wrk(base + page, WARMUP, LATENCY_CONNECTIONS)
            uncached = wrk(base + page, DURATION * ROUNDS, LATENCY_CONNECTIONS)

        # The same bytes as a file, in place before the server starts: whitenoise scans
        # STATIC_ROOT once, at start-up.
        (root / static_file).parent.mkdir(parents=True, exist_ok=True)
        (root / static_file).write_bytes(body)
        static_url = settings.STATIC_URL.rstrip("/") + "/" + static_file
        if not static_url.startswith("/"):
            static_url = "/" + static_url
        with gunicorn(env, port, log, PUBLIC_PAGES_CACHE="true") as base:
            sizes = {"page": len(get(base, page)), "static": len(get(base, static_url))}
            if sizes["page"] != sizes["static"]:
                raise RuntimeError(f"the page and the static file differ in size: {sizes}")
            urls = {"static": base + static_url, "cached": base + page}
            rps = {name: [] for name in urls}
            for url in urls.values():
                wrk(url, WARMUP, THROUGHPUT_CONNECTIONS)
            for _round in range(ROUNDS):  # in turns: a noisy moment falls on both alike
                for name, url in urls.items():
                    rps[name].append(wrk(url, DURATION, THROUGHPUT_CONNECTIONS)["rps"])

        # For the record: the same cached page when each request reads the data's state (one
        # query), as it does while the notice listener is down, or on SQLite.
        with gunicorn(env, port, log, PUBLIC_PAGES_CACHE="true", PUBLIC_STATE_LISTEN="false"):
            wrk(urls["cached"], WARMUP, THROUGHPUT_CONNECTIONS)
            reading = [wrk(urls["cached"], DURATION, THROUGHPUT_CONNECTIONS)["rps"]]
            rps["cached, state read per page"] = reading

    static, cached = statistics.median(rps["static"]), statistics.median(rps["cached"])
    read_each_time = statistics.median(rps["cached, state read per page"])
    return {
        "page_bytes": sizes["page"],
        "static_bytes": sizes["static"],
        "static_rps": static,
        "cached_rps": cached,
        "ratio": cached / static,
        "read_each_time_rps": read_each_time,
        "read_each_time_ratio": read_each_time / static,
        "rounds_rps": rps,
        "uncached_requests": uncached["requests"],
        "uncached_median_ms": uncached["p50_ms"],
        "uncached_p95_ms": uncached["p95_ms"],
        "uncached_p99_ms": uncached["p99_ms"],
        "not_200": 0,  # wrk() raised otherwise
    }


def goals(figures: dict) -> list[tuple[str, bool]]:
    ratio, p95 = figures["ratio"], figures["uncached_p95_ms"]
    return [
        (f"cached page at least 0.5 of the static file's req/s: {ratio:.2f}", ratio >= 0.5),
        (f"uncached page p95 under 100 ms: {p95:.1f} ms", p95 < 100),
    ]


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    from bench.__main__ import print_public_pages
    from visits.demo.seed import seed_demo

    setup_test_environment()
    # serialize=False: no in-memory copy of the whole database (tests' rollback aid, ~30 s).
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=True, serialize=False)
    seed_demo(synthetic_years=int(os.environ.get("BENCH_YEARS", 20)))  # no-op once seeded
    print_public_pages()
