"""A small HTTP/1.1 keep-alive load generator for one loopback endpoint (no wrk or oha here).

Each of ``connections`` sockets sends one request, reads the whole response (status line,
``Content-Length`` body), and sends the next: closed loop, so the figure is the server's
throughput at that concurrency and the latency is what each request waited for. The work per
request is an ``asyncio.Protocol`` callback over pre-built request bytes, so one core of the
load generator drives several times what one core of a Python server answers.

    python bench/bidder/load.py --url http://127.0.0.1:8000/rtb/bid --body-dir bodies/ \\
        --seconds 10 --connections 32
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit


@dataclass
class Tally:
    started: float = 0.0
    stopped: float = 0.0
    latencies_ns: list[int] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: int = 0

    def figures(self) -> dict[str, float]:
        ordered = sorted(self.latencies_ns)
        count = len(ordered)
        elapsed = self.stopped - self.started

        def at(q: float) -> float:
            return ordered[min(count - 1, int(q * count))] / 1e6 if count else 0.0

        return {
            "requests": count,
            "seconds": round(elapsed, 3),
            "rps": round(count / elapsed, 1) if elapsed else 0.0,
            "p50_ms": round(at(0.50), 3),
            "p90_ms": round(at(0.90), 3),
            "p99_ms": round(at(0.99), 3),
            "max_ms": round(ordered[-1] / 1e6, 3) if count else 0.0,
            "errors": self.errors,
            **{f"status_{k}": v for k, v in sorted(self.statuses.items())},
        }


def build_requests(
    host: str, port: int, path: str, method: str, bodies: Sequence[bytes]
) -> list[bytes]:
    """Each request's bytes, built once, so the loop only writes them."""
    head = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
    if not bodies:
        return [(head + "\r\n").encode()]
    return [
        (head + f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
        + body
        for body in bodies
    ]


class Connection(asyncio.Protocol):
    """One keep-alive connection: send, read one whole response, record, send the next."""

    def __init__(
        self, requests: Sequence[bytes], offset: int, tally: Tally, state: dict[str, bool]
    ):
        self.requests = requests
        self.next = offset
        self.tally = tally
        self.state = state
        self.buffer = bytearray()
        self.sent_at = 0
        self.transport: asyncio.Transport | None = None
        self.done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports implement asyncio.Transport without subclassing it.
        self.transport = cast(asyncio.Transport, transport)
        self._send()

    def _send(self) -> None:
        if not self.state["running"]:
            assert self.transport is not None
            self.transport.close()
            return
        request = self.requests[self.next % len(self.requests)]
        self.next += 1
        self.sent_at = time.perf_counter_ns()
        assert self.transport is not None
        self.transport.write(request)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buffer[:end])
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            total = end + 4 + length
            if len(self.buffer) < total:
                return
            now = time.perf_counter_ns()
            status = int(head[9:12])
            del self.buffer[:total]
            if self.state["measuring"]:
                self.tally.latencies_ns.append(now - self.sent_at)
                self.tally.statuses[status] += 1
            self._send()

    def connection_lost(self, exc: Exception | None) -> None:
        if exc is not None or self.state["running"]:
            self.tally.errors += 1
        if not self.done.done():
            self.done.set_result(None)


async def drive(
    url: str,
    bodies: Sequence[bytes],
    *,
    seconds: float,
    connections: int,
    warmup: float = 1.0,
    method: str | None = None,
) -> dict[str, float]:
    """Load ``url`` for ``warmup`` then ``seconds`` seconds; the figures of the measured part."""
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    requests = build_requests(host, port, path, method or ("POST" if bodies else "GET"), bodies)
    tally = Tally()
    state = {"running": True, "measuring": False}
    loop = asyncio.get_running_loop()
    opened: list[Connection] = []
    for n in range(connections):
        protocol = Connection(requests, n * 7919, tally, state)
        await loop.create_connection(lambda protocol=protocol: protocol, host, port)  # type: ignore[misc]
        opened.append(protocol)
    await asyncio.sleep(warmup)
    state["measuring"] = True
    tally.started = time.perf_counter()
    await asyncio.sleep(seconds)
    state["measuring"] = False
    tally.stopped = time.perf_counter()
    state["running"] = False
    await asyncio.wait([p.done for p in opened], timeout=5)
    return tally.figures()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--body-dir", type=Path, help="POST these *.json bodies in turn")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--warmup", type=float, default=1)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    bodies = [p.read_bytes() for p in sorted(args.body_dir.glob("*.json"))] if args.body_dir else []
    work = drive(
        args.url, bodies, seconds=args.seconds, connections=args.connections, warmup=args.warmup
    )
    try:
        import uvloop
    except ImportError:  # the standard loop is slower, but still a valid measurement
        figures = asyncio.run(work)
    else:
        figures = uvloop.run(work)
    json.dump(figures, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
