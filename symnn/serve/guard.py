"""The ASGI middleware in front of every route. For each request it

- finds the client: the socket's address, or the address a configured trusted proxy forwarded;
- limits each client's rate, separately for checks, previews and page views;
- reads a POST body whole, within ``MAX_BODY`` bytes and ``BODY_TIMEOUT`` seconds, of the content
  type its route takes (413, 408, 415 otherwise), and notes a client that went away (499, no answer);
  an API error is said in the language the JSON body asks for; a problem page's form refused
  (429, 413) goes on to the page, which shows itself again with the answer kept and the reason
  (``scope["symnn.refused"]``);
- adds the security headers to every answer;
- logs one line and counts the request for /metrics; a failure of the service is logged with its
  traceback and answered 500, a client's mistake never is.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import time

from ..lang import LANGUAGES
from .bodies import BodyError, read_json
from .errors import error_response
from .limits import RateLimit
from .metrics import METRICS

LOG = logging.getLogger("symnn.serve")
MAX_BODY = 64 * 1024
BODY_TIMEOUT = 10.0          # seconds to send a whole body
DISCONNECTED = 499           # nginx's code for a client that closed the connection first

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# the content type each POST route reads
CONTENT_TYPES = {"/api/": "application/json", "/problems/": "application/x-www-form-urlencoded"}


class Gone(Exception):
    """The client closed the connection before its request was read."""


def trusted_networks(spec: str | None) -> tuple:
    """``--forwarded-allow-ips``: addresses or networks, comma-separated ("10.0.0.1, 192.168.0.0/16")."""
    if not spec:
        return ()
    return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in spec.split(",") if part.strip())


def client_address(scope, trusted: tuple) -> str:
    """The socket's peer; behind a trusted proxy, the last address in X-Forwarded-For that is not a trusted proxy."""
    peer = (scope.get("client") or ("-",))[0]
    if not trusted or not _is_trusted(peer, trusted):
        return peer
    forwarded = b",".join(v for k, v in scope.get("headers", ()) if k == b"x-forwarded-for").decode("latin-1")
    for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
        if not _is_trusted(hop, trusted):
            return hop[:64]
    return peer


def _is_trusted(address: str, trusted: tuple) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def rate_kind(method: str, path: str) -> str | None:
    """Which bucket a request draws from: checks, previews, page views (None: not limited)."""
    if path in ("/healthz", "/metrics") or path.startswith("/static/"):
        return None
    if path == "/api/read":
        return "read"
    if method == "POST":
        return "check"
    return "page"


class Guard:
    def __init__(self, app, limits: dict[str, RateLimit], trusted: tuple = ()):
        self.app, self.limits, self.trusted = app, limits, trusted

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start, status, started = time.perf_counter(), [500], [False]
        client = client_address(scope, self.trusted)
        scope["symnn.client"] = client
        method, path = scope["method"], scope["path"]

        async def sending(message):
            if message["type"] == "http.response.start":
                status[0], started[0] = message["status"], True
                message = {**message, "headers": [*message.get("headers", ()), *SECURITY_HEADERS]}
            await send(message)

        try:
            kind = rate_kind(method, path)
            limit = self.limits.get(kind)
            limited = None
            if limit is not None and not limit.allow(client):
                METRICS.count("symnn_rate_limited_total", kind=kind)
                limited = {"Retry-After": str(limit.retry_after())}
            if method == "POST":
                await self._with_body(scope, receive, sending, limited)
            elif limited:
                await error_response(scope, 429, "serve.error.rate", limited)(scope, receive, sending)
            else:
                await self.app(scope, receive, sending)
        except Gone:
            status[0] = DISCONNECTED
            METRICS.count("symnn_disconnects_total")
        except Exception:                                    # a failure of the service: logged here, never shown
            LOG.exception("request failed: %s %s", method, path)
            status[0] = 500
            if not started[0]:
                await error_response(scope, 500, "serve.error.internal")(scope, receive, sending)
        finally:
            seconds = time.perf_counter() - start
            route = route_of(path)
            METRICS.observe(route, status[0], seconds)
            LOG.info(json.dumps({"method": method, "route": route, "status": status[0],
                                 "ms": round(seconds * 1000, 1), "client": client}))

    async def _with_body(self, scope, receive, send, limited: dict | None):
        """The route with the body read; ``limited``: the client is over its rate (its Retry-After)."""
        form = scope["path"].startswith("/problems/")
        too_large = (413, "serve.error.answer too long", None)
        declared = dict(scope.get("headers", ())).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > MAX_BODY and not form:     # a form's first bytes are read
            return await error_response(scope, 413, "serve.error.large", most=MAX_BODY)(scope, _ended, send)
        refused = _refused_type(scope)
        if refused:
            return await error_response(scope, 415, "serve.error.type", type=refused)(scope, _ended, send)
        try:
            body, whole = await asyncio.wait_for(_read(receive), BODY_TIMEOUT)
        except TimeoutError:
            return await error_response(scope, 408, "serve.error.slow body", seconds=BODY_TIMEOUT)(scope, _ended, send)
        if not whole:
            if form:                       # the page again, with as much of the answer as arrived
                return await self._refused(scope, send, body, too_large)
            return await error_response(scope, 413, "serve.error.large", most=MAX_BODY)(scope, _ended, send)
        if limited and form:
            return await self._refused(scope, send, body, (429, "serve.error.rate", limited))
        if limited:
            return await error_response(scope, 429, "serve.error.rate", limited, lang=_asked_lang(body))(
                scope, _ended, send)
        await self.app(scope, _replay(body, receive), send)

    async def _refused(self, scope, send, body: bytes, refusal: tuple):
        scope["symnn.refused"] = refusal
        await self.app(scope, _replay(body, _ended), send)


def _replay(body: bytes, receive):
    """``receive`` with ``body`` delivered first, whole."""
    delivered = False

    async def replay():
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return replay


def _asked_lang(body: bytes) -> str | None:
    """The "lang" a JSON body asks for, if it can be read and names a language."""
    try:
        asked = read_json(body)
    except BodyError:
        return None
    lang = asked.get("lang") if isinstance(asked, dict) else None
    return lang if lang in LANGUAGES else None


async def _read(receive) -> tuple[bytes, bool]:
    """(the body, True), or (its first ``MAX_BODY`` bytes, False) when it is longer; Gone when the
    client leaves first."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise Gone()
        chunk = message.get("body", b"")
        if size + len(chunk) > MAX_BODY:
            chunks.append(chunk[:MAX_BODY - size])
            return b"".join(chunks), False
        size += len(chunk)
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks), True


async def _ended():
    return {"type": "http.disconnect"}


def _refused_type(scope) -> str | None:
    """The content type sent, when the route takes another one."""
    sent = dict(scope.get("headers", ())).get(b"content-type", b"").decode("latin-1").split(";")[0].strip().lower()
    for prefix, wanted in CONTENT_TYPES.items():
        if scope["path"].startswith(prefix):
            return None if sent == wanted else (sent or "none")[:60]
    return None


def route_of(path: str) -> str:
    """The path with its problem id folded, so that metrics have a bounded set of labels."""
    for prefix in ("/problems/", "/api/problems/", "/api/solve/", "/static/"):
        if path.startswith(prefix):
            return prefix + "{id}"
    return path if path in KNOWN_PATHS else "other"


KNOWN_PATHS = {"/", "/api/check", "/api/read", "/api/problems", "/openapi.json", "/healthz", "/metrics"}
