"""A real server on the loopback: a flood of page views leaves /healthz fast (pages are rendered once,
off the event loop), and a connection that never finishes its request head is closed."""

from __future__ import annotations

import http.client
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

pytest.importorskip("uvicorn")

from symnn.serve.server import TimedH11Protocol  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_up(url: str, process=None) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    if process is not None:
        process.kill()
    pytest.fail("symnn serve did not start")


@pytest.fixture(scope="module")
def served():
    """``symnn serve`` in its own process, with a rate limit high enough to let the whole flood in."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "symnn", "serve", "--port", str(port), "--workers", "1",
                                "--rate", "10000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_up(f"http://127.0.0.1:{port}", process)
    yield port
    process.terminate()
    process.wait(timeout=10)


def _get(port: int, path: str, connection=None) -> tuple[int, float, http.client.HTTPConnection]:
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    connection.request("GET", path)
    reply = connection.getresponse()
    reply.read()
    return reply.status, time.perf_counter() - start, connection


# 20 clients reloading pages over keep-alive connections for a few seconds; prints how many answers of
# each status they got. A process of its own, so that the flood's threads do not slow this test's clock.
FLOOD = """
import collections, http.client, sys, threading, time
port, seconds, pages = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
statuses, deadline = collections.Counter(), time.monotonic() + seconds
def reload(k):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < deadline:
        connection.request("GET", pages[k % len(pages)])
        reply = connection.getresponse()
        reply.read()
        statuses[reply.status] += 1
threads = [threading.Thread(target=reload, args=(k,)) for k in range(20)]
for thread in threads: thread.start()
for thread in threads: thread.join()
print(dict(statuses))
"""


def test_a_flood_of_page_views_leaves_healthz_quick(served):
    """/healthz answers quickly during a flood of page views: its median under 50 ms on a quiet machine (about
    30 ms on two cores); the test allows 150 ms, or 8 times its time before the flood, for a machine busy with
    other work. A page rendered in the event loop would hold every request for the render (hundreds of ms)."""
    pages = ["/problems/delta-rule", "/problems/delta-rule?lang=ru", "/problems/graph-exp", "/?lang=ru"]
    for page in pages:                                   # the first view of each renders it (in a thread)
        assert _get(served, page)[0] == 200
    idle = statistics.median(_get(served, "/healthz")[1] for _ in range(20))
    flood = subprocess.Popen([sys.executable, "-c", FLOOD, str(served), "4", *pages], stdout=subprocess.PIPE, text=True)
    time.sleep(0.5)
    health = []
    for _ in range(40):
        status, seconds, _ = _get(served, "/healthz")
        assert status == 200
        health.append(seconds)
        time.sleep(0.05)
    statuses = _counts(flood.communicate(timeout=60)[0])
    assert sum(statuses.values()) > 100 and set(statuses) == {200}, statuses
    print(f"/healthz during the flood: median {statistics.median(health) * 1000:.1f} ms (idle {idle * 1000:.1f} ms), {statuses}")
    assert statistics.median(health) < max(0.150, 8 * idle), (idle, sorted(health))


def _counts(printed: str) -> dict[int, int]:
    """The flood's printed {status: count}, read without eval."""
    return {int(k): int(v) for k, v in re.findall(r"(\d+): (\d+)", printed)}


class _Quick(TimedH11Protocol):
    header_timeout = 0.5


def test_a_request_head_that_never_ends_is_closed():
    import uvicorn

    from symnn.serve.app import create_app
    port = _free_port()
    config = uvicorn.Config(create_app(workers=1), host="127.0.0.1", port=port, http=_Quick, proxy_headers=False,
                            log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port)) as slow, socket.create_connection(("127.0.0.1", port)) as idle:
            slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")           # the head, never finished
            start = time.monotonic()
            slow.settimeout(5)
            idle.settimeout(5)
            assert slow.recv(100) == b""                                    # closed by the server
            assert idle.recv(100) == b""                                    # a connection that sent nothing too
            assert 0.4 < time.monotonic() - start < 3
    finally:
        server.should_exit = True
        thread.join(timeout=10)
