"""A TCP proxy on 127.0.0.1 that can be told to drop every byte, both ways, without closing
anything: what a NAT or a firewall that forgets a connection does to it.

Neither end sees an error, a reset or a close. The proxy keeps reading what each end sends
(and throws it away), so their kernels go on acknowledging it: TCP keepalives and timeouts on
unacknowledged data have nothing to report either, as behind a real middlebox that answers
for the peer. A connection dropped stays dead (the middlebox has forgotten it); one opened
while dropping is accepted and never answered; once told to forward again, new connections
go through.
"""

import selectors
import socket
import threading


class Pair:
    def __init__(self, near: socket.socket, far: socket.socket | None, dead: bool):
        self.near, self.far, self.dead = near, far, dead

    def other(self, end: socket.socket) -> socket.socket | None:
        return self.far if end is self.near else self.near


class BlackHoleProxy:
    def __init__(self, target: str | tuple[str, int]):
        """`target`: (host, port), or the path of a Unix socket."""
        self.target = target
        self.listening = socket.create_server(("127.0.0.1", 0))
        self.port = self.listening.getsockname()[1]
        self.accepted = 0
        self.dropping = False
        self.pairs: list[Pair] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listening, selectors.EVENT_READ)
        self.thread = threading.Thread(target=self.run, name="black-hole-proxy", daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join(timeout=5)
        with self.lock:
            for pair in self.pairs:
                for end in (pair.near, pair.far):
                    if end is not None:
                        end.close()
        self.listening.close()
        self.selector.close()

    def black_hole(self) -> None:
        with self.lock:
            self.dropping = True
            for pair in self.pairs:
                pair.dead = True

    def forward_again(self) -> None:
        with self.lock:
            self.dropping = False

    def upstream(self) -> socket.socket:
        if isinstance(self.target, str):
            far = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            far.connect(self.target)
            return far
        return socket.create_connection(self.target)

    def accept(self) -> None:
        near, _address = self.listening.accept()
        with self.lock:
            self.accepted += 1
            dead = self.dropping
            pair = Pair(near, None if dead else self.upstream(), dead)
            self.pairs.append(pair)
        for end in (pair.near, pair.far):
            if end is not None:
                self.selector.register(end, selectors.EVENT_READ, pair)

    def pump(self, end: socket.socket, pair: Pair) -> None:
        try:
            data = end.recv(65536)
        except OSError:
            data = b""
        with self.lock:
            if not data:  # closed: a dead pair's other end never hears of it
                ends = [end] if pair.dead else [e for e in (pair.near, pair.far) if e]
                for closing in ends:
                    self.selector.unregister(closing)
                    closing.close()
                    if closing is pair.near:
                        pair.near = None
                    else:
                        pair.far = None
                return
            if not pair.dead:
                pair.other(end).sendall(data)

    def run(self) -> None:
        while not self.stopping.is_set():
            for key, _events in self.selector.select(timeout=0.05):
                if key.fileobj is self.listening:
                    self.accept()
                else:
                    self.pump(key.fileobj, key.data)
