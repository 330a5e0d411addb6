"""Every error the service answers: ``{"error": message}`` for the API, a short page in the
student's language for the pages. Messages come from the catalogues (``serve.error.*``).

>>> response = error_response({"path": "/api/check", "query_string": b""}, 415, "serve.error.type", type="text/plain")
>>> response.status_code, response.body.decode()
(415, '{"error":"the body must be application/json, not text/plain"}')
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs

from starlette.responses import HTMLResponse, JSONResponse, Response

from ..lang import LANGUAGES, phrase


def lang_of(scope) -> str:
    """The language the request asked for (``?lang=``), English by default."""
    asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", ["en"])[-1]
    return asked if asked in LANGUAGES else "en"


def is_page(path: str) -> bool:
    return path == "/" or path.startswith("/problems/")


def error_response(scope, status: int, key: str, headers: dict | None = None, **values) -> Response:
    lang = lang_of(scope)
    if key == "serve.error.type":
        values["wanted"] = "application/json" if scope["path"].startswith("/api/") else \
            "application/x-www-form-urlencoded"
    message = phrase(lang, key, **values)
    if is_page(scope["path"]):
        return error_page(status, message, lang, headers)
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def error_page(status: int, message: str, lang: str, headers: dict | None = None) -> HTMLResponse:
    title = phrase(lang, "page.error", status=status)
    body = (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{html.escape(title)}</title><link rel="stylesheet" href="/static/page.css"></head>'
            f'<body><h1>{html.escape(title)}</h1><p role="alert">{html.escape(message)}</p>'
            f'<p><a href="/?lang={lang}">{html.escape(phrase(lang, "page.all problems"))}</a></p></body></html>\n')
    return HTMLResponse(body, status_code=status, headers=headers)
