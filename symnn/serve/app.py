"""The ASGI application: routes, the worker pool's lifetime, and the middleware that logs each
request on one line, counts it for /metrics, limits each client's rate, and turns every error
into a short JSON (or HTML) answer, never a traceback.
"""

from __future__ import annotations

import contextlib
import html
import json
import logging
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse
from starlette.routing import Route

from . import api, pages
from .checking import Checker
from .limits import RateLimit
from .metrics import METRICS
from .openapi import OPENAPI

LOG = logging.getLogger("symnn.serve")
MAX_BODY = 64 * 1024


class Guard:
    """ASGI middleware: the rate limit on POSTs, one log line and the metrics per request, and no traceback."""

    def __init__(self, app, rate: RateLimit):
        self.app, self.rate = app, rate

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start, status = time.perf_counter(), [500]
        client = (scope.get("client") or ("-",))[0]
        path = scope["path"]

        async def sending(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            if scope["method"] == "POST" and not self.rate.allow(client):
                response = JSONResponse({"error": "too many requests; slow down"}, status_code=429,
                                        headers={"Retry-After": str(self.rate.retry_after())})
                await response(scope, receive, sending)
            else:
                await self.app(scope, receive, sending)
        except Exception:                                    # logged here, never shown
            LOG.exception("request failed: %s %s", scope["method"], path)
            await JSONResponse({"error": "internal error"}, status_code=500)(scope, receive, sending)
        finally:
            seconds = time.perf_counter() - start
            route = _route(path)
            METRICS.observe(route, status[0], seconds)
            LOG.info(json.dumps({"method": scope["method"], "route": route, "status": status[0],
                                 "ms": round(seconds * 1000, 1), "client": client}))


def _route(path: str) -> str:
    """The path with its problem id folded, so that metrics have a bounded set of labels."""
    for prefix in ("/problems/", "/api/problems/", "/api/solve/"):
        if path.startswith(prefix):
            return prefix + "{id}"
    return path if path in KNOWN_PATHS else "other"


async def _api_error(request: Request, error: api.ApiError):
    if request.url.path.startswith("/api/"):
        return api.error_response(error)
    body = f"<!DOCTYPE html><html><body><h1>{error.status}</h1><p>{html.escape(error.message)}</p></body></html>"
    return HTMLResponse(body, status_code=error.status, headers=error.headers)


async def _http_error(request: Request, error):
    return JSONResponse({"error": error.detail}, status_code=error.status_code, headers=getattr(error, "headers", None))


async def metrics(request: Request) -> PlainTextResponse:
    return PlainTextResponse(METRICS.text(), media_type="text/plain; version=0.0.4")


async def openapi(request: Request) -> JSONResponse:
    return JSONResponse(OPENAPI)


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
]
KNOWN_PATHS = {route.path for route in ROUTES}


def create_app(workers: int = 2, bank=None, timeout: float = 2.0, seed: int = 0, rate: float = 20.0,
               burst: float = 40.0) -> Starlette:
    """The service; ``seed`` fixes each student's variant (as ``symnn variants --seed`` does)."""
    from starlette.exceptions import HTTPException

    @contextlib.asynccontextmanager
    async def lifespan(app):
        app.state.checker = Checker(workers, timeout, bank=bank)
        try:
            yield
        finally:
            app.state.checker.close()

    app = Starlette(routes=ROUTES, lifespan=lifespan, max_body_size=MAX_BODY,
                    exception_handlers={api.ApiError: _api_error, HTTPException: _http_error})
    app.state.bank, app.state.seed = bank, seed
    app.add_middleware(Guard, rate=RateLimit(rate, burst))
    return app
