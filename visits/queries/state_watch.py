"""A thread per process that listens for PostgreSQL's notice of a change to the public data
(sent at commit by the trigger of migration 0013), so that the public pages' key is known
without a query between two changes.

Every notice, and every (re)connection of the listener, moves `generation`; what was read
before is then read again. While the listener is down, every page reads the state itself.
A notice arrives a few milliseconds after its commit: a page asked for in between is the page
from just before the change.

A connection can also die in silence: a NAT or a firewall that forgets it drops its packets
and tells no one, and the listener would wait for notices forever while the pages it keeps go
stale. TCP keepalives do not help (the middlebox, or a proxy, acknowledges for the server),
nor does statement_timeout (the server never gets the query). So the listener asks the server
a question (`SELECT 1`) every quarter of the maximum age, and takes a connection that has not
answered within half of it for dead: it drops it and connects again. An answer proves every
notice committed before the question was sent has arrived (the server sends pending notices
before it says it is ready), so a kept state is known right as of the last answered question,
or of its own read if that came later; older than the maximum age (PUBLIC_STATE_MAX_AGE), it
is not trusted and the page reads the state. Whatever the listener believes, a change shows
within the maximum age.
"""

import logging
import os
import selectors
import threading
import time
from dataclasses import dataclass

import psycopg
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from psycopg import pq

CHANNEL = "visits_public_state"
RETRY_SECONDS = 2
CONNECT_TIMEOUT = 5  # seconds; libpq's own default is to wait for ever
STOP_CHECK_SECONDS = 1.0

logger = logging.getLogger(__name__)


class Silent(psycopg.OperationalError):
    """The server has not answered in time: the connection is taken for dead."""


def ask(connection: psycopg.Connection, query: bytes, within: float) -> int:
    """Runs `query` on the listener's (idle, autocommit) connection and waits for its answer
    `within` seconds at most, where psycopg would wait for ever. Returns how many notices
    came meanwhile."""
    pgconn = connection.pgconn  # psycopg keeps it non-blocking
    deadline = time.monotonic() + within
    pgconn.send_query(query)
    with selectors.DefaultSelector() as selector:
        selector.register(pgconn.socket, selectors.EVENT_WRITE)
        while pgconn.flush():
            if not selector.select(max(0.0, deadline - time.monotonic())):
                raise Silent(f"could not send {query!r} within {within} s")
        selector.modify(pgconn.socket, selectors.EVENT_READ)
        while pgconn.is_busy():
            if not selector.select(max(0.0, deadline - time.monotonic())):
                raise Silent(f"no answer to {query!r} within {within} s")
            pgconn.consume_input()
    while (result := pgconn.get_result()) is not None:
        if result.status not in (pq.ExecStatus.COMMAND_OK, pq.ExecStatus.TUPLES_OK):
            raise psycopg.OperationalError(result.error_message.decode(errors="replace"))
    notices = 0
    while pgconn.notifies() is not None:
        notices += 1
    return notices


@dataclass(frozen=True)
class Ticket:
    """Taken before a read of the state: the generation then, and when it was."""

    generation: int
    at: float  # time.monotonic()


class StateWatch:
    def __init__(self, max_age: float, heartbeat_every: float | None = None):
        if not max_age > 0:
            raise ImproperlyConfigured(f"PUBLIC_STATE_MAX_AGE must be above 0, not {max_age}.")
        self.max_age = max_age
        self.heartbeat_every = max_age / 4 if heartbeat_every is None else heartbeat_every
        self.answer_within = max_age / 2
        self.lock = threading.Lock()
        self.generation = 0
        self.listening = False
        self.alive_at = float("-inf")  # when the last answered question was sent
        self.read = None  # (Ticket, Read)
        self.stopping = threading.Event()

    def ticket(self) -> Ticket:
        return Ticket(self.generation, time.monotonic())

    def kept(self, now):
        with self.lock:
            if not self.listening or self.read is None:
                return None
            ticket, read = self.read
            known_at = max(ticket.at, self.alive_at)
            fresh = (
                ticket.generation == self.generation
                and time.monotonic() - known_at <= self.max_age
                and read.holds_at(now)
            )
            return read if fresh else None

    def keep(self, read, ticket: Ticket) -> None:
        """Kept only if no notice came since the ticket was taken, before the read."""
        with self.lock:
            if self.listening and ticket.generation == self.generation:
                self.read = (ticket, read)

    def changed(self) -> None:
        with self.lock:
            self.generation += 1
            self.read = None

    def alive(self, since: float) -> None:
        with self.lock:
            self.alive_at = since

    def listen(self, params: dict) -> None:
        params = {"connect_timeout": CONNECT_TIMEOUT, **params}
        while not self.stopping.is_set():
            try:
                with psycopg.connect(**params, autocommit=True) as listener:
                    try:
                        self.hear(listener)
                    finally:
                        listener.close()  # at once: a rollback would wait on a dead line
            except (psycopg.Error, OSError) as error:  # OSError: its socket
                logger.warning("Public state listener lost (%s); retrying.", error)
            finally:
                with self.lock:
                    self.listening = False
                    self.read = None
            self.stopping.wait(RETRY_SECONDS)

    def hear(self, listener: psycopg.Connection) -> None:
        sent = time.monotonic()
        ask(listener, f"LISTEN {CHANNEL}".encode(), self.answer_within)
        self.changed()  # notices may have been missed while away
        with self.lock:
            self.listening = True
            self.alive_at = sent
        next_beat = time.monotonic() + self.heartbeat_every
        while not self.stopping.is_set():
            wait = min(STOP_CHECK_SECONDS, max(0.0, next_beat - time.monotonic()))
            for _notice in listener.notifies(timeout=wait):
                self.changed()
            if time.monotonic() >= next_beat:
                sent = time.monotonic()
                if ask(listener, b"SELECT 1", self.answer_within):
                    self.changed()
                self.alive(sent)
                next_beat = time.monotonic() + self.heartbeat_every


_watch: StateWatch | None = None
_thread: threading.Thread | None = None
_watch_pid: int | None = None
_start_lock = threading.RLock()


def listener_params() -> dict:
    params = connections["default"].get_connection_params()
    return {key: value for key, value in params.items() if key not in ("cursor_factory", "context")}


def start(watch: StateWatch, params: dict) -> StateWatch:
    """Makes `watch` this process's and starts its thread (tests start one of their own)."""
    global _watch, _thread, _watch_pid
    with _start_lock:
        _watch = watch
        _thread = threading.Thread(
            target=watch.listen, args=(params,), name="public-state-listener", daemon=True
        )
        _thread.start()
        _watch_pid = os.getpid()
    return watch


def current() -> StateWatch | None:
    """This process's watch, started at the first call (after gunicorn's fork); None where
    there is nothing to listen to (SQLite) or the setting turns it off."""
    if not settings.PUBLIC_STATE_LISTEN or connections["default"].vendor != "postgresql":
        return None
    if _watch_pid != os.getpid():
        with _start_lock:
            if _watch_pid != os.getpid():
                start(StateWatch(settings.PUBLIC_STATE_MAX_AGE), listener_params())
    return _watch


def stop() -> None:
    """For tests: closes the listener's connection; the next call starts a new watch."""
    global _watch, _thread, _watch_pid
    with _start_lock:
        if _watch is not None:
            _watch.stopping.set()
            _thread.join(timeout=5)
        _watch, _thread, _watch_pid = None, None, None
