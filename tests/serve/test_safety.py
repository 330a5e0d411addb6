"""Safe by default: every error path answers its status with a JSON body (a page for page routes)
and logs no traceback; security headers on every answer; X-Forwarded-For believed only from a
configured proxy; /metrics for the loopback or a token; bodies read within a size and a time."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from symnn.serve import guard  # noqa: E402
from symnn.serve.app import create_app  # noqa: E402
from symnn.serve.limits import RateLimit  # noqa: E402

HEADERS = {"content-security-policy", "x-content-type-options", "referrer-policy"}


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(workers=1, timeout=5.0, rate=1000, burst=1000), raise_server_exceptions=False,
                    client=("127.0.0.1", 50000)) as c:
        yield c


def _no_traceback(caplog):
    """Nothing logged as an error, and no log line with a traceback."""
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not bad, [r.getMessage() for r in bad]


def _statuses(caplog) -> list[int]:
    return [json.loads(r.getMessage())["status"] for r in caplog.records
            if r.name == "symnn.serve" and r.getMessage().startswith("{")]


@pytest.mark.parametrize("method, path, kwargs, status, words", [
    # a body over the limit, declared or sent without a length (chunked)
    ("post", "/api/check", {"content": b"x" * 70_000, "headers": {"Content-Type": "application/json"}}, 413, "larger"),
    ("post", "/api/check", {"content": iter([b"x" * 40_000, b"x" * 40_000]),
                            "headers": {"Content-Type": "application/json"}}, 413, "larger"),
    # malformed and too deep JSON
    ("post", "/api/check", {"content": b"{", "headers": {"Content-Type": "application/json"}}, 400, "not JSON"),
    ("post", "/api/read", {"content": b'{"answer": ' + b"[" * 20_000 + b"]" * 20_000 + b"}",
                           "headers": {"Content-Type": "application/json"}}, 400, "nested"),
    # the wrong content type, a multipart upload among them
    ("post", "/api/check", {"content": b'{"reference": "x", "answer": "x"}', "headers": {"Content-Type": "text/plain"}},
     415, "application/json"),
    ("post", "/api/check", {"files": {"answer": ("a.txt", b"x")}}, 415, "multipart/form-data"),
    ("post", "/api/read", {"content": b'{"answer": "x"}'}, 415, "not none"),
    ("get", "/api/nothing", {}, 404, "no such page"),
    ("get", "/api/check", {}, 405, "method"),
])
def test_every_error_is_json_with_its_status_and_no_traceback(client, caplog, method, path, kwargs, status, words):
    caplog.set_level(logging.INFO, "symnn.serve")
    reply = getattr(client, method)(path, **kwargs)
    assert reply.status_code == status, reply.text
    assert reply.headers["content-type"] == "application/json"
    assert words.lower() in reply.json()["error"].lower()
    assert HEADERS <= set(reply.headers)
    assert _statuses(caplog) == [status]
    _no_traceback(caplog)


def test_a_page_route_answers_errors_as_a_page_in_the_students_language(client, caplog):
    caplog.set_level(logging.INFO, "symnn.serve")
    upload = client.post("/problems/4.5?lang=ru", files={"answer": ("a.txt", b"(1, 2)")})
    assert upload.status_code == 415 and upload.headers["content-type"].startswith("text/html")
    assert "Ошибка 415" in upload.text and "UploadFile" not in upload.text
    missing = client.get("/problems/nope?lang=ru")
    assert missing.status_code == 404 and "Такой задачи нет." in missing.text and '<html lang="ru">' in missing.text
    assert _statuses(caplog) == [415, 404]
    _no_traceback(caplog)


def _call(app, scope_extra: dict, messages: list, delay: float = 0.0):
    """Drive the ASGI app with ``messages`` as the client's body (then a disconnect); what it sent."""
    sent, queue = [], list(messages)

    async def receive():
        if delay:
            await asyncio.sleep(delay)
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/check", "query_string": b"", "client": ("127.0.0.1", 1),
             "headers": [(b"content-type", b"application/json")], **scope_extra}
    asyncio.run(app(scope, receive, send))
    return sent


def _guarded():
    async def inner(scope, receive, send):            # what the routes would do: read the body, answer
        raise AssertionError("the body never arrived")
    return guard.Guard(inner, {"check": RateLimit(100, 100)})


def test_a_client_that_leaves_mid_body_is_logged_499_not_500(caplog):
    caplog.set_level(logging.INFO, "symnn.serve")
    sent = _call(_guarded(), {}, [{"type": "http.request", "body": b'{"answer": ', "more_body": True}])
    assert sent == []                                   # nobody to answer
    assert _statuses(caplog) == [499]
    _no_traceback(caplog)


def test_a_body_that_does_not_arrive_in_time_is_408(caplog, monkeypatch):
    caplog.set_level(logging.INFO, "symnn.serve")
    monkeypatch.setattr(guard, "BODY_TIMEOUT", 0.2)
    sent = _call(_guarded(), {}, [{"type": "http.request", "body": b"{", "more_body": True}] * 10, delay=0.1)
    assert sent[0]["status"] == 408 and b"took longer" in sent[1]["body"]
    assert _statuses(caplog) == [408]
    _no_traceback(caplog)


def test_security_headers_on_every_answer(client):
    for reply in (client.get("/"), client.get("/problems/4.6?lang=ru"), client.get("/static/page.js"),
                  client.get("/healthz"), client.get("/nope"), client.post("/api/check", content=b"{}")):
        assert HEADERS <= set(reply.headers), reply.request.url
        csp = reply.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["referrer-policy"] == "no-referrer"
    page = client.get("/problems/graph-exp").text
    # the policy allows no inline script or style: the page has none
    assert "<script>" not in page and "<style" not in page and " style=" not in page
    assert '<script src="/static/page.js">' in page and 'href="/static/page.css"' in page


def _spoofed(app, peer: str) -> list[int]:
    with TestClient(app, client=(peer, 1234)) as c:
        return [c.post("/api/check", json={"reference": "x", "answer": "x"},
                       headers={"X-Forwarded-For": f"203.0.113.{k}"}).status_code for k in range(6)]


def test_a_spoofed_forwarded_for_is_ignored_by_default():
    codes = _spoofed(create_app(workers=1, rate=0.01, burst=3), "198.51.100.7")
    assert codes[:3] == [200] * 3 and codes[3:] == [429] * 3      # one client, whatever it claims


def test_forwarded_for_is_believed_from_a_configured_proxy_only():
    app = create_app(workers=1, rate=0.01, burst=3, trusted_proxies="10.0.0.0/8")
    assert _spoofed(app, "10.1.2.3") == [200] * 6                   # six clients behind the proxy
    assert _spoofed(create_app(workers=1, rate=0.01, burst=3, trusted_proxies="10.0.0.0/8"), "198.51.100.7")[3:] == \
        [429] * 3                                                   # a client that is not the proxy


def test_client_address_takes_the_last_untrusted_hop():
    trusted = guard.trusted_networks("10.0.0.1, 192.168.0.0/16")
    scope = {"client": ("10.0.0.1", 1), "headers": [(b"x-forwarded-for", b"1.1.1.1, 2.2.2.2, 192.168.3.4")]}
    assert guard.client_address(scope, trusted) == "2.2.2.2"       # 1.1.1.1 is what the client claimed
    assert guard.client_address(scope, ()) == "10.0.0.1"


def test_metrics_for_the_loopback_or_a_token():
    with TestClient(create_app(workers=1), client=("198.51.100.7", 1)) as outside:
        assert outside.get("/metrics").status_code == 404
    with TestClient(create_app(workers=1), client=("127.0.0.1", 1)) as local:
        assert local.get("/metrics").status_code == 200
        assert local.get("/metrics", headers={"X-Forwarded-For": "1.2.3.4"}).status_code == 404   # via a proxy
    with TestClient(create_app(workers=1, metrics_token="s3cret"), client=("198.51.100.7", 1)) as remote:
        assert remote.get("/metrics").status_code == 401
        assert remote.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
        text = remote.get("/metrics", headers={"Authorization": "Bearer s3cret"}).text
        for name in ("symnn_check_wait_seconds_count", "symnn_check_work_seconds_count", "symnn_checks_total",
                     "symnn_checks_not_started_total", "symnn_worker_restarts_total", "symnn_rate_limited_total"):
            assert name in text


def test_a_failure_of_the_service_is_one_json_500_and_one_logged_traceback(caplog):
    from starlette.routing import Route

    async def broken(request):
        raise RuntimeError("a bug")
    app = create_app(workers=1)
    app.router.routes.append(Route("/api/broken", broken))
    caplog.set_level(logging.INFO, "symnn.serve")
    with TestClient(app, raise_server_exceptions=False) as c:
        reply = c.get("/api/broken")
    assert reply.status_code == 500 and reply.json() == {"error": "internal error"}
    assert HEADERS <= set(reply.headers)
    tracebacks = [r for r in caplog.records if r.exc_info]
    assert len(tracebacks) == 1 and "a bug" in str(tracebacks[0].exc_info[1])
    assert _statuses(caplog) == [500]
