"""A thread per process that listens for PostgreSQL's notice of a change to the public data
(sent at commit by the trigger of migration 0013), so that the public pages' key is known
without a query between two changes.

Every notice, and every (re)connection of the listener, moves `generation`; what was read
before is then read again. While the listener is down, every page reads the state itself.
A notice arrives a few milliseconds after its commit: a page asked for in between is the page
from just before the change.
"""

import logging
import os
import threading

import psycopg
from django.conf import settings
from django.db import connections

CHANNEL = "visits_public_state"
RETRY_SECONDS = 2

logger = logging.getLogger(__name__)


class StateWatch:
    def __init__(self):
        self.lock = threading.Lock()
        self.generation = 0
        self.listening = False
        self.read = None  # (generation, Read)
        self.stopping = threading.Event()

    def kept(self, now):
        with self.lock:
            if not self.listening or self.read is None:
                return None
            generation, read = self.read
            fresh = generation == self.generation and read.holds_at(now)
            return read if fresh else None

    def keep(self, read, generation: int) -> None:
        """Kept only if no notice came since `generation` was taken, before the read."""
        with self.lock:
            if self.listening and generation == self.generation:
                self.read = (generation, read)

    def changed(self) -> None:
        with self.lock:
            self.generation += 1
            self.read = None

    def listen(self, params: dict) -> None:
        while not self.stopping.is_set():
            try:
                with psycopg.connect(**params, autocommit=True) as listener:
                    listener.execute(f"LISTEN {CHANNEL}")
                    self.changed()  # notices may have been missed while away
                    with self.lock:
                        self.listening = True
                    while not self.stopping.is_set():  # looked at once a second
                        for _notice in listener.notifies(timeout=1.0):
                            self.changed()
            except psycopg.Error as error:
                logger.warning("Public state listener lost (%s); retrying.", error)
            finally:
                with self.lock:
                    self.listening = False
                    self.read = None
            self.stopping.wait(RETRY_SECONDS)


_watch: StateWatch | None = None
_thread: threading.Thread | None = None
_watch_pid: int | None = None
_start_lock = threading.Lock()


def listener_params() -> dict:
    params = connections["default"].get_connection_params()
    return {key: value for key, value in params.items() if key not in ("cursor_factory", "context")}


def current() -> StateWatch | None:
    """This process's watch, started at the first call (after gunicorn's fork); None where
    there is nothing to listen to (SQLite) or the setting turns it off."""
    global _watch, _thread, _watch_pid
    if not settings.PUBLIC_STATE_LISTEN or connections["default"].vendor != "postgresql":
        return None
    if _watch_pid != os.getpid():
        with _start_lock:
            if _watch_pid != os.getpid():
                _watch = StateWatch()
                _thread = threading.Thread(
                    target=_watch.listen,
                    args=(listener_params(),),
                    name="public-state-listener",
                    daemon=True,
                )
                _thread.start()
                _watch_pid = os.getpid()
    return _watch


def stop() -> None:
    """For tests: closes the listener's connection; the next call starts a new watch."""
    global _watch, _thread, _watch_pid
    with _start_lock:
        if _watch is not None:
            _watch.stopping.set()
            _thread.join(timeout=5)
        _watch, _thread, _watch_pid = None, None, None
