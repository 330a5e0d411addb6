"""The ASGI application: routes, the worker pool's lifetime, the page cache, and the guard in
front of them all (``guard.Guard``: client address, rate limits, bodies, security headers, logs).
"""

from __future__ import annotations

import contextlib
import hmac

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from . import api, pages
from .checking import MAX_WAIT, Checker
from .errors import error_page, error_response, lang_of
from .guard import Guard, trusted_networks
from .limits import RateLimit
from .live_bank import LiveBank
from .metrics import METRICS
from .openapi import OPENAPI
from .rendering import PageCache
from .static import STATIC

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


async def _api_error(request: Request, error: api.ApiError):
    if request.url.path.startswith("/api/") or not error.key:
        return api.error_response(error)
    lang = lang_of(request.scope)
    return error_page(error.status, pages.phrase(lang, error.key, **error.values), lang, error.headers)


async def _http_error(request: Request, error: HTTPException):
    keys = {404: "serve.error.not found", 405: "serve.error.method"}
    return error_response(request.scope, error.status_code, keys.get(error.status_code, "serve.error.request"),
                          getattr(error, "headers", None))


async def _internal(request: Request, error: Exception):
    """A failure of the service: a short answer (the guard logs its traceback), never the traceback."""
    return error_response(request.scope, 500, "serve.error.internal")


async def metrics(request: Request) -> Response:
    """Prometheus's text: to the loopback only (and not through a proxy), or to whoever sends the configured token."""
    token = request.app.state.metrics_token
    if token:
        sent = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(sent.encode(), token.encode()):
            return JSONResponse({"error": "a token is needed: Authorization: Bearer TOKEN"}, status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})
    elif (request.client.host if request.client else "") not in LOOPBACK or "x-forwarded-for" in request.headers:
        return JSONResponse({"error": "not found"}, status_code=404)
    return PlainTextResponse(METRICS.text(), media_type="text/plain; version=0.0.4")


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(OPENAPI)


async def static(request: Request) -> Response:
    found = STATIC.get(request.path_params["name"])
    if found is None:
        raise HTTPException(404)
    text, media_type = found
    return Response(text, media_type=media_type, headers={"Cache-Control": "public, max-age=3600"})


ROUTES = [
    Route("/", pages.index),
    Route("/problems/{id}", pages.problem_page, methods=["GET", "POST"]),
    Route("/api/check", api.check, methods=["POST"]),
    Route("/api/read", api.preview, methods=["POST"]),
    Route("/api/problems", api.problems),
    Route("/api/problems/{id}", api.problem),
    Route("/api/solve/{id}", api.solved),
    Route("/openapi.json", openapi),
    Route("/healthz", api.healthz),
    Route("/metrics", metrics),
    Route("/static/{name}", static),
]


def create_app(workers: int = 2, bank=None, timeout: float = 2.0, seed: int = 0, rate: float = 20.0,
               burst: float = 40.0, trusted_proxies: str | None = None, metrics_token: str | None = None,
               max_wait: float = MAX_WAIT) -> Starlette:
    """The service; ``seed`` fixes each student's variant (as ``symnn variants --seed`` does);
    ``rate``/``burst``: checks per second per client (previews and page views get five times as many);
    ``trusted_proxies``: addresses whose X-Forwarded-For is believed (none by default);
    ``metrics_token``: /metrics answers whoever sends it (else the loopback only)."""

    @contextlib.asynccontextmanager
    async def lifespan(app):
        app.state.checker = Checker(workers, timeout, bank=bank, max_wait=max_wait)
        try:
            yield
        finally:
            app.state.checker.close()

    app = Starlette(routes=ROUTES, lifespan=lifespan,
                    exception_handlers={api.ApiError: _api_error, HTTPException: _http_error, Exception: _internal})
    app.state.bank, app.state.seed, app.state.metrics_token = LiveBank(bank), seed, metrics_token
    app.state.pages = PageCache(app.state.bank)
    limits = {"check": RateLimit(rate, burst), "read": RateLimit(5 * rate, 5 * burst), "page": RateLimit(5 * rate, 5 * burst)}
    app.add_middleware(Guard, limits=limits, trusted=trusted_networks(trusted_proxies))
    return app
